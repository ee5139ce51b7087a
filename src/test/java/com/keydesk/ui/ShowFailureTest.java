package com.keydesk.ui;

import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every screen shows a failure one way: the services' sentence, the stack trace only for a bug. */
class ShowFailureTest {
    private final List<Throwable> details = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();
    private final DialogService dialogs = new DialogService() {
        @Override
        public boolean confirm(String heading, String sentence, String confirmLabel) {
            throw new AssertionError("not asked");
        }

        @Override
        public boolean confirmByTyping(String heading, String sentence, String expected, String confirmLabel) {
            throw new AssertionError("not asked");
        }

        @Override
        public void showError(String heading, String sentence, Throwable shownDetails) {
            sentences.add(sentence);
            details.add(shownDetails);
        }

        @Override
        public void showInformation(String heading, String sentence) {
            throw new AssertionError("not asked");
        }
    };

    @Test
    void aFailureTheServicesDescribeShowsTheirSentenceAndNoDetails() {
        ValidationException refused = new ValidationException("name", "A key needs a name.");
        dialogs.showFailure("Could not save", refused);
        assertThat(sentences).containsExactly(ErrorText.sentence(refused));
        assertThat(details).containsExactly((Throwable) null);
    }

    @Test
    void anyOtherFailureShowsItsDetails() {
        IllegalStateException bug = new IllegalStateException("boom");
        dialogs.showFailure("Could not save", bug);
        assertThat(sentences).containsExactly(ErrorText.sentence(bug));
        assertThat(details).containsExactly(bug);
    }

    @Test
    void runningOutOfMemorySaysHowMuchItMayUseAndWhereToRaiseItWithNoDetails() {
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        dialogs.showFailure("Could not load the audit log", full);
        long capMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(sentences).singleElement().asString()
                .startsWith("KeyDesk ran out of memory: this needs more than the " + capMb + " MB it may use.")
                .contains("-Xmx", "lib/app/keydesk-desktop.cfg");
        assertThat(details).containsExactly((Throwable) null);
    }
}
