package com.keydesk.ui.start;

import com.keydesk.ui.Messages;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shared pieces of the first-start and sign-in screens. */
final class StartViews {
    private StartViews() {
    }

    static Label error(ObservableValue<String> text) {
        return com.keydesk.ui.Controls.errorLabel(text);
    }

    static Label fieldLabel(String key, Node field) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(field);
        return label;
    }

    static VBox brand(String headingKey, String sentence) {
        return brand(new javafx.beans.property.SimpleStringProperty(Messages.get(headingKey)), sentence);
    }

    static VBox brand(ObservableValue<String> heading, String sentence) {
        FontIcon icon = new FontIcon("mdi2k-key-chain-variant");
        icon.setIconSize(40);
        icon.getStyleClass().add("brand-icon");
        Label title = new Label();
        title.setId("startHeading");
        title.setWrapText(true);
        title.textProperty().bind(heading);
        title.getStyleClass().add("title-2");
        Label text = new Label(sentence);
        text.setWrapText(true);
        text.getStyleClass().add("hint");
        VBox brand = new VBox(6, icon, title, text);
        brand.setAlignment(Pos.CENTER_LEFT);
        return brand;
    }

    /** The screen's one action: the accent default button, with the busy indicator beside it. */
    static HBox actionRow(Button action, ObservableValue<Boolean> enabled, ObservableValue<Boolean> busy,
                          Runnable onAction) {
        action.setDefaultButton(true);
        action.getStyleClass().add("accent");
        action.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(enabled.getValue()), enabled));
        action.setOnAction(e -> onAction.run());
        HBox row = new HBox(10, com.keydesk.ui.FormButtons.busyIndicator(busy), action);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static StackPane centered(VBox card) {
        card.getStyleClass().addAll("start-card");
        card.setMaxWidth(440);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setFillWidth(true);
        StackPane pane = new StackPane(card);
        pane.setAlignment(Pos.CENTER);
        pane.setPrefSize(900, 640);
        return pane;
    }

    /**
     * Puts a start screen's card in the middle of {@code screen}, the links to another store under
     * its fields, the whole card off while the screen is busy; {@code first} takes the focus once
     * the screen is shown.
     */
    static void place(StackPane screen, VBox card, StoreLinks stores, ObservableValue<Boolean> busy, Node first) {
        card.getChildren().add(storeLinks(stores));
        card.disableProperty().bind(busy);
        screen.getChildren().add(centered(card));
        screen.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                first.requestFocus();
            }
        });
    }

    /** "Use this computer's store" and "Open team store…" under the card, as far as the screen offers them. */
    private static Node storeLinks(StoreLinks stores) {
        HBox row = new HBox(4, link("openLocalStoreLink", "teamStore.local.menu", "mdi2l-laptop",
                        stores.localStoreOffered(), stores::openLocalStore),
                link("openTeamStoreLink", "teamStore.open.menu", "mdi2d-database-arrow-right",
                        stores.teamStoreOffered(), stores::openTeamStore));
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static javafx.scene.control.Hyperlink link(String id, String key, String icon, boolean offered,
                                                       Runnable action) {
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(Messages.get(key), new FontIcon(icon));
        link.setId(id);
        link.setOnAction(e -> action.run());
        link.setVisible(offered);
        link.setManaged(offered);
        return link;
    }
}
