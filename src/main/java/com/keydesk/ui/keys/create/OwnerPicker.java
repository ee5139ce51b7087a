package com.keydesk.ui.keys.create;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * The owner field's list of names, drawn on a layer of the dialog's own scene just under the
 * field. It replaces ControlsFX's completion popup, which is a window of its own: it clashed
 * with AtlantaFX (a white frame and unresolved colours in dark theme), and its list's selection
 * raced the answers arriving from the background, so a click on a name raised
 * IndexOutOfBoundsException ("Something went wrong"). Here a click takes the row's own name
 * without touching the selection, the field keeps the focus, and the rows are replaced only
 * with the selection cleared first.
 * Keys on the field: Down/Up move through the names (Down opens the list), Enter takes the
 * highlighted one, Escape closes the list (not the dialog), Tab closes it and moves on.
 */
final class OwnerPicker {
    static final int VISIBLE_ROWS = 8;
    private static final double ROW_HEIGHT = 30;
    private static final double GAP = 2;

    private final TextField field;
    private final CreateKeyViewModel vm;
    private final ListView<String> list = new ListView<>();
    private final Pane layer;
    /** The first row in view: Down and Up scroll the list only as far as keeps the highlighted row shown. */
    private int firstShown;
    private final javafx.event.EventHandler<MouseEvent> pressAnywhere = this::onPressAnywhere;

    private OwnerPicker(TextField field, CreateKeyViewModel vm, Pane layer) {
        this.field = field;
        this.vm = vm;
        this.layer = layer;
    }

    /** Puts the list for {@code field} on {@code layer}: a pane over the whole form that lets clicks through (pickOnBounds false). */
    static void attach(TextField field, CreateKeyViewModel vm, Pane layer) {
        new OwnerPicker(field, vm, layer).wire();
    }

    private void wire() {
        list.setId("ownerSuggestions");
        list.getStyleClass().add("owner-suggestions");
        list.setFocusTraversable(false);   // the field keeps the focus: typing goes on while the list shows
        list.setFixedCellSize(ROW_HEIGHT);
        list.setManaged(false);            // floats over the form: the dialog keeps its size
        list.setVisible(false);
        list.setCellFactory(v -> new NameCell());
        layer.getChildren().add(list);

        vm.ownerSuggestions().addListener((ListChangeListener<String>) change -> show());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                vm.dismissOwnerSuggestions();
            }
        });
        // A press elsewhere in the dialog closes the list, as a popup would (one on a label keeps the focus here).
        field.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.addEventFilter(MouseEvent.MOUSE_PRESSED, pressAnywhere);
            }
            if (was != null) {
                was.removeEventFilter(MouseEvent.MOUSE_PRESSED, pressAnywhere);
            }
        });
        field.localToSceneTransformProperty().addListener((o, a, b) -> place());
        field.layoutBoundsProperty().addListener((o, a, b) -> place());
        layer.layoutBoundsProperty().addListener((o, a, b) -> place());
    }

    /** The rows of the newest answer, nothing highlighted; hidden when there is none. */
    private void show() {
        list.getSelectionModel().clearSelection();   // before the rows change, so no stale index survives
        list.getItems().setAll(vm.ownerSuggestions());
        firstShown = 0;
        list.scrollTo(0);
        list.setVisible(!list.getItems().isEmpty() && field.isFocused());
        place();
    }

    /** Just under the field, as wide as it, as tall as its rows (at most {@link #VISIBLE_ROWS}) and the form allow. */
    private void place() {
        if (!list.isVisible()) {
            return;
        }
        Bounds at = layer.sceneToLocal(field.localToScene(field.getLayoutBounds()));
        double top = at.getMaxY() + GAP;
        list.applyCss();   // its insets (the border drawn around the rows) come from the stylesheet
        double wanted = Math.min(list.getItems().size(), VISIBLE_ROWS) * ROW_HEIGHT
                + list.snappedTopInset() + list.snappedBottomInset();
        double room = Math.max(ROW_HEIGHT + 2, layer.getHeight() - top - GAP);
        list.resizeRelocate(at.getMinX(), top, at.getWidth(), Math.min(wanted, room));
    }

    private void onPressAnywhere(MouseEvent e) {
        if (list.isVisible() && !within(e.getPickResult().getIntersectedNode(), list)
                && !within(e.getPickResult().getIntersectedNode(), field)) {
            vm.dismissOwnerSuggestions();
        }
    }

    private static boolean within(javafx.scene.Node node, javafx.scene.Node container) {
        for (javafx.scene.Node at = node; at != null; at = at.getParent()) {
            if (at == container) {
                return true;
            }
        }
        return false;
    }

    private void onKey(KeyEvent e) {
        boolean open = list.isVisible();
        switch (e.getCode()) {
            case DOWN -> {
                if (open) {
                    move(+1);
                } else {
                    vm.suggestOwners();
                }
                e.consume();
            }
            case UP -> {
                if (open) {
                    move(-1);
                    e.consume();
                }
            }
            case ENTER -> {
                String highlighted = list.getSelectionModel().getSelectedItem();
                if (open && highlighted != null) {
                    vm.chooseOwner(highlighted);
                    field.end();
                    e.consume();   // Enter took a name: it does not also press Create
                }
            }
            case ESCAPE -> {
                if (open) {
                    vm.dismissOwnerSuggestions();
                    e.consume();   // the first Escape closes the list, not the dialog
                }
            }
            case TAB -> vm.dismissOwnerSuggestions();   // not consumed: the focus moves on
            default -> {
            }
        }
    }

    private void move(int by) {
        int last = list.getItems().size() - 1;
        int at = list.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? (by > 0 ? 0 : last) : Math.max(0, Math.min(last, at + by));
        list.getSelectionModel().clearAndSelect(next);
        int rows = Math.max(1, (int) Math.floor(list.getHeight() / ROW_HEIGHT));
        if (next < firstShown) {
            firstShown = next;
        } else if (next >= firstShown + rows) {
            firstShown = next - rows + 1;
        }
        list.scrollTo(firstShown);
    }

    /** A row that takes its own name on a click; the press is kept from the list (no selection, no focus change). */
    private final class NameCell extends ListCell<String> {
        NameCell() {
            addEventFilter(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
            addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
                    vm.chooseOwner(getItem());
                    field.end();
                }
                e.consume();
            });
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setText(empty || name == null ? null : name);
        }
    }
}
