package com.keydesk.app;

import com.keydesk.domain.ConflictException;
import com.keydesk.ui.FxDialogService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An exception nobody caught opens the error dialog: the sentence first, the stack trace one click away. */
class ErrorHandlerRobotTest extends FxRobot {
    private Stage stage;
    private Thread.UncaughtExceptionHandler fxBefore;
    private Thread.UncaughtExceptionHandler defaultBefore;

    @BeforeEach
    void showWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        FxToolkit.setupFixture(() -> {
            fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
            stage = new Stage();
            stage.setScene(new javafx.scene.Scene(new StackPane(new Label("KeyDesk")), 400, 300));
            stage.show();
            ErrorHandler.install(new FxDialogService(() -> stage));
        });
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.setupFixture(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxBefore);
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.isShowing()) {
                    s.close();
                }
            }
        });
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
    }

    private DialogPane errorDialog() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".dialog-pane").match((Node n) -> n.isVisible()).queryAs(DialogPane.class);
    }

    @Test
    void aBugOnTheFxThreadShowsTheSentenceWithTheTraceCollapsed() {
        Platform.runLater(() -> {
            throw new IllegalStateException("index 7 out of bounds in KeyTableView");
        });
        DialogPane pane = errorDialog();
        assertThat(pane.getHeaderText()).isEqualTo("Something went wrong");
        assertThat(pane.getContentText()).isEqualTo(
                "Something went wrong that KeyDesk did not expect. The details below help whoever looks into it.");
        assertThat(pane.isExpanded()).isFalse();
        assertThat(((TextArea) pane.getExpandableContent()).getText())
                .startsWith("java.lang.IllegalStateException: index 7 out of bounds in KeyTableView");
        clickOn(pane.lookup(".details-button"));
        assertThat(pane.isExpanded()).isTrue();
        clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
    }

    @Test
    void aServiceFailureFromAnotherThreadShowsTheServiceSentence() throws Exception {
        Thread worker = new Thread(() -> {
            throw new ConflictException("bob is already deactivated.");
        }, "keydesk-worker-test");
        worker.start();
        worker.join();
        DialogPane pane = errorDialog();
        assertThat(pane.getContentText()).isEqualTo("bob is already deactivated.");
        assertThat(pane.isExpanded()).isFalse();
        clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
    }
}
