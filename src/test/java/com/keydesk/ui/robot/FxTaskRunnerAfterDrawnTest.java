package com.keydesk.ui.robot;

import com.keydesk.ui.FxTaskRunner;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What waits for the screen runs on the JavaFX thread, after the pulse that laid out and drew the change. */
class FxTaskRunnerAfterDrawnTest {

    /** What afterDrawn's callback saw: layout pulses since the change, and its thread. */
    private record Seen(int pulsesSinceChange, boolean onFxThread) {
    }

    @Test
    void runsAfterThePulseThatDrewWhatWasJustChanged() throws Exception {
        FxToolkit.registerPrimaryStage();
        Label label = new Label("before");
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(label), 200, 80));
            stage.show();
        });
        AtomicInteger pulses = new AtomicInteger();
        CompletableFuture<Seen> ran = new CompletableFuture<>();
        try (FxTaskRunner tasks = new FxTaskRunner()) {
            FxToolkit.setupFixture(() -> {
                label.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
                label.setText("after");
                tasks.afterDrawn(() -> ran.complete(new Seen(pulses.get(), Platform.isFxApplicationThread())));
            });
            Seen seen = ran.get(10, TimeUnit.SECONDS);
            assertThat(seen.pulsesSinceChange()).as("layout pulses between the change and the callback").isPositive();
            assertThat(seen.onFxThread()).isTrue();
        }
    }
}
