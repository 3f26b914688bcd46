package io.knobwright.app.ui.operations;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import java.util.function.Function;

/**
 * The rows of one tile, rebuilt when its items change. Not a ListView: rows here wrap their text to the tile's width
 * (a ListView cell measures its graphic on one line and cuts it), and a tile holds a handful of rows, not thousands.
 */
final class TileList<T> extends StackPane {

    /** A row and what it listens to (a ticking countdown), released when the row is replaced. */
    record Row(Node node, Subscription subscription) {
        static Row of(Node node) {
            return new Row(node, Subscription.EMPTY);
        }
    }

    private final ObservableList<T> items;
    private final Function<T, Row> rows;
    private final VBox box = new VBox();
    private final ScrollPane scroll = new ScrollPane(box);
    private final Label placeholder = new Label();
    private final ListChangeListener<T> listener = c -> rebuild();
    private Subscription shown = Subscription.EMPTY;

    TileList(String id, ObservableList<T> items, Function<T, Row> rows, String empty) {
        this.items = items;
        this.rows = rows;
        setId(id);
        getStyleClass().add("ops-list");
        box.getStyleClass().add("ops-list-rows");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("ops-list-scroll");
        placeholder.setText(empty);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("ops-placeholder");
        getChildren().addAll(scroll, placeholder);
        StackPane.setAlignment(placeholder, javafx.geometry.Pos.TOP_LEFT);
        items.addListener(listener);
        rebuild();
    }

    Label placeholder() {
        return placeholder;
    }

    private void rebuild() {
        shown.unsubscribe();
        shown = Subscription.EMPTY;
        box.getChildren().clear();
        for (T item : items) {
            Row row = rows.apply(item);
            row.node().getStyleClass().add("ops-list-row");
            box.getChildren().add(row.node());
            shown = shown.and(row.subscription());
        }
        placeholder.setVisible(items.isEmpty());
        scroll.setVisible(!items.isEmpty());
    }

    /** The rows as shown, for tests. */
    ObservableList<Node> rows() {
        return box.getChildrenUnmodifiable();
    }

    void dispose() {
        items.removeListener(listener);
        shown.unsubscribe();
    }
}
