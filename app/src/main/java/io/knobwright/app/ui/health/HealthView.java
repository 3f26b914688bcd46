package io.knobwright.app.ui.health;

import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Theme;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The Health tab: Connections, Storage, Backups (the timeline, {@link BackupSection}) and Indexes, one under the
 * other in a scroll pane. Each section shows its progress while it loads and says plainly
 * when there is no data yet or the engine is not supported.
 */
public final class HealthView extends ScrollPane {

    public static final String STYLESHEET = Theme.stylesheet(HealthView.class, "health.css");
    /** Everything the screen needs styled: its own sheet and its components'. */
    public static final List<String> STYLESHEETS = List.of(STYLESHEET, ConnectionUseChart.STYLESHEET,
            SessionActivityChart.STYLESHEET, StorageForecastChart.STYLESHEET, BackupTimelineChart.STYLESHEET, IndexAdviceView.STYLESHEET);

    private final HealthViewModel vm;
    private final ConnectionUseChart connectionChart;
    private final SessionActivityChart sessionChart;
    private final StorageForecastChart storageChart = new StorageForecastChart();
    private final IndexAdviceView indexView;
    private final BackupSection backups;
    private Subscription subscriptions = Subscription.EMPTY;

    public HealthView(HealthViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.connectionChart = new ConnectionUseChart(zone);
        this.sessionChart = new SessionActivityChart(zone);
        this.indexView = new IndexAdviceView(vm.indexes());
        this.backups = new BackupSection(vm.backups(), zone);
        getStyleClass().add("health-view");
        setId("health-view");
        setFitToWidth(true);
        VBox body = new VBox(8, connectionsSection(), liveSessionsSection(), storageSection(), backupSection(), indexesSection());
        body.getStyleClass().add("health-body");
        setContent(body);
    }

    private VBox connectionsSection() {
        Label utilisation = bound(new Label(), vm.utilisationTextProperty());
        utilisation.setId("health-utilisation");
        utilisation.getStyleClass().add(Styles.TEXT_BOLD);
        Label timeLeft = bound(new Label(), vm.timeLeftTextProperty());
        timeLeft.setId("health-time-left");
        connectionChart.setId("health-connection-chart");
        connectionChart.setPrefHeight(300);
        connectionChart.setMinHeight(260);

        TableView<HealthViewModel.LeakRow> leaks = table("health-leaks", "No session is idle in a transaction.",
                List.of(column("Application", HealthViewModel.LeakRow::application, 160),
                        column("User", HealthViewModel.LeakRow::user, 110),
                        column("Age", HealthViewModel.LeakRow::age, 230),
                        column("Last query", HealthViewModel.LeakRow::query, 400)));
        leaks.setItems(vm.leaks());
        leaks.setPrefHeight(110);
        Label leaksTitle = subtitle("Idle in transaction");
        Label advice = new Label();
        advice.setId("health-pool-advice");
        advice.setWrapText(true);
        advice.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions = subscriptions.and(vm.poolAdvice().subscribe(() -> advice.setText(String.join("\n", vm.poolAdvice()))));

        VBox data = new VBox(6, utilisation, timeLeft, connectionChart, leaksTitle, leaks, subtitle("Pool advice"), advice);
        subscriptions = subscriptions.and(vm.connectionsProperty().subscribe(c -> {
            data.setVisible(c != null);
            data.setManaged(c != null);
            connectionChart.show(c == null ? List.of() : c.history());
        }));
        return section("Connections", vm.connectionsLoadingProperty(), vm.connectionsMessageProperty(), "health-connections-message", data);
    }

