package io.knobwright.app.ui.diff;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.model.diff.DiffRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.SetChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.HorizontalDirection;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toolbar (search, toggles, navigation), a tree table with one header line per category, and a summary line.
 * All behaviour lives in {@link DiffViewModel}; this class only mirrors it into nodes and back.
 */
final class DiffViewSkin extends SkinBase<DiffView> {

    /** Rows of context kept above a difference the navigation scrolls to. */
    private static final int CONTEXT_ROWS = 3;

    private final DiffViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final ToggleSwitch differencesOnly = new ToggleSwitch("Differences only");
    private final ToggleSwitch grouped = new ToggleSwitch("Group by category");
    private final Label position = new Label();
    private final Button previous = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_UP));
    private final Button next = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_DOWN));
    private final TreeTableView<DiffLine> table = new TreeTableView<>(new TreeItem<>());
    private final Label summary = new Label();
    private final Label shown = new Label();
    private final Label placeholder = new Label();

    private final Map<DiffRow, TreeItem<DiffLine>> itemsByRow = new IdentityHashMap<>();
    private final Map<String, TreeItem<DiffLine>> groupItems = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final EventHandler<KeyEvent> shortcuts = this::onKeyPressed;
    private final SetChangeListener<String> collapsedListener = this::onCollapsedChanged;
    /** True while this skin pushes the model's selection into the table, so the echo is not sent back. */
    private boolean syncing;

    DiffViewSkin(DiffView control) {
        super(control);
        this.model = control.getModel();

        VBox layout = new VBox(toolbar(), table(), statusBar());
        layout.getStyleClass().add("diff-layout");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(layout);

        // An invalidation subscription, not a change one: a new filter can yield an equal list whose groups
        // still need new header labels. rebuild() reads the value, which re-arms the invalidation.
        rebuild();
        subscriptions.add(model.visibleRowsProperty().subscribe(this::rebuild));
        subscriptions.add(model.selectedRowProperty().subscribe(this::showSelection));
        subscriptions.add(table.getSelectionModel().selectedItemProperty().subscribe(this::onTableSelection));
        subscriptions.add(model.summaryProperty().subscribe(summary::setText));
        subscriptions.add(model.positionProperty().subscribe(position::setText));
        subscriptions.add(model.placeholderProperty().subscribe(placeholder::setText));
        subscriptions.add(model.canGoNextProperty().subscribe(can -> next.setDisable(!can)));
        subscriptions.add(model.canGoPreviousProperty().subscribe(can -> previous.setDisable(!can)));
        subscriptions.add(model.countsProperty().subscribe(this::updateShown));
        model.collapsedCategories().addListener(collapsedListener);
        control.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
    }

    private HBox toolbar() {
        search.setPromptText("Filter by parameter name or value");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.getStyleClass().add("diff-search");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.SOMETIMES);

        differencesOnly.selectedProperty().bindBidirectional(model.differencesOnlyProperty());
        grouped.selectedProperty().bindBidirectional(model.groupedByCategoryProperty());
        differencesOnly.setLabelPosition(HorizontalDirection.RIGHT);
        grouped.setLabelPosition(HorizontalDirection.RIGHT);
        differencesOnly.getStyleClass().add("differences-only");
        grouped.getStyleClass().add("group-by-category");
        differencesOnly.setTooltip(new Tooltip("Hide the parameters both sides set to equivalent values"));
        grouped.setTooltip(new Tooltip("Group parameters by catalog category"));

        previous.setOnAction(e -> model.previousDifference());
        next.setOnAction(e -> model.nextDifference());
        previous.setTooltip(new Tooltip(KeyMap.PREVIOUS_DIFFERENCE.tip("Previous difference")));
        next.setTooltip(new Tooltip(KeyMap.NEXT_DIFFERENCE.tip("Next difference")));
        previous.getStyleClass().addAll(Styles.BUTTON_ICON, "previous-difference");
        next.getStyleClass().addAll(Styles.BUTTON_ICON, "next-difference");
        position.getStyleClass().add("diff-position");
        position.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(search, differencesOnly, grouped, spacer, position, previous, next);
        bar.getStyleClass().add("diff-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TreeTableView<DiffLine> table() {
        TreeTableColumn<DiffLine, DiffLine> name = column("Parameter", "name-column", c -> new DiffCells.NameCell());
        TreeTableColumn<DiffLine, DiffLine> left = column("", "left-column", c -> new DiffCells.ValueCell(true));
        TreeTableColumn<DiffLine, DiffLine> right = column("", "right-column", c -> new DiffCells.ValueCell(false));
        TreeTableColumn<DiffLine, DiffLine> apply = column("Apply mode", "apply-mode-column", c -> new DiffCells.ApplyModeCell());
        TreeTableColumn<DiffLine, DiffLine> restart = column("Restart", "restart-column", c -> new DiffCells.RestartCell());
        left.textProperty().bind(model.leftTitleProperty());
        right.textProperty().bind(model.rightTitleProperty());
        name.setPrefWidth(300);
        name.setMinWidth(200);
        left.setPrefWidth(260);
        left.setMinWidth(140);
        right.setPrefWidth(260);
        right.setMinWidth(140);
        apply.setPrefWidth(125);
        apply.setMinWidth(120);
        apply.setMaxWidth(150);
        restart.setPrefWidth(100);
        restart.setMinWidth(95);
        restart.setMaxWidth(120);

        List<TreeTableColumn<DiffLine, ?>> columns = List.of(name, left, right, apply, restart);
        table.getColumns().setAll(columns);
        table.setTreeColumn(name);
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new DiffCells.Row());
        table.setPlaceholder(placeholder);
        table.getStyleClass().addAll("diff-table", Styles.DENSE);
        return table;
    }

    private static TreeTableColumn<DiffLine, DiffLine> column(String title, String styleClass,
            Callback<TreeTableColumn<DiffLine, DiffLine>, javafx.scene.control.TreeTableCell<DiffLine, DiffLine>> cells) {
        TreeTableColumn<DiffLine, DiffLine> column = new TreeTableColumn<>(title);
        column.getStyleClass().add(styleClass);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        column.setCellFactory(cells);
        // Sorting would tear rows out of their category groups; the order is the model's.
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }

    private HBox statusBar() {
        summary.getStyleClass().add("diff-summary");
        shown.getStyleClass().add("diff-shown");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(summary, spacer, shown);
        bar.getStyleClass().add("diff-status");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void rebuild() {
        boolean onlyDifferences = model.differencesOnlyProperty().get();
        List<DiffRow> visible = model.visibleRowsProperty().get();
        itemsByRow.clear();
        groupItems.clear();
        List<TreeItem<DiffLine>> top = new ArrayList<>();
        if (model.groupedByCategoryProperty().get()) {
            for (DiffGroup group : model.groupsProperty().get()) {
                TreeItem<DiffLine> header = new TreeItem<>(new DiffLine.Header(group, group.label(onlyDifferences)));
                List<TreeItem<DiffLine>> children = new ArrayList<>(group.rows().size());
                for (DiffRow row : group.rows()) {
                    children.add(item(row));
                }
                header.getChildren().setAll(children);
                header.setExpanded(!model.collapsedCategories().contains(group.category()));
                header.expandedProperty().addListener((obs, was, expanded) -> {
                    if (expanded) {
                        model.collapsedCategories().remove(group.category());
                    } else {
                        model.collapsedCategories().add(group.category());
                    }
                });
                groupItems.put(group.category(), header);
                top.add(header);
            }
        } else {
            for (DiffRow row : visible) {
                top.add(item(row));
            }
        }
        syncing = true;
        try {
            table.getRoot().getChildren().setAll(top);
        } finally {
            syncing = false;
        }
        updateShown(model.countsProperty().get());
        showSelection(model.selectedRowProperty().get());
    }

    private TreeItem<DiffLine> item(DiffRow row) {
        TreeItem<DiffLine> item = new TreeItem<>(new DiffLine.Parameter(row));
        itemsByRow.put(row, item);
        return item;
    }

    private void updateShown(DiffCounts counts) {
        int visible = model.visibleRowsProperty().get().size();
        shown.setText(counts.parameters() == 0 ? "" : "Showing " + visible + " of " + counts.parameters() + " parameters");
    }

    private void showSelection(DiffRow row) {
        TreeItem<DiffLine> item = row == null ? null : itemsByRow.get(row);
        TreeItem<DiffLine> current = table.getSelectionModel().getSelectedItem();
        if (item == current || (item == null && (current == null || current.getValue() instanceof DiffLine.Header))) {
            return;
        }
        syncing = true;
        try {
            if (item == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            if (item.getParent() != null) {
                item.getParent().setExpanded(true);
            }
            table.getSelectionModel().select(item);
            reveal(table.getRow(item));
        } finally {
            syncing = false;
        }
    }

    /** Scrolls only when the row is not already in view, and then keeps a few rows of context above it. */
    private void reveal(int index) {
        if (index < 0) {
            return;
        }
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && index > first.getIndex() && index < last.getIndex()) {
                return;
            }
        }
        table.scrollTo(Math.max(0, index - CONTEXT_ROWS));
    }

    private void onTableSelection(TreeItem<DiffLine> item) {
        if (syncing) {
            return;
        }
        model.select(item != null && item.getValue() instanceof DiffLine.Parameter(DiffRow row) ? row : null);
    }

    private void onCollapsedChanged(SetChangeListener.Change<? extends String> change) {
        if (change.wasRemoved()) {
            TreeItem<DiffLine> header = groupItems.get(change.getElementRemoved());
            if (header != null) {
                header.setExpanded(true);
            }
        }
    }

    private void onKeyPressed(KeyEvent event) {
        if (KeyMap.NEXT_DIFFERENCE.matches(event)) {
            model.nextDifference();
            event.consume();
        } else if (KeyMap.PREVIOUS_DIFFERENCE.matches(event)) {
            model.previousDifference();
            event.consume();
        } else if (KeyMap.SEARCH.matches(event)) {
            search.requestFocus();
            search.selectAll();
            event.consume();
        }
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        getSkinnable().removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
        model.collapsedCategories().removeListener(collapsedListener);
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        search.textProperty().unbindBidirectional(model.searchTextProperty());
        differencesOnly.selectedProperty().unbindBidirectional(model.differencesOnlyProperty());
        grouped.selectedProperty().unbindBidirectional(model.groupedByCategoryProperty());
        super.dispose();
    }
}
