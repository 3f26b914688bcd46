package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.BacktestError;
import io.knobwright.model.forecast.StorageForecast;
import io.knobwright.model.forecast.ThresholdCrossing;
import io.knobwright.model.health.ConnectionReport;
import io.knobwright.model.health.IdleTransaction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Health tab of an instance: connections (use over time by application, use against the usable limit, sessions
 * idle in a transaction, time left at the trend, pool advice), storage (forecast with its band and threshold, the
 * backtest error, the largest tables), backups ({@link BackupHealthViewModel}) and index advice on demand. Each
 * section loads off the FX thread with its own
 * progress and message; a slower earlier read that finishes after a newer one is dropped.
 */
public final class HealthViewModel {

    static final String READ_CONNECTIONS = "Read the connections";
    static final String READ_STORAGE = "Read the storage forecast";
    static final String OPEN_SAMPLER = "Start sampling the sessions";
    static final String STOP_SAMPLER = "Stop sampling the sessions";
    static final String NOT_IN_FRONT = "Sessions are sampled once a second while this tab is in front.";

    /** A session idle in a transaction, as the table shows it. */
    public record LeakRow(String application, String user, String age, String query) {
    }

    /** One of the largest tables. */
    public record TableRow(String table, String size) {
    }

    private final BackgroundWork work;
    private final HealthDesk desk;
    private final IndexAdviceViewModel indexes;
    private final BackupHealthViewModel backups;

    private final ReadOnlyObjectWrapper<Instance> instance = new ReadOnlyObjectWrapper<>(this, "instance");
    private final ReadOnlyBooleanWrapper connectionsLoading = new ReadOnlyBooleanWrapper(this, "connectionsLoading");
    private final ReadOnlyObjectWrapper<HealthDesk.Connections> connections = new ReadOnlyObjectWrapper<>(this, "connections");
    private final ReadOnlyStringWrapper connectionsMessage = new ReadOnlyStringWrapper(this, "connectionsMessage", "");
    private final ReadOnlyStringWrapper utilisationText = new ReadOnlyStringWrapper(this, "utilisationText", "");
    private final ReadOnlyStringWrapper timeLeftText = new ReadOnlyStringWrapper(this, "timeLeftText", "");
    private final ObservableList<LeakRow> leaks = FXCollections.observableArrayList();
    private final ObservableList<String> poolAdvice = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper storageLoading = new ReadOnlyBooleanWrapper(this, "storageLoading");
    private final ReadOnlyObjectWrapper<HealthDesk.Storage> storage = new ReadOnlyObjectWrapper<>(this, "storage");
    private final ReadOnlyStringWrapper storageMessage = new ReadOnlyStringWrapper(this, "storageMessage", "");
    private final ReadOnlyStringWrapper thresholdText = new ReadOnlyStringWrapper(this, "thresholdText", "");
    private final ReadOnlyStringWrapper backtestText = new ReadOnlyStringWrapper(this, "backtestText", "");
    private final ObservableList<TableRow> largestTables = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper indexesUnsupported = new ReadOnlyStringWrapper(this, "indexesUnsupported", "");
    private long generation;

    // the live session sampler: runs once a second while the tab is in front and shows an instance (decision 0131)
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper sampling = new ReadOnlyBooleanWrapper(this, "sampling");
    private final ReadOnlyObjectWrapper<List<io.knobwright.model.health.SessionSample>> sessionSamples =
            new ReadOnlyObjectWrapper<>(this, "sessionSamples", List.of());
    private final ReadOnlyStringWrapper sessionsText = new ReadOnlyStringWrapper(this, "sessionsText", "");
    private final ReadOnlyStringWrapper sessionsMessage = new ReadOnlyStringWrapper(this, "sessionsMessage", "");
    private boolean front;
    private SessionWatch watch;

