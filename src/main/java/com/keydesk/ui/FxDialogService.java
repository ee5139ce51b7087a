package com.keydesk.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** The standard dialogs, as JavaFX alerts owned by the current main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String heading, String sentence, String confirmLabel) {
        Alert alert = prepare(new Alert(Alert.AlertType.CONFIRMATION), heading, sentence);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(yes, cancel);
        preferCancel(alert.getDialogPane(), yes, cancel);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public boolean confirmByTyping(String heading, String sentence, String expected, String confirmLabel) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.format("window.title.with", heading));
        dialog.setHeaderText(heading);
        initOwner(dialog);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(yes, ButtonType.CANCEL);
        TextField typed = new TextField();
        typed.setId("typeToConfirm");
        typed.setPromptText(expected);
        Label explain = new Label(sentence);
        explain.setWrapText(true);
        Label instruction = new Label(Messages.format("confirm.type", expected));
        instruction.setWrapText(true);
        VBox content = new VBox(10, explain, instruction, typed);
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(yes).disableProperty()
                .bind(typed.textProperty().isNotEqualTo(expected));
        dialog.setOnShown(e -> typed.requestFocus());
        return dialog.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void showError(String heading, String sentence, Throwable details) {
        Alert alert = prepare(new Alert(Alert.AlertType.ERROR), heading, sentence);
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setPrefRowCount(14);
            trace.getStyleClass().add("monospace");
            alert.getDialogPane().setExpandableContent(trace);
        }
        alert.showAndWait();
    }

    @Override
    public void showInformation(String heading, String sentence) {
        prepare(new Alert(Alert.AlertType.INFORMATION), heading, sentence).showAndWait();
    }

    private Alert prepare(Alert alert, String heading, String sentence) {
        alert.setTitle(Messages.format("window.title.with", heading));
        alert.setHeaderText(heading);
        alert.setContentText(sentence);
        alert.getDialogPane().setMinWidth(460);
        initOwner(alert);
        return alert;
    }

    private void initOwner(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
        }
        if (dialog.getDialogPane().getScene().getWindow() instanceof javafx.stage.Stage stage) {
            Windows.setIcon(stage);
        }
    }

    /** A confirmation never goes ahead on a stray Enter: Cancel is the default button. */
    private static void preferCancel(javafx.scene.control.DialogPane pane, ButtonType yes, ButtonType cancel) {
        ((javafx.scene.control.Button) pane.lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) pane.lookupButton(cancel)).setDefaultButton(true);
    }

    static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
