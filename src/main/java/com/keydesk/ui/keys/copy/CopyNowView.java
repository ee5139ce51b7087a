package com.keydesk.ui.keys.copy;

import com.keydesk.ui.Messages;
import com.keydesk.ui.SteadyWidthButton;
import com.keydesk.ui.Windows;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Shows a new key's secret once (after Cryptomator's recovery-key display): read-only
 * monospace field, Copy that turns into "Copied" (at the same width), the key's owner,
 * permission set and expiry below it, Done only after the person says the key is stored. Closing by any other way asks first. On close the field is emptied and the
 * ViewModel drops the secret.
 */
public final class CopyNowView {
    private CopyNowView() {
    }

    /** Whose key it is, what it may do and until when: what a person checks before storing it. */
    private static GridPane facts(CopyNowViewModel vm) {
        GridPane facts = new GridPane();
        facts.setId("copyFacts");
        facts.getStyleClass().add("copy-facts");
        facts.setHgap(28);
        facts.setVgap(2);
        fact(facts, 0, "column.owner", "copyOwner", vm.ownerText());
        fact(facts, 1, "column.permission", "copyPermission", vm.permissionText());
        fact(facts, 2, "column.expires", "copyExpires", vm.expiryText());
        return facts;
    }

    private static void fact(GridPane facts, int column, String captionKey, String id, String text) {
        Label caption = new Label(Messages.get(captionKey));
        caption.getStyleClass().add("hint");
        Label value = new Label(text);
        value.setId(id);
        value.setMinWidth(Region.USE_PREF_SIZE);
        caption.setLabelFor(value);
        facts.add(caption, column, 0);
        facts.add(value, column, 1);
    }

    public static void showAndWait(Window owner, CopyNowViewModel vm) {
        Label heading = new Label(Messages.get("copy.heading"));
        heading.getStyleClass().add("title-3");
        Label sentence = new Label(Messages.format("copy.sentence", vm.keyName()));
        sentence.setWrapText(true);

        TextField secret = new TextField();
        secret.setId("secretField");
        secret.setEditable(false);
        secret.getStyleClass().add("secret-field");
        secret.textProperty().bind(vm.secretProperty());
        HBox.setHgrow(secret, Priority.ALWAYS);

        // As wide as "Copied" from the start: the key field beside it must not shrink on a click.
        Button copy = new SteadyWidthButton(CopyNowViewModel.copyButtonTexts());
        copy.setId("copyButton");
        copy.setGraphic(new FontIcon("mdi2c-content-copy"));
        copy.textProperty().bind(vm.copyButtonTextBinding());
        copy.setOnAction(e -> vm.copy());
        HBox secretRow = new HBox(8, secret, copy);
        secretRow.setAlignment(Pos.CENTER_LEFT);

        Label clipboardNote = new Label(Messages.format("copy.clipboardNote", vm.clearSeconds()));
        clipboardNote.getStyleClass().add("hint");
        clipboardNote.setWrapText(true);

        CheckBox stored = new CheckBox(Messages.get("copy.acknowledge"));
        stored.setId("acknowledge");
        stored.selectedProperty().bindBidirectional(vm.acknowledgedProperty());

        Button done = new Button(Messages.get("copy.done"));
        done.setId("doneButton");
        done.setDefaultButton(true);
        done.disableProperty().bind(vm.doneDisabledProperty());
        HBox buttons = new HBox(done);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, sentence, secretRow, facts(vm), clipboardNote, stored, buttons);
        if (vm.fullSitePower()) {
            Label power = new Label(Messages.get("copy.fullPower"));
            power.setWrapText(true);
            VBox box = new VBox(power);
            box.getStyleClass().add("warning-box");
            root.getChildren().add(2, box);
        }
        root.setPadding(new Insets(20));
        root.setPrefWidth(780);

        Stage stage = Windows.modal(owner, Messages.get("copy.title"), root);
        stage.setResizable(false);
        done.setOnAction(e -> vm.done());
        stage.setOnCloseRequest(e -> {
            if (!vm.requestClose()) {
                e.consume();
            }
        });
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (vm.requestClose()) {
                    stage.close();
                }
            }
        });
        vm.finishedProperty().addListener((obs, was, finished) -> {
            if (finished) {
                stage.close();
            }
        });
        stage.setOnHidden(e -> {
            vm.finish();
            secret.textProperty().unbind();
            secret.clear();
        });
        stage.setOnShown(e -> copy.requestFocus());
        stage.showAndWait();
    }
}