    public HealthViewModel(BackgroundWork work, HealthDesk desk, ZoneId zone) {
        this.work = Objects.requireNonNull(work, "work");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.indexes = new IndexAdviceViewModel(work, desk.indexAdvice(), zone);
        this.backups = new BackupHealthViewModel(work, desk.backups(), zone);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Whether the tab is in front: the session sampler runs only then (and only for the instance shown); it stops as
     * soon as the tab goes to the back, and starts with the next {@link #show} (which the tab's coming to the front does).
     */
    public void setFront(boolean inFront) {
        front = inFront;
        if (!inFront && watch != null) {
            stopSampler();
            sessionsMessage.set(NOT_IN_FRONT);
        }
    }

    private void restartSampler(Instance target, long mine) {
        stopSampler();
        sessionSamples.set(List.of());
        sessionsText.set("");
        sessionsMessage.set("");
        if (target == null) {
            return;
        }
        String problem = samplerUnsupported(target);
        if (problem.isEmpty() && !front) {
            sessionsMessage.set(NOT_IN_FRONT);
            return;
        }
        if (!problem.isEmpty()) {
            sessionsMessage.set(problem);
            return;
        }
        sampling.set(true);
        sessionsMessage.set("Starting the session sampler…");
        work.io(OPEN_SAMPLER, () -> desk.sessions().apply(target), opened -> {
            if (mine != generation || !front || watch != null) { // the tab or the instance changed meanwhile
                closeLater(opened);
                return;
            }
            watch = opened;
            sessionsMessage.set("");
            opened.start(samples -> work.later(() -> {
                if (watch == opened) {
                    applySamples(samples);
                }
            }), failure -> work.later(() -> {
                if (watch == opened) {
                    stopSampler();
                    sessionsMessage.set(failure);
                }
            }));
        }, failure -> {
            if (mine == generation) {
                sampling.set(false);
                sessionsMessage.set(failure);
            }
        });
    }

    /** Stops the sampler (the tab went to the back, another instance is shown, or the screen closes). */
    public void stopSampler() {
        sampling.set(false);
        SessionWatch running = watch;
        watch = null;
        if (running != null) {
            closeLater(running);
        }
    }

    private void closeLater(SessionWatch w) {
        // closing ends the watch's connection: JDBC, so not on the FX thread
        work.io(STOP_SAMPLER, () -> {
            w.close();
            return Boolean.TRUE;
        }, done -> { }, failure -> { });
    }

    private void applySamples(List<io.knobwright.model.health.SessionSample> samples) {
        sessionSamples.set(List.copyOf(samples));
        sessionsText.set(sessionsSummary(samples, zone));
    }

    /** "12 sessions now (3 active, 9 idle) · 4 opened in the last second · peak 37/s at 17:40:02 · 2 storm seconds". */
    static String sessionsSummary(List<io.knobwright.model.health.SessionSample> samples, ZoneId zone) {
        if (samples.isEmpty()) {
            return "";
        }
        io.knobwright.model.health.SessionSample last = samples.getLast();
        StringBuilder text = new StringBuilder();
        text.append(last.sessions()).append(" client session").append(last.sessions() == 1 ? "" : "s").append(" now");
        if (!last.byState().isEmpty()) {
            text.append(last.byState().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(java.util.stream.Collectors.joining(", ", " (", ")")));
        }
        text.append(String.format(Locale.ROOT, " · %.0f opened/s at the last sample", last.openedPerSecond()));
        samples.stream().filter(s -> s.opened() > 0).max(java.util.Comparator.comparingDouble(
                io.knobwright.model.health.SessionSample::openedPerSecond)).ifPresent(peak -> text.append(String.format(Locale.ROOT,
                " · peak %.0f/s at %s", peak.openedPerSecond(), java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                        .format(peak.at().atZone(zone)))));
        long storms = samples.stream().filter(io.knobwright.model.health.SessionSample::storm).count();
        if (storms > 0) {
            text.append(" · ").append(storms).append(storms == 1 ? " second" : " seconds").append(" with ")
                    .append(io.knobwright.model.health.ConnectionStorm.STORM_PER_SECOND)
                    .append(" or more new connections: a connection storm");
        }
        if (!last.openedCounted()) {
            text.append(" · before PostgreSQL 14 only the sessions a sample sees are counted");
        }
        return text.toString();
    }

    /** The sampler reads pg_stat_activity and pg_stat_database: PostgreSQL with a connection. */
    static String samplerUnsupported(Instance target) {
        if (target.engine() != Engine.POSTGRESQL) {
            return "Live sampling of sessions is for PostgreSQL; for " + target.engine().displayName()
                    + ", import its logs to see connection storms.";
        }
        return target.connectable() ? "" : target.name() + " is in the inventory only: sampling sessions needs a connection.";
    }

    /** Shows {@code target}'s health (null clears the tab). Index advice waits for {@link #analyseIndexes()}. */
    public void show(Instance target) {
        instance.set(target);
        long mine = ++generation;
        applyConnections(null);
        applyStorage(null);
        connectionsMessage.set("");
        storageMessage.set("");
        connectionsLoading.set(false);
        storageLoading.set(false);
        restartSampler(target, mine);
        String indexProblem = target == null ? "" : indexAdviceUnsupported(target);
        indexesUnsupported.set(indexProblem);
        indexes.show(target == null || !indexProblem.isEmpty() ? null : target);
        backups.show(target);
        if (target == null) {
            return;
        }
        String connectionProblem = connectionsUnsupported(target);
        if (!connectionProblem.isEmpty()) {
            connectionsMessage.set(connectionProblem);
        } else {
            connectionsLoading.set(true);
            work.io(READ_CONNECTIONS, () -> desk.connections().apply(target), c -> {
                if (mine == generation) {
                    connectionsLoading.set(false);
                    applyConnections(c);
                    connectionsMessage.set(c.history().size() < 2 ? "No connection history yet: run `knobwright monitor"
                            + " collect --instance " + target.name() + "` or keep the collector running." : "");
                }
            }, failure -> {
                if (mine == generation) {
                    connectionsLoading.set(false);
                    connectionsMessage.set(failure);
                }
            });
        }
        storageLoading.set(true);
        work.io(READ_STORAGE, () -> desk.storage().apply(target), s -> {
            if (mine == generation) {
                storageLoading.set(false);
                applyStorage(s);
                storageMessage.set(s.forecast() != null ? "" : "No size history yet: run `knobwright monitor collect"
                        + " --instance " + target.name() + "` on two days, or import history with `knobwright storage"
                        + " import-series --instance " + target.name() + " --file sizes.csv`.");
            }
        }, failure -> {
            if (mine == generation) {
                storageLoading.set(false);
                storageMessage.set(failure);
            }
        });
    }

    public void refresh() {
        show(instance.get());
    }

    /** Computes index advice for the instance (it starts a sandbox: minutes on a large schema). */
    public void analyseIndexes() {
        if (indexesUnsupported.get().isEmpty()) {
            indexes.advise();
        }
    }

    /** Connection health reads PostgreSQL and MySQL/MariaDB sessions over a connection. */
    static String connectionsUnsupported(Instance target) {
        if (!target.connectable()) {
            return target.name() + " is in the inventory only: connection health needs a connection to the server.";
        }
        return switch (target.engine()) {
            case POSTGRESQL, MYSQL, MARIADB -> "";
            default -> "Connection health is not supported for " + target.engine().displayName() + " (PostgreSQL, MySQL"
                    + " and MariaDB only).";
        };
    }

    /** Index advice evaluates candidates on PostgreSQL only (HypoPG or a sandbox copy of the schema). */
    static String indexAdviceUnsupported(Instance target) {
        if (target.engine() != Engine.POSTGRESQL) {
            return "Index advice is not supported for " + target.engine().displayName() + ": it evaluates candidates"
                    + " with PostgreSQL (HypoPG or a sandbox copy of the schema).";
        }
        return target.connectable() ? "" : target.name() + " is in the inventory only: index advice needs a connection.";
    }

    private void applyConnections(HealthDesk.Connections c) {
        connections.set(c);
        if (c == null) {
            utilisationText.set("");
            timeLeftText.set("");
            leaks.clear();
            poolAdvice.clear();
            return;
        }
        ConnectionReport r = c.report();
        int usable = r.snapshot().limits().usable();
        utilisationText.set(String.format(Locale.ROOT, "%d of %d usable connections in use (%.0f%%) · max_connections %d,"
                + " %d reserved · %d active", r.snapshot().total(), usable, r.utilisation() * 100,
                r.snapshot().limits().maxConnections(), r.snapshot().limits().maxConnections() - usable, r.snapshot().active()));
        timeLeftText.set(r.timeLeft().left().map(left -> "At the trend (" + String.format(Locale.ROOT, "%+.1f", r.timeLeft().perHour())
                + " sessions/hour) the usable limit is reached in " + duration(left) + ".")
                .orElse("Time left at the trend: " + r.timeLeft().basis()));
        // every session idle in a transaction, the leaks (older than the threshold) marked
        leaks.setAll(r.snapshot().idleInTransaction().stream().sorted(java.util.Comparator.comparingDouble(
                IdleTransaction::transactionSeconds).reversed()).map(t -> leak(t, r.leaks().contains(t))).toList());
        poolAdvice.setAll(r.advice().reasoning());
    }

    private static LeakRow leak(IdleTransaction t, boolean isLeak) {
        return new LeakRow(t.application() == null || t.application().isBlank() ? "(no application name)" : t.application(),
                t.user(), "idle " + duration(Duration.ofSeconds(Math.round(t.idleSeconds()))) + ", in transaction "
                + duration(Duration.ofSeconds(Math.round(t.transactionSeconds()))) + (isLeak ? " · leak" : ""),
                t.query() == null ? "" : t.query());
    }

    private void applyStorage(HealthDesk.Storage s) {
        storage.set(s);
        largestTables.setAll(s == null ? List.of() : s.largest().stream().map(t -> new TableRow(t.table().database() + "."
                + t.table().schema() + "." + t.table().table(), IndexAdviceViewModel.bytes(t.bytes()))).toList());
        StorageForecast f = s == null || s.forecast() == null ? null : s.forecast().forecast();
        if (f == null) {
            thresholdText.set("");
            backtestText.set("");
            return;
        }
        thresholdText.set(f.threshold().map(HealthViewModel::threshold)
                .orElse("No threshold: set the instance's disk size to see the date the disk fills."));
        backtestText.set(f.backtest().map(HealthViewModel::backtest)
                .orElse("No backtest yet: the series is too short to test the forecast on its own history."));
    }

    private static String threshold(ThresholdCrossing t) {
        String limit = IndexAdviceViewModel.bytes(t.thresholdBytes());
        if (t.alreadyReached()) {
            return "Threshold " + limit + " is already reached.";
        }
        if (t.expected() == null) {
            return "Threshold " + limit + " is not reached within " + t.searchedDays() + " days.";
        }
        return "Threshold " + limit + " reached on " + t.expected() + (t.earliest() == null ? "" : " (earliest " + t.earliest()
                + (t.latest() == null ? "" : ", latest " + t.latest()) + ")") + ".";
    }

    private static String backtest(BacktestError b) {
        return String.format(Locale.ROOT, "Backtest (%d origins, %d days ahead): growth error median %.0f%%, p90 %.0f%%;"
                + " size error %.1f%%; 80%% interval covered %.0f%%.", b.origins(), b.horizonDays(),
                b.medianGrowthError() * 100, b.p90GrowthError() * 100, b.medianSizeError() * 100, b.coverage() * 100);
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return Math.max(0, d.toSeconds()) + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " days";
    }

    public IndexAdviceViewModel indexes() { return indexes; }
    public BackupHealthViewModel backups() { return backups; }
    public ReadOnlyObjectProperty<Instance> instanceProperty() { return instance.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectionsLoadingProperty() { return connectionsLoading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HealthDesk.Connections> connectionsProperty() { return connections.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionsMessageProperty() { return connectionsMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty utilisationTextProperty() { return utilisationText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timeLeftTextProperty() { return timeLeftText.getReadOnlyProperty(); }
    public ObservableList<LeakRow> leaks() { return leaks; }
    public ObservableList<String> poolAdvice() { return poolAdvice; }
    public ReadOnlyBooleanProperty storageLoadingProperty() { return storageLoading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HealthDesk.Storage> storageProperty() { return storage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty storageMessageProperty() { return storageMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty thresholdTextProperty() { return thresholdText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty backtestTextProperty() { return backtestText.getReadOnlyProperty(); }
    public ObservableList<TableRow> largestTables() { return largestTables; }
    public ReadOnlyStringProperty indexesUnsupportedProperty() { return indexesUnsupported.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty samplingProperty() { return sampling.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<io.knobwright.model.health.SessionSample>> sessionSamplesProperty() {
        return sessionSamples.getReadOnlyProperty();
    }
    public ReadOnlyStringProperty sessionsTextProperty() { return sessionsText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sessionsMessageProperty() { return sessionsMessage.getReadOnlyProperty(); }
}
