package com.keydesk.ui.teamstore;

import com.keydesk.ui.Controls;
import com.keydesk.ui.FieldDecorations;
import com.keydesk.ui.FormButtons;
import com.keydesk.ui.Messages;
import com.keydesk.ui.Windows;
import com.keydesk.ui.teamstore.TeamStoreDialogViewModel.Choice;
import com.keydesk.ui.teamstore.TeamStoreDialogViewModel.Purpose;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/** The team store dialog: recent stores, the address fields, Test connection and its one sentence, Open. */
public final class TeamStoreDialogView {
    private TeamStoreDialogView() {
    }

    /** Shows the dialog until the person chooses a store or cancels; the choice, if any. */
    public static Optional<Choice> showAndWait(Window owner, TeamStoreDialogViewModel vm) {
        boolean moving = vm.purpose() == Purpose.MOVE;
        ComboBox<TeamStoreAddress> recent = new ComboBox<>(vm.recent());
        recent.setId("recentStores");
        recent.setPromptText(Messages.get("teamStore.recent.prompt"));
        recent.setMaxWidth(Double.MAX_VALUE);
        recent.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(TeamStoreAddress item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? Messages.get("teamStore.recent.prompt") : item.display());
            }
        });
        recent.setOnAction(e -> vm.choose(recent.getValue()));
        recent.disableProperty().bind(Bindings.isEmpty(vm.recent()));

        TextField host = text("hostField", vm.hostProperty(), "db.example.com");
        TextField port = text("portField", vm.portProperty(), "5432");
        port.setPrefColumnCount(6);
        TextField database = text("databaseField", vm.databaseProperty(), "keydesk");
        TextField user = text("userField", vm.userProperty(), null);
        PasswordField password = new PasswordField();
        password.setId("storePasswordField");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setPromptText(Messages.get("teamStore.password.prompt"));
        password.setTooltip(new javafx.scene.control.Tooltip(Messages.get("teamStore.password.tooltip")));
        ComboBox<TlsMode> tls = new ComboBox<>();
        tls.setId("tlsMode");
        tls.getItems().setAll(vm.tlsChoices());
        tls.valueProperty().bindBidirectional(vm.tlsProperty());
        tls.setMaxWidth(Double.MAX_VALUE);
        TextField rootCert = text("rootCertField", vm.rootCertProperty(), Messages.get("teamStore.rootCert.prompt"));
        rootCert.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.tlsProperty().get() == null || !vm.tlsProperty().get().checksCertificate(), vm.tlsProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        new FieldDecorations().watch(port, vm.portErrorProperty());
        HBox hostAndPort = new HBox(8, host, new Label(Messages.get("teamStore.port")), port);
        hostAndPort.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        int row = 0;
        grid.addRow(row++, label("teamStore.recent", recent), recent);
        grid.addRow(row++, label("teamStore.host", host), new VBox(4, hostAndPort,
                Controls.errorLabel(vm.portErrorProperty())));
        grid.addRow(row++, label("teamStore.database", database), database);
        grid.addRow(row++, label("teamStore.user", user), user);
        grid.addRow(row++, label("teamStore.password", password), password);
        grid.addRow(row++, label("teamStore.tls", tls), tls);
        grid.addRow(row, label("teamStore.rootCert", rootCert), rootCert);

        Label result = new Label();
        result.setId("connectionResult");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(vm.resultProperty());
        FontIcon resultIcon = new FontIcon();
        vm.resultGoodProperty().addListener((o, was, good) -> showVerdict(result, resultIcon, good));
        showVerdict(result, resultIcon, vm.resultGoodProperty().get());
        HBox verdict = new HBox(8, resultIcon, result);
        verdict.setAlignment(Pos.TOP_LEFT);
        verdict.visibleProperty().bind(vm.resultProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());

        Button test = new Button(Messages.get("teamStore.test"), new FontIcon("mdi2l-lan-pending"));
        test.setId("testConnectionButton");
        test.disableProperty().bind(vm.canActProperty().not());
        test.setOnAction(e -> vm.testConnection());
        FormButtons buttons = FormButtons.of("openStoreButton",
                Messages.get(moving ? "teamStore.move.button" : "teamStore.open.button"), vm.canActProperty(), vm::open,
                vm.busyProperty(), test);

        Label heading = new Label(Messages.get(moving ? "teamStore.move.heading" : "teamStore.open.heading"));
        heading.getStyleClass().add("title-3");
        Label sentence = new Label(Messages.get(moving ? "teamStore.move.sentence" : "teamStore.open.sentence"));
        sentence.setWrapText(true);
        sentence.getStyleClass().add("hint");
        grid.disableProperty().bind(vm.busyProperty());
        VBox root = new VBox(14, heading, sentence, grid, verdict, buttons.row());
        root.setPadding(new Insets(20));
        root.setPrefWidth(560);

        Stage stage = Windows.modal(owner, Messages.get(moving ? "teamStore.move.title" : "teamStore.open.title"), root);
        buttons.cancel().setOnAction(e -> stage.close());
        vm.chosenProperty().addListener((o, was, choice) -> {
            if (choice != null) {
                stage.close();
            }
        });
        stage.setOnShown(e -> (vm.hostProperty().get().isBlank() ? host : password).requestFocus());
        vm.loadRecent();
        stage.showAndWait();
        vm.passwordProperty().set("");   // cancelled or not, nothing typed stays in the form
        return Optional.ofNullable(vm.chosenProperty().get());
    }

    private static void showVerdict(Label result, FontIcon icon, boolean good) {
        icon.setIconLiteral(good ? "mdi2c-check-circle-outline" : "mdi2a-alert-circle-outline");
        result.getStyleClass().removeAll("field-error", "verdict-good");
        icon.getStyleClass().removeAll("verdict-bad-icon", "verdict-good-icon");
        result.getStyleClass().add(good ? "verdict-good" : "field-error");
        icon.getStyleClass().add(good ? "verdict-good-icon" : "verdict-bad-icon");
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPromptText(prompt);
        return field;
    }

    private static Label label(String key, Node field) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
