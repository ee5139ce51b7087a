package com.keydesk.ui;

import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundWorkTest {
    private final DeferredTaskRunner runner = new DeferredTaskRunner();
    private final List<String> errors = new ArrayList<>();
    private final BackgroundWork work = new BackgroundWork(runner, errors::add);

    @Test
    void runsFromStartUntilItsOutcomeIsHandedOver() {
        List<Boolean> runningWhenDelivered = new ArrayList<>();
        work.task(() -> 42).onSuccess(result -> runningWhenDelivered.add(work.isRunning())).start();
        assertThat(work.runningProperty().get()).isTrue();

        runner.deliver();

        assertThat(work.isRunning()).isFalse();
        assertThat(runningWhenDelivered).containsExactly(false);   // the handler may start the next task
    }

    @Test
    void staysRunningWhileAnyTaskIsOut() {
        work.task(() -> 1).start();
        work.action(() -> { throw new ValidationException("name", "Give the key a name."); }).start();
        runner.deliverOne();
        assertThat(work.isRunning()).isTrue();
        runner.deliverOne();
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void aFailureWithoutItsOwnHandlerBecomesTheServicesSentence() {
        work.action(() -> { throw new ValidationException("name", "Give the key a name."); }).start();
        runner.deliver();
        assertThat(errors).containsExactly("Give the key a name.");
    }

    @Test
    void anUnexpectedFailureSaysSoWithoutItsMessage() {
        work.task(() -> { throw new IllegalStateException("jdbc:h2:/secret/path"); }).start();
        runner.deliver();
        assertThat(errors).containsExactly(Messages.get("error.unexpected"));
    }

    @Test
    void aTasksOwnFailureHandlerReplacesTheSentence() {
        List<Throwable> seen = new ArrayList<>();
        work.task(() -> { throw new IllegalStateException("boom"); }).onFailure(seen::add).start();
        runner.deliver();
        assertThat(seen).hasSize(1);
        assertThat(errors).isEmpty();
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void aHoldRunsUntilReleasedOnce() {
        Runnable release = work.hold();
        work.task(() -> 1).start();
        assertThat(work.isRunning()).isTrue();
        release.run();
        release.run();   // a second release must not end someone else's task
        assertThat(work.isRunning()).isTrue();
        runner.deliver();
        assertThat(work.isRunning()).isFalse();
    }
}
