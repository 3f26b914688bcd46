package io.knobwright.app.ui.plan;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.knobwright.app.ui.common.Theme;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The Plans screen: the stored change plans above (newest first, searchable), the selected plan's
 * header and changes below.
 */
public final class PlansView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(PlansView.class, "plans.css");
    static final PseudoClass RESTART = PseudoClass.getPseudoClass("restart");
    static final PseudoClass NO_BASELINE = PseudoClass.getPseudoClass("no-baseline");

    private final PlansViewModel vm;
    private final CustomTextField search = new CustomTextField();
    private final TableView<PlanRow> plans;
    private final TableView<PlanChangeRow> changes;
    private Subscription subscriptions = Subscription.EMPTY;
    /** True while the view itself moves the table selection, so it does not echo back to the view-model. */
    private boolean syncing;

    public PlansView(PlansViewModel vm) {
        this.vm = vm;
        getStyleClass().add("plans-view");
        plans = buildPlansTable();
        changes = buildChangesTable();
        SplitPane split = new SplitPane(plans, detail());
        split.setId("plans-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setTop(new VBox(messageLine(), searchBar()));
        setCenter(split);
        subscriptions = Subscription.combine(subscriptions,
                plans.getSelectionModel().selectedItemProperty().subscribe(row -> {
                    if (!syncing) {
                        vm.select(row);
                    }
                }),
                vm.selectedProperty().subscribe(row -> syncSelection()),
                vm.plans().subscribe(this::syncSelection));
    }

    private Message messageLine() {
        Message message = new Message();
        message.setId("plans-message");
        message.getStyleClass().add(Styles.DANGER);
        message.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        message.descriptionProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setOnClose(e -> vm.dismissMessage());
        return message;
    }

    private HBox searchBar() {
        search.setId("plans-search");
        search.setPromptText("Search instance, template, author…");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        FontIcon clear = new FontIcon(MaterialDesignC.CLOSE);
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        Label count = new Label();
        count.setId("plans-count");
        count.getStyleClass().add("plans-count");
        count.textProperty().bind(vm.statusTextProperty());
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("plans-refresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.refresh());
        Button review = new Button("Review…", new FontIcon(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE));
        review.setId("plans-review");
        review.setMnemonicParsing(false);
        review.setTooltip(new Tooltip("Open the selected plan in the review panel: its risk, approval chain and decisions"));
        review.disableProperty().bind(vm.selectedProperty().isNull());
        review.setOnAction(e -> vm.reviewSelected());
        Button simulate = new Button("Simulate…", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FLASK_OUTLINE));
        simulate.setId("plans-simulate");
        simulate.setMnemonicParsing(false);
        simulate.setTooltip(new Tooltip("Predict what the selected plan will do on the What-if screen, and attach the"
                + " prediction to the plan"));
        simulate.disableProperty().bind(vm.selectedProperty().isNull());
        simulate.setOnAction(e -> vm.simulateSelected());
        HBox bar = new HBox(8, search, count, new Spacer(), simulate, review, refresh);
        bar.getStyleClass().add("plans-search-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<PlanRow> buildPlansTable() {
        SortedList<PlanRow> sorted = new SortedList<>(vm.plans());
        TableView<PlanRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("plans-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "plans-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.getStyleClass().add("plans-placeholder");
        table.setPlaceholder(placeholder);
        TableColumn<PlanRow, Number> id = column("Plan", 70, r -> new ReadOnlyObjectWrapper<>(r.id()));
        id.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : "#" + value);
            }
        });
        TableColumn<PlanRow, Number> count = column("Changes", 80, r -> new ReadOnlyObjectWrapper<>(r.changeCount()));
        count.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        TableColumn<PlanRow, String> restart = text("Restart", 72, PlanRow::restartText);
        restart.setCellFactory(c -> new FlagCell<>("yes"::equals));
        TableColumn<PlanRow, String> baseline = text("Baseline", 96, PlanRow::baselineKind);
        baseline.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String kind, boolean empty) {
                super.updateItem(kind, empty);
                PlanRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : kind);
                setTooltip(row == null ? null : new Tooltip(row.hasBaseline() ? row.plan().baseline()
                        : "No settings were read from " + row.instance() + " before planning: every \"from\" is unknown."));
                pseudoClassStateChanged(NO_BASELINE, row != null && !row.hasBaseline());
            }
        });
        table.getColumns().setAll(java.util.List.of(id,
                text("Instance", 260, PlanRow::instance),
                text("Template", 220, PlanRow::template),
                text("Created", 140, PlanRow::created),
                text("Author", 110, PlanRow::author),
                count, restart, baseline,
                text("Status", 100, PlanRow::status)));
        table.getColumns().forEach(c -> c.setMinWidth(Math.min(c.getPrefWidth(), 64)));
        return table;
    }

    private Node detail() {
        Label empty = new Label("Select a plan to read its changes.");
        empty.getStyleClass().add("plans-detail-empty");
        Label title = new Label();
        title.setId("plan-title");
        title.getStyleClass().addAll(Styles.TITLE_4, "plan-title");
        title.textProperty().bind(vm.detailTitleProperty());
        Label counts = new Label();
        counts.setId("plan-counts");
        counts.getStyleClass().add("plan-counts");
        counts.textProperty().bind(vm.detailCountsProperty());
        HBox heading = new HBox(title, counts);
        heading.getStyleClass().add("plan-heading");
        heading.setAlignment(Pos.BASELINE_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("plan-facts");
        fact(facts, 0, "Template", "plan-template", vm.detailTemplateProperty());
        Label baseline = fact(facts, 1, "Baseline", "plan-baseline", vm.detailBaselineProperty());
        subscriptions = Subscription.combine(subscriptions, vm.detailHasBaselineProperty()
                .subscribe(has -> baseline.pseudoClassStateChanged(NO_BASELINE, !has)));
        fact(facts, 2, "Created", "plan-created", vm.detailCreatedProperty());

        Label warning = new Label();
        warning.setId("plan-baseline-warning");
        warning.getStyleClass().add("plan-baseline-warning");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        warning.textProperty().bind(vm.detailBaselineWarningProperty());
        warning.visibleProperty().bind(vm.detailBaselineWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        VBox content = new VBox(heading, facts, warning, changes);
        content.getStyleClass().add("plan-detail");
        VBox.setVgrow(changes, Priority.ALWAYS);
        content.visibleProperty().bind(vm.selectedProperty().isNotNull());
        empty.visibleProperty().bind(content.visibleProperty().not());
        StackPane pane = new StackPane(empty, content);
        pane.getStyleClass().add("plan-detail-pane");
        return pane;
    }

    private static Label fact(GridPane grid, int row, String name, String id, ObservableValue<String> value) {
        Label label = new Label(name);
        label.getStyleClass().add("plan-fact-label");
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("plan-fact-value");
        text.textProperty().bind(value);
        grid.addRow(row, label, text);
        return text;
    }

    private TableView<PlanChangeRow> buildChangesTable() {
        TableView<PlanChangeRow> table = new TableView<>(vm.changes());
        table.setId("plan-changes");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "plan-changes");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(PlansViewModel.NO_CHANGES);
        placeholder.getStyleClass().add("plans-placeholder");
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> new ChangeRow());
        TableColumn<PlanChangeRow, String> to = changeText("To", 170, PlanChangeRow::to);
        to.getStyleClass().add("plan-to-column");
        TableColumn<PlanChangeRow, String> apply = changeText("Apply", 110, PlanChangeRow::applyText);
        apply.setCellFactory(c -> new ApplyCell());
        TableColumn<PlanChangeRow, String> arrow = changeText("", 30, r -> "→");
        arrow.setSortable(false);
        arrow.setResizable(false);
        arrow.getStyleClass().add("plan-arrow-column");
        table.getColumns().setAll(java.util.List.of(
                changeText("Parameter", 260, PlanChangeRow::parameter),
                changeText("From", 170, PlanChangeRow::from),
                arrow, to, apply,
                changeText("Set by", 420, PlanChangeRow::provenanceWithNote)));
        table.getColumns().forEach(c -> c.setMinWidth(Math.min(c.getPrefWidth(), 60)));
        arrow.setMinWidth(30);
        arrow.setMaxWidth(30);
        return table;
    }

    private static <T> TableColumn<PlanRow, T> column(String title, double width,
                                                      Function<PlanRow, ObservableValue<T>> value) {
        TableColumn<PlanRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    private static TableColumn<PlanRow, String> text(String title, double width, Function<PlanRow, String> value) {
        TableColumn<PlanRow, String> c = column(title, width, r -> new ReadOnlyObjectWrapper<>(value.apply(r)));
        c.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        return c;
    }

    private static TableColumn<PlanChangeRow, String> changeText(String title, double width,
                                                                 Function<PlanChangeRow, String> value) {
        TableColumn<PlanChangeRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** Plain text, marked for the stylesheet when it says something a DBA must not miss ("yes" under Restart). */
    private static final class FlagCell<S> extends TableCell<S, String> {
        private final java.util.function.Predicate<String> flagged;

        FlagCell(java.util.function.Predicate<String> flagged) {
            this.flagged = flagged;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            pseudoClassStateChanged(RESTART, !empty && text != null && flagged.test(text));
        }
    }

    /** The apply mode; "restart" as a red pill with an icon, since it means downtime. */
    private static final class ApplyCell extends TableCell<PlanChangeRow, String> {
        private final Label pill = new Label();

        ApplyCell() {
            pill.getStyleClass().add("apply-pill");
            pill.setGraphic(new FontIcon(MaterialDesignR.RESTART));
            setGraphic(pill);
            pill.setVisible(false);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            PlanChangeRow row = empty ? null : getTableRow().getItem();
            boolean restart = row != null && row.restartNeeded();
            setText(empty || restart ? null : text);
            pill.setText(restart ? "restart" : null);
            pill.setVisible(restart);
            pill.pseudoClassStateChanged(RESTART, restart);
            // An invisible graphic still takes its room: "online" would sit indented next to nothing.
            setContentDisplay(restart ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.TEXT_ONLY);
        }
    }

    /** Full values in the tooltip: what the store holds, in the engine's base unit. */
    private static final class ChangeRow extends TableRow<PlanChangeRow> {
        @Override
        protected void updateItem(PlanChangeRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(RESTART, !empty && row != null && row.restartNeeded());
            if (empty || row == null) {
                setTooltip(null);
                return;
            }
            StringBuilder text = new StringBuilder(row.parameter()).append('\n')
                    .append(row.rawFrom().isEmpty() ? "not reported by the server" : row.rawFrom())
                    .append(" → ").append(row.rawTo());
            row.whenItTakesEffect().ifPresent(when -> text.append('\n').append(when));
            text.append('\n').append(row.provenanceWithNote());
            setTooltip(new Tooltip(text.toString()));
        }
    }

    /** Puts the table selection on the selected plan, e.g. after {@code select(id)} or a refresh. */
    private void syncSelection() {
        PlanRow selected = vm.selectedProperty().get();
        var model = plans.getSelectionModel();
        if (selected == null) {
            return;
        }
        if (model.getSelectedItem() != null && model.getSelectedItem().id() == selected.id()) {
            return;
        }
        int index = -1;
        for (int i = 0; i < plans.getItems().size(); i++) {
            if (plans.getItems().get(i).id() == selected.id()) {
                index = i;
                break;
            }
        }
        if (index >= 0) {
            syncing = true;
            try {
                model.clearAndSelect(index);
                plans.scrollTo(index);
            } finally {
                syncing = false;
            }
        }
    }

    public TableView<PlanRow> plansTable() {
        return plans;
    }

    public TableView<PlanChangeRow> changesTable() {
        return changes;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        search.textProperty().unbindBidirectional(vm.searchTextProperty());
    }
}
