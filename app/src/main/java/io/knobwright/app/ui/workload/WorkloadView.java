package io.knobwright.app.ui.workload;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.workload.WorkloadReport;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.Vote;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The Workload tab of an instance: the class and why (features with their votes) beside the key figures; the hour x
 * weekday heat map beside the rates over time and the shifts; the top queries with a sparkline of calls per hour.
 * "Import log…" runs with a progress bar and a Cancel button.
 */
public final class WorkloadView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(WorkloadView.class, "workload.css");
    private static final List<String> VOTE_CLASSES = List.of("vote-oltp", "vote-olap", "vote-neither", "vote-unknown");

    private final WorkloadViewModel vm;
    private final Label classBadge = new Label();
    private final GridPane figures = new GridPane();
    private final HeatMapView heatMap = new HeatMapView();
    private final RateChart commits;
    private final RateChart sessions;
    private final TableView<QueryRow> queries = new TableView<>();
    private final TableView<FeatureRow> features = new TableView<>();
    private Subscription subscriptions = Subscription.EMPTY;

    public WorkloadView(WorkloadViewModel vm) {
        this.vm = vm;
        getStyleClass().add("workload-view");
        commits = new RateChart("Commits per second", "commits-chart", vm.zone());
        sessions = new RateChart("Active sessions", "sessions-chart", vm.zone());
        setTop(new VBox(header(), message()));

        VBox body = new VBox(whyAndFigures(), patterns(), topQueries(), regressions(), planChanges(), bursts());
        body.getStyleClass().add("workload-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("workload-scroll");
        scroll.visibleProperty().bind(vm.hasDataProperty());

        Label empty = new Label();
        empty.setId("workload-empty");
        empty.getStyleClass().add("workload-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.visibleProperty().bind(vm.emptyTextProperty().isNotEmpty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.setMaxSize(48, 48);
        setCenter(new StackPane(scroll, empty, loading));

        subscriptions = Subscription.combine(subscriptions,
                vm.reportProperty().subscribe(this::showReport),
                vm.classTextProperty().subscribe(this::showClass),
                vm.figures().subscribe(this::showFigures));
    }

    private HBox header() {
        Label title = new Label("Workload");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        classBadge.setId("workload-class");
        classBadge.getStyleClass().add("class-badge");
        classBadge.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("workload-class-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.classSummaryProperty());
        summary.setMinWidth(0);
        Label window = new Label();
        window.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        window.textProperty().bind(vm.windowTextProperty());
        VBox titles = new VBox(new HBox(8, title, classBadge), summary, window);
        titles.getStyleClass().add("workload-titles");
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Button importLog = new Button("Import log…", new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importLog.setId("workload-import");
        importLog.setMnemonicParsing(false);
        importLog.setOnAction(e -> vm.importLog());
        importLog.disableProperty().bind(vm.importingProperty().or(vm.instanceProperty().isNull()));
        importLog.setMinWidth(Region.USE_PREF_SIZE);
        importLog.setTooltip(new Tooltip("Read a PostgreSQL or MySQL/MariaDB log into this instance's query statistics"));
        ProgressBar progress = new ProgressBar();
        progress.setId("workload-import-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.importProgressProperty());
        Label progressText = new Label();
        progressText.setId("workload-import-text");
        progressText.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        progressText.textProperty().bind(vm.importTextProperty());
        progressText.setMaxWidth(320);
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("workload-import-cancel");
        cancel.setOnAction(e -> vm.cancelImport());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        VBox running = new VBox(4, new HBox(8, progress, cancel), progressText);
        running.setAlignment(Pos.CENTER_RIGHT);
        running.visibleProperty().bind(vm.importingProperty());
        running.managedProperty().bind(running.visibleProperty());
        running.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, titles, new Spacer(), running, importLog);
        header.getStyleClass().add("workload-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Message message() {
        Message message = new Message();
        message.setId("workload-message");
        subscriptions = subscriptions.and(StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        return message;
    }

    private HBox whyAndFigures() {
        features.setId("workload-features");
        features.getStyleClass().addAll("features-table", Styles.DENSE);
        features.setItems(vm.features());
        features.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        features.getColumns().setAll(List.of(
                text("Feature", 190, FeatureRow::name),
                text("Value", 90, FeatureRow::value),
                text("Threshold", 290, FeatureRow::threshold),
                voteColumn(),
                withTooltips(text("Measured from", 200, FeatureRow::basis))));
        features.setFixedCellSize(30);
        features.setPrefHeight(30 * 5 + 40);
        features.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(features, Priority.ALWAYS);
        features.setPlaceholder(new Label("No feature measured"));
        VBox why = panel("Why this class", features);
        HBox.setHgrow(why, Priority.ALWAYS);
        why.setPrefWidth(880);

        figures.setId("workload-figures");
        figures.getStyleClass().add("figures");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        figures.getColumnConstraints().setAll(labels, values);
        VBox key = panel("Profile", figures);
        key.setPrefWidth(560);
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox row = new HBox(16, why, key);
        row.getStyleClass().add("workload-row");
        return row;
    }

    private TableColumn<FeatureRow, Vote> voteColumn() {
        TableColumn<FeatureRow, Vote> vote = new TableColumn<>("Votes");
        vote.setPrefWidth(90);
        vote.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().vote()));
        vote.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Vote v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll(VOTE_CLASSES);
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                setText(switch (v) {
                    case OLTP -> "OLTP";
                    case OLAP -> "OLAP";
                    case NEITHER -> "neither";
                    case UNKNOWN -> "not measured";
                });
                getStyleClass().add("vote-" + v.label());
            }
        });
        return vote;
    }

    private HBox patterns() {
        heatMap.setId("workload-heat-map");
        VBox heat = panel(null, heatMap);
        VBox.setVgrow(heatMap, Priority.ALWAYS);
        heat.setPrefWidth(720);
        HBox.setHgrow(heat, Priority.ALWAYS);

        commits.setId("workload-commits-chart");
        sessions.setId("workload-sessions-chart");
        commits.setPrefHeight(190);
        sessions.setPrefHeight(170);
        VBox shifts = new VBox(4);
        shifts.setId("workload-shifts");
        shifts.getStyleClass().add("shifts");
        subscriptions = subscriptions.and(vm.shifts().subscribe(() -> {
            shifts.getChildren().clear();
            for (String line : vm.shifts()) {
                Label l = new Label(line);
                l.setWrapText(true);
                l.getStyleClass().add("shift-line");
                shifts.getChildren().add(l);
            }
            if (vm.shifts().isEmpty()) {
                Label none = new Label("No workload shift in the window");
                none.getStyleClass().addAll(Styles.TEXT_MUTED);
                shifts.getChildren().add(none);
            }
        }));
        Label shiftsTitle = new Label("Workload shifts (change points)");
        shiftsTitle.getStyleClass().add("panel-subtitle");
        VBox rates = panel("Rates over time", commits, sessions, shiftsTitle, shifts);
        rates.setPrefWidth(720);
        HBox.setHgrow(rates, Priority.ALWAYS);
        HBox row = new HBox(16, heat, rates);
        row.getStyleClass().add("workload-row");
        return row;
    }

    private VBox topQueries() {
        queries.setId("workload-queries");
        queries.getStyleClass().addAll("queries-table", Styles.DENSE);
        queries.setItems(new javafx.collections.transformation.SortedList<>(vm.queries()));
        ((javafx.collections.transformation.SortedList<QueryRow>) queries.getItems()).comparatorProperty()
                .bind(queries.comparatorProperty());
        TableColumn<QueryRow, String> query = text("Query", 640, QueryRow::query);
        query.setSortable(false);
        withTooltips(query);
        TableColumn<QueryRow, Number> calls = number("Calls", 124, r -> r.calls(), v -> WorkloadFormats.count(v.longValue()));
        TableColumn<QueryRow, Number> total = number("Total", 110, QueryRow::totalMs, WorkloadFormats::millis);
        TableColumn<QueryRow, Number> mean = number("Mean", 90, QueryRow::meanMs, WorkloadFormats::millis);
        TableColumn<QueryRow, Number> p95 = number("p95", 90, QueryRow::p95Ms, WorkloadFormats::millis);
        TableColumn<QueryRow, List<Long>> spark = new TableColumn<>();
        spark.textProperty().bind(vm.sparkTitleProperty());
        spark.setPrefWidth(Sparkline.WIDTH + 24);
        spark.setSortable(false);
        spark.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().spark()));
        spark.setCellFactory(c -> new Sparkline());
        TableColumn<QueryRow, String> trend = text("Trend", 96, r -> r.regressed() ? "regressed" : r.trend());
        trend.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("trend-regressed", "trend-growing", "trend-new");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("trend-" + text);
                }
            }
        });
        queries.getColumns().setAll(List.of(query, calls, total, mean, p95, trend, spark));
        // a regressed query's row is flagged, whatever column it is sorted by
        queries.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(QueryRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(REGRESSED, !empty && row != null && row.regressed());
            }
        });
        total.setSortType(TableColumn.SortType.DESCENDING);
        queries.getSortOrder().setAll(List.of(total));
        // The query takes what the figures leave; the figures keep their widths.
        queries.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        double others = calls.getPrefWidth() + total.getPrefWidth() + mean.getPrefWidth() + p95.getPrefWidth()
                + trend.getPrefWidth() + spark.getPrefWidth() + 24;
        query.prefWidthProperty().bind(queries.widthProperty().subtract(others).map(w -> Math.max(320, w.doubleValue())));
        queries.setFixedCellSize(28);
        queries.setPrefHeight(28 * 12 + 34);
        queries.setMinHeight(Region.USE_PREF_SIZE);
        queries.setPlaceholder(new Label("No query statistics: import a log, or install pg_stat_statements"));
        return panel("Top queries (by total time; click a column to sort)", queries);
    }

    private static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** Long text is cut to the column; hovering reads it whole. */
    private static <R> TableColumn<R, String> withTooltips(TableColumn<R, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        return column;
    }

    private static TableColumn<QueryRow, Number> number(String title, double width, ToDoubleFunction<QueryRow> value,
                                                       Function<Double, String> format) {
        TableColumn<QueryRow, Number> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.getStyleClass().add("numeric");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        // NaN (p95 unknown) sorts below every time
        c.setComparator((a, b) -> Double.compare(Double.isNaN(a.doubleValue()) ? -1 : a.doubleValue(),
                Double.isNaN(b.doubleValue()) ? -1 : b.doubleValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v.doubleValue()));
            }
        });
        return c;
    }

    private static final javafx.css.PseudoClass REGRESSED = javafx.css.PseudoClass.getPseudoClass("regressed");

    /** Queries that got slower or busier: the last day against the median of the days before (decision 0127). */
    private VBox regressions() {
        TableView<io.knobwright.app.workload.QueryTrends.Regression> table = new TableView<>(vm.regressions());
        table.setId("workload-regressions");
        table.getStyleClass().addAll("regressions-table", Styles.DENSE);
        TableColumn<io.knobwright.app.workload.QueryTrends.Regression, String> query = withTooltips(text("Query", 520,
                r -> r.query().isEmpty() ? r.fingerprint() : r.query().replaceAll("\\s+", " ").strip()));
        TableColumn<io.knobwright.app.workload.QueryTrends.Regression, String> metric = text("What", 120,
                r -> switch (r.metric()) {
                    case "meanMs" -> "mean time";
                    case "p95Ms" -> "p95 time";
                    default -> "calls per day";
                });
        TableColumn<io.knobwright.app.workload.QueryTrends.Regression, String> before = text("Before", 100,
                r -> figure(r.metric(), r.before()));
        TableColumn<io.knobwright.app.workload.QueryTrends.Regression, String> after = text("After", 100,
                r -> figure(r.metric(), r.after()));
        TableColumn<io.knobwright.app.workload.QueryTrends.Regression, String> ratio = text("Change", 80,
                r -> Double.isInfinite(r.ratio()) ? "new" : String.format(java.util.Locale.ROOT, "x%.1f", r.ratio()));
        TableColumn<io.knobwright.app.workload.QueryTrends.Regression, String> since = text("Since", 110,
                r -> r.since().toString());
        List.of(before, after, ratio).forEach(c -> c.getStyleClass().add("numeric"));
        // the figures first, the query takes the rest of the width
        table.getColumns().setAll(List.of(metric, before, after, ratio, since, query));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        Runnable size = () -> table.setPrefHeight(28 * Math.max(1, Math.min(8, vm.regressions().size())) + 40);
        vm.regressions().subscribe(size);
        size.run();
        table.setMinHeight(Region.USE_PREF_SIZE);
        Label none = new Label();
        none.textProperty().bind(vm.regressionsTextProperty());
        none.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(none);
        return panel("Regressions (the last day of the daily history against the median of the 7 days before)", table);
    }

    private static String figure(String metric, double v) {
        return metric.equals("calls") ? WorkloadFormats.count(Math.round(v)) : WorkloadFormats.millis(v);
    }

    /** Each changed plan: the query, when, and the plan before and after side by side (shape and estimated cost). */
    private VBox planChanges() {
        VBox list = new VBox(10);
        list.setId("workload-plan-changes");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (vm.planChanges().isEmpty()) {
                Label none = new Label("No plan change among the captured top queries (the daemon captures their plans"
                        + " hourly on PostgreSQL)");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                list.getChildren().add(none);
            }
            for (io.knobwright.model.workload.PlanChange c : vm.planChanges()) {
                Label query = new Label(c.after().query());
                query.getStyleClass().add("plan-change-query");
                query.setWrapText(true);
                Label when = new Label("Changed between " + WorkloadFormats.when(c.before().capturedAt(), vm.zone())
                        + " and " + WorkloadFormats.when(c.after().capturedAt(), vm.zone()));
                when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                HBox sides = new HBox(12, planSide("Before", c.before()), planSide("After", c.after()));
                list.getChildren().add(new VBox(4, query, when, sides));
            }
        };
        vm.planChanges().subscribe(fill);
        fill.run();
        return panel("Plan changes", list);
    }

    private static VBox planSide(String title, io.knobwright.model.workload.CapturedPlan plan) {
        Label heading = new Label(title + String.format(java.util.Locale.ROOT, " · estimated cost %,.1f",
                plan.shape().cost()));
        heading.getStyleClass().add("panel-subtitle");
        javafx.scene.control.TextArea outline = new javafx.scene.control.TextArea(plan.shape().outline());
        outline.setEditable(false);
        outline.getStyleClass().add("plan-outline");
        outline.setPrefRowCount(Math.min(12, (int) plan.shape().outline().lines().count() + 1));
        VBox side = new VBox(4, heading, outline);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMaxWidth(Double.MAX_VALUE);
        return side;
    }

    /** N+1 patterns: who ran which query how many times in a burst, and the statement that likely drives the loop. */
    private VBox bursts() {
        VBox list = new VBox(6);
        list.setId("workload-bursts");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (vm.bursts().isEmpty()) {
                Label none = new Label("No N+1 pattern in the imported logs (one session running the same query 20+"
                        + " times in a burst)");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                list.getChildren().add(none);
            }
            // one line per session and query: a page loop repeats its burst for every page
            java.util.Map<String, java.util.List<io.knobwright.app.workload.QueryBurst>> grouped = new java.util.LinkedHashMap<>();
            for (io.knobwright.app.workload.QueryBurst b : vm.bursts()) {
                grouped.computeIfAbsent(b.burst().session() + "\u0000" + b.burst().fingerprint(),
                        k -> new java.util.ArrayList<>()).add(b);
            }
            for (java.util.List<io.knobwright.app.workload.QueryBurst> same : grouped.values()) {
                io.knobwright.app.workload.QueryBurst b = same.getFirst();
                var burst = b.burst();
                long longestMs = same.stream().mapToLong(x -> java.time.Duration.between(x.burst().start(),
                        x.burst().end()).toMillis()).max().orElse(0);
                int most = same.stream().mapToInt(x -> x.burst().calls()).max().orElse(0);
                String query = b.query().isEmpty() ? io.knobwright.model.workload.Fingerprint.hex(burst.fingerprint()) : b.query();
                Label head = new Label(String.format(java.util.Locale.ROOT, "Session %s: %s%s up to %,d times in a row"
                        + " (within %s): %s", burst.session(), same.size() == 1 ? "" : same.size() + " bursts, ",
                        same.size() == 1 ? "" : "each", most, longestMs < 1000 ? longestMs + " ms"
                        : String.format(java.util.Locale.ROOT, "%.1f s", longestMs / 1000.0), query));
                head.setWrapText(true);
                head.getStyleClass().add("burst-line");
                Label driver = new Label(burst.hasDriver() ? "likely driven by: " + burst.driverText()
                        : "no statement ran before it in the session");
                driver.setWrapText(true);
                driver.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                list.getChildren().add(new VBox(2, head, driver));
            }
        };
        vm.bursts().subscribe(fill);
        fill.run();
        return panel("N+1 patterns (from imported logs)", list);
    }

    private static VBox panel(String title, javafx.scene.Node... content) {
        VBox panel = new VBox();
        panel.getStyleClass().add("workload-panel");
        if (title != null) {
            Label t = new Label(title);
            t.getStyleClass().add("panel-title");
            panel.getChildren().add(t);
        }
        panel.getChildren().addAll(content);
        return panel;
    }

    private void showClass(String text) {
        classBadge.setText(text);
        classBadge.getStyleClass().removeAll("class-oltp", "class-olap", "class-mixed", "class-unknown");
        classBadge.getStyleClass().add("class-" + (text.isEmpty() ? "unknown" : text.toLowerCase(java.util.Locale.ROOT)));
        classBadge.setVisible(!text.isEmpty());
    }

    private void showFigures() {
        figures.getChildren().clear();
        int row = 0;
        for (Figure f : vm.figures()) {
            Label label = new Label(f.label());
            label.getStyleClass().add("figure-label");
            Label value = new Label(f.value());
            value.getStyleClass().add("figure-value");
            Label note = new Label(f.note());
            note.getStyleClass().addAll("figure-note", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            note.setWrapText(true);
            VBox values = new VBox(value, note);
            figures.addRow(row++, label, values);
        }
    }

    private void showReport(WorkloadReport r) {
        if (r == null) {
            heatMap.show(null, "", "");
            commits.getData().clear();
            sessions.getData().clear();
            return;
        }
        Metric metric = r.profile().heatMap().metric();
        heatMap.show(r.profile().heatMap(), WorkloadViewModel.label(metric) + metric.unit(), metric.unit());
        commits.show(r.commits(), r.profile().from(), r.profile().to());
        sessions.show(r.activeSessions(), r.profile().from(), r.profile().to());
        Label peak = new Label();
        peak.textProperty().bind(vm.peakTextProperty());
        peak.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        if (heatMap.getChildren().size() == 3) {
            heatMap.getChildren().add(peak);
        }
    }

    public TableView<QueryRow> queriesTable() {
        return queries;
    }

    public TableView<FeatureRow> featuresTable() {
        return features;
    }

    public void dispose() {
        subscriptions.unsubscribe();
    }
}