    /** The session sampler's last minutes: runs once a second while this tab shows a PostgreSQL instance. */
    private VBox liveSessionsSection() {
        Label summary = bound(new Label(), vm.sessionsTextProperty());
        summary.setId("health-sessions-summary");
        sessionChart.setId("health-session-chart");
        sessionChart.setPrefHeight(420);
        sessionChart.setMinHeight(380);
        Label note = new Label("Sampled once a second from pg_stat_activity and pg_stat_database while this tab is open;"
                + " nothing is stored. Imported logs keep the full record (`health connections`).");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox data = new VBox(6, summary, sessionChart, note);
        subscriptions = subscriptions.and(vm.sessionSamplesProperty().subscribe(samples -> {
            data.setVisible(!samples.isEmpty());
            data.setManaged(!samples.isEmpty());
            sessionChart.show(samples);
        }));
        return section("Live sessions", vm.samplingProperty().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.sessionSamplesProperty().get().isEmpty(), vm.sessionSamplesProperty())),
                vm.sessionsMessageProperty(), "health-sessions-message", data);
    }

    private VBox storageSection() {
        storageChart.setId("health-storage-chart");
        storageChart.setPrefHeight(380);
        storageChart.setMinHeight(340);
        // The chart's header carries the threshold date and the backtest error (the view-model's texts say the same in words).
        VBox forecast = new VBox(6, storageChart);
        TableView<HealthViewModel.TableRow> tables = table("health-largest-tables",
                "No table sizes yet: the collector measures them with `knobwright monitor collect`.",
                List.of(column("Table", HealthViewModel.TableRow::table, 420), column("Size", HealthViewModel.TableRow::size, 120)));
        tables.setItems(vm.largestTables());
        tables.setPrefHeight(160);
        VBox data = new VBox(6, forecast, subtitle("Largest tables"), tables);
        subscriptions = subscriptions.and(vm.storageProperty().subscribe(s -> {
            data.setVisible(s != null);
            data.setManaged(s != null);
            boolean hasForecast = s != null && s.forecast() != null;
            forecast.setVisible(hasForecast);
            forecast.setManaged(hasForecast);
            if (hasForecast) {
                storageChart.show(s.forecast().instance().name() + " · total size", s.forecast().history(),
                        s.forecast().forecast(), 120);
            }
        }));
        return section("Storage", vm.storageLoadingProperty(), vm.storageMessageProperty(), "health-storage-message", data);
    }

    private VBox backupSection() {
        return section("Backups", vm.backups().loadingProperty(), vm.backups().messageProperty(), "health-backups-message",
                backups);
    }

    private VBox indexesSection() {
        // The advisor cannot be stopped half-way (it owns the sandbox until it ends), so there is no Cancel: say so.
        if (indexView.lookup("#index-advise") instanceof Button advise) {
            advise.setText("Analyse indexes");
            advise.setOnAction(e -> vm.analyseIndexes());
        }
        indexView.setMinHeight(420);
        Label note = new Label("Analysing starts a sandbox copy of the schema: it may take a while and cannot be cancelled.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox data = new VBox(4, note, indexView);
        subscriptions = subscriptions.and(vm.indexesUnsupportedProperty().subscribe(problem -> {
            data.setVisible(problem.isEmpty());
            data.setManaged(problem.isEmpty());
        }));
        return section("Indexes", vm.indexes().loadingProperty(), vm.indexesUnsupportedProperty(), "health-indexes-message", data);
    }

    private VBox section(String title, javafx.beans.value.ObservableBooleanValue loading, ReadOnlyStringProperty message, String messageId,
                         Node data) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(22, 22);
        progress.visibleProperty().bind(loading);
        progress.managedProperty().bind(loading);
        Label text = bound(new Label(), message);
        text.setId(messageId);
        text.getStyleClass().add("health-empty");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.visibleProperty().bind(message.isNotEmpty());
        text.managedProperty().bind(message.isNotEmpty());
        HBox top = new HBox(10, heading, progress);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, text, data);
        box.getStyleClass().add("health-section");
        return box;
    }

    private static Label subtitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Label bound(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static <R> TableView<R> table(String id, String placeholder, List<TableColumn<R, String>> columns) {
        TableView<R> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(columns);
        table.setPlaceholder(new Label(placeholder));
        return table;
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Releases the listeners on the view-model. */
    public void dispose() {
        vm.stopSampler();
        subscriptions.unsubscribe();
        indexView.dispose();
        backups.dispose();
    }
}
