package com.keydesk.ui.start;

import com.keydesk.ui.SameThreadTaskRunner;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.start.PasswordStrength.Rating;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The password hint estimates how easy a password is to guess, not only how long it is. */
class PasswordStrengthTest {
    @Test
    void password1234IsLongEnoughAndStillWeak() {
        PasswordStrength.Estimate estimate = PasswordStrength.estimate("password1234");

        assertThat(estimate.rating()).isEqualTo(Rating.WEAK);
        assertThat(estimate.hint()).startsWith("Weak, easy to guess: ").doesNotContain("Acceptable");
    }

    @Test
    void commonPatternsAreWeakWhateverTheirLength() {
        for (String guessable : List.of("qwertyuiop12", "alice1990alice", "bob password 123", "Summer2024!!")) {
            assertThat(PasswordStrength.estimate(guessable).rating()).as(guessable).isEqualTo(Rating.WEAK);
        }
    }

    @Test
    void uncommonWordsAndRandomCharactersAreStrong() {
        assertThat(PasswordStrength.estimate("quixotic marmalade ferns zebra").rating()).isEqualTo(Rating.STRONG);
        assertThat(PasswordStrength.estimate("vN7#q2Lx!pR9").rating()).isEqualTo(Rating.STRONG);
    }

    @Test
    void theServicesMinimumLengthComesFirst() {
        assertThat(PasswordStrength.estimate("").rating()).isEqualTo(Rating.EMPTY);
        assertThat(PasswordStrength.estimate("vN7#q2Lx!pR").hint()).isEqualTo("1 more character needed.");
        assertThat(PasswordStrength.quick("vN7#q2Lx!pR9")).isNull();
    }

    @Test
    void theHintFollowsTheTyping() {
        StringProperty password = new SimpleStringProperty("");
        PasswordStrengthHint hint = new PasswordStrengthHint(password, new SameThreadTaskRunner());

        password.set("short");
        assertThat(hint.textProperty().get()).isEqualTo("7 more characters needed.");
        password.set("password1234");
        assertThat(hint.ratingProperty().get()).isEqualTo(Rating.WEAK);
        password.set("quixotic marmalade ferns zebra");
        assertThat(hint.ratingProperty().get()).isEqualTo(Rating.STRONG);
        assertThat(hint.textProperty().get()).isEqualTo("Strong.");
    }

    /** Typing while an estimate runs queues nothing per key: the newest password is estimated next. */
    @Test
    void onlyTheNewestPasswordIsEstimatedAfterTheOneRunning() {
        HeldTasks tasks = new HeldTasks();
        StringProperty password = new SimpleStringProperty("");
        PasswordStrengthHint hint = new PasswordStrengthHint(password, tasks);
        tasks.runAll();   // the warm-up

        password.set("password1234");
        password.set("password12345");
        password.set("quixotic marmalade ferns zebra");
        assertThat(tasks.held).hasSize(1);
        assertThat(hint.textProperty().get()).isEqualTo("Long enough; checking how easy it is to guess…");

        tasks.runAll();   // "password1234" ends; the newest is started in its place
        assertThat(hint.ratingProperty().get()).isEqualTo(Rating.EMPTY);   // the stale answer is never shown
        tasks.runAll();
        assertThat(hint.ratingProperty().get()).isEqualTo(Rating.STRONG);
        assertThat(tasks.ran).isEqualTo(3);
    }

    /** Runs what it was given only when told, on the test's thread. */
    private static final class HeldTasks implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();
        int ran;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
            ran += now.size();
        }
    }
}
