package io.knobwright.app.ui.workload;

import io.knobwright.app.task.ProgressRun;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.workload.LogImportTasks;
import io.knobwright.app.workload.WorkloadReport;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.task.TaskRunner;
import io.knobwright.model.workload.ChangePoints;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.WorkloadClass;
import io.knobwright.model.workload.WorkloadProfile;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Workload tab of an instance: its profile with the class and the features that decided it, key figures, the
 * hour x weekday pattern, the rate over time, workload shifts and the top queries; and importing a log with a
 * progress bar and a Cancel button. Reads run off the FX thread; results and progress arrive on it.
 */
public final class WorkloadViewModel {

    static final String READ = "Read the workload";
    static final String IMPORT = "Import the log";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final BackgroundWork work;
    private final TaskRunner tasks;
    private final Function<Instance, WorkloadReport> reports;
    private final LogImportTasks importer;
    private final Supplier<Optional<Path>> chooseLog;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<Instance> instance = new ReadOnlyObjectWrapper<>(this, "instance");
    private final ReadOnlyObjectWrapper<WorkloadReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasData = new ReadOnlyBooleanWrapper(this, "hasData");
    private final ReadOnlyStringWrapper classText = new ReadOnlyStringWrapper(this, "classText", "");
    private final ReadOnlyStringWrapper classSummary = new ReadOnlyStringWrapper(this, "classSummary", "");
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper(this, "windowText", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper peakText = new ReadOnlyStringWrapper(this, "peakText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<QueryRow> queries = FXCollections.observableArrayList();
    private final ObservableList<String> shifts = FXCollections.observableArrayList();
    private final ObservableList<io.knobwright.model.workload.PlanChange> planChanges = FXCollections.observableArrayList();
    private final ObservableList<io.knobwright.app.workload.QueryBurst> bursts = FXCollections.observableArrayList();
    private final ObservableList<io.knobwright.app.workload.QueryTrends.Regression> regressions =
            FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper sparkTitle =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "sparkTitle", "Calls per hour");
    private final javafx.beans.property.ReadOnlyStringWrapper regressionsText =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "regressionsText", "");

    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(this, "importProgress");
    private final ReadOnlyStringWrapper importText = new ReadOnlyStringWrapper(this, "importText", "");
    private ProgressRun<LogImportTasks.Result> run;
    private long generation;

    /**
     * @param reports   reads an instance's workload (blocking; run off the FX thread)
     * @param importer  the log importer behind "Import log…"
     * @param chooseLog asks which log file to import (empty when the user cancels)
     */
    public WorkloadViewModel(BackgroundWork work, TaskRunner tasks, Function<Instance, WorkloadReport> reports,
                             LogImportTasks importer, Supplier<Optional<Path>> chooseLog, ZoneId zone) {
        this.work = Objects.requireNonNull(work, "work");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.chooseLog = Objects.requireNonNull(chooseLog, "chooseLog");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Shows {@code target}'s workload (null clears the tab); a slower earlier read that finishes later is dropped. */
    public void show(Instance target) {
        instance.set(target);
        long mine = ++generation;
        if (target == null) {
            apply(null);
            return;
        }
        loading.set(true);
        work.io(READ, () -> reports.apply(target), r -> {
            if (mine == generation) {
                loading.set(false);
                apply(r);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                apply(null);
                say(failure, true);
            }
        });
    }

    public void refresh() {
        show(instance.get());
    }

    private void apply(WorkloadReport r) {
        report.set(r);
        WorkloadProfile p = r == null ? null : r.profile();
        // a log imported without metrics collected still has queries, bursts and plans to show
        boolean data = p != null && (p.hasData() || !r.topQueries().isEmpty() || !r.planChanges().isEmpty()
                || !r.bursts().isEmpty());
        hasData.set(data);
        planChanges.setAll(r == null ? List.of() : r.planChanges());
        bursts.setAll(r == null ? List.of() : r.bursts());
        io.knobwright.app.workload.QueryTrends trends = r == null ? io.knobwright.app.workload.QueryTrends.NONE : r.trends();
        regressions.setAll(trends.regressions());
        sparkTitle.set(trends.days().size() >= 2 ? "Calls per day" : "Calls per hour");
        regressionsText.set(trends.lastDay() == null
                ? "No daily history yet: import logs of several days, or let the collector run for a few days"
                : trends.regressions().isEmpty() ? "No regression on " + trends.lastDay() + " against the days before"
                : "");
        Instance i = instance.get();
        emptyText.set(i == null || data ? "" : "No workload data for " + i.name() + " yet. Run `knobwright monitor collect"
                + " --instance " + i.name() + "` (or let the collector run for a while), or import a server log.");
        if (p == null) {
            classText.set("");
            classSummary.set("");
            windowText.set("");
            peakText.set("");
            features.clear();
            figures.clear();
            queries.clear();
            shifts.clear();
            return;
        }
        classText.set(p.workloadClass() == WorkloadClass.UNKNOWN ? "Unknown" : p.workloadClass().name().equals("MIXED")
                ? "Mixed" : p.workloadClass().name());
        classSummary.set(p.classSummary());
        windowText.set(DAY.format(p.from().atZone(zone)) + " – " + DAY.format(p.to().atZone(zone)) + " · "
                + String.format(Locale.ROOT, "%,d metric points", p.pointsRead()));
        peakText.set(p.peakHours().isEmpty() ? "" : "Peak hours " + hours(p.peakHours()) + " (" + zone.getId() + ")");
        features.setAll(p.features().stream().map(FeatureRow::of).toList());
        figures.setAll(figures(p));
        queries.setAll(r.topQueries().stream().map(q -> QueryRow.of(q, trends)).toList());
        shifts.setAll(shiftLines(p.shifts()));
    }

    private static List<Figure> figures(WorkloadProfile p) {
        var mix = p.readWriteMix();
        var ws = p.workingSet();
        var t = p.tempSpill();
        var c = p.checkpoints();
        var conn = p.connections();
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("Transactions", WorkloadFormats.rate(p.transactionsPerSecond()), "commits + rollbacks"));
        out.add(new Figure("Reads / writes", WorkloadFormats.rate(mix.readsPerSecond()) + " / "
                + WorkloadFormats.rate(mix.writesPerSecond()), WorkloadFormats.percent(mix.writeShare()) + " writes, "
                + mix.basis()));
        out.add(new Figure("Active sessions", "mean " + WorkloadFormats.number(p.concurrency().mean()) + " · p95 "
                + WorkloadFormats.number(p.concurrency().p95()) + " · max " + WorkloadFormats.number(p.concurrency().max()),
                "sessions running a statement"));
        out.add(new Figure("Working set", ws.fit() == WorkloadProfile.Fit.UNKNOWN ? Formats.UNKNOWN
                : "≈ " + WorkloadFormats.bytes(ws.estimatedBytes()) + " · " + fit(ws.fit()),
                "hit ratio " + WorkloadFormats.percent(ws.hitRatio()) + ", memory " + WorkloadFormats.bytes(ws.memoryBytes())
                        + ", data " + WorkloadFormats.bytes(ws.databaseBytes())));
        out.add(new Figure("Temp spill", WorkloadFormats.byteRate(t.bytesPerSecond()),
                WorkloadFormats.bytes(t.totalBytes()) + " in the window"
                        + (Double.isNaN(t.sortHashHeavyShare()) ? "" : ", " + WorkloadFormats.percent(t.sortHashHeavyShare())
                        + " of query time in " + Formats.count(t.spillingQueries(), "spilling query", "spilling queries"))));
        out.add(new Figure("Checkpoints", WorkloadFormats.number(c.timedPerHour() + c.requestedPerHour()) + "/h",
                WorkloadFormats.percent(c.requestedShare()) + " requested (WAL-forced), backends wrote "
                        + WorkloadFormats.percent(c.backendWriteShare()) + " of buffers"));
        out.add(new Figure("WAL", WorkloadFormats.byteRate(p.wal().meanBytesPerSecond()),
                "p95 " + WorkloadFormats.byteRate(p.wal().p95BytesPerSecond())));
        out.add(new Figure("Connections", WorkloadFormats.percent(conn.meanUse()) + " of max",
                "mean " + WorkloadFormats.number(conn.meanConnections()) + ", peak " + WorkloadFormats.number(conn.peakConnections())
                        + " of " + WorkloadFormats.number(conn.maxConnections())));
        return out;
    }

    private static String fit(WorkloadProfile.Fit fit) {
        return switch (fit) {
            case FITS -> "fits in memory";
            case TIGHT -> "tight";
            case EXCEEDS -> "exceeds memory";
            case UNKNOWN -> "unknown";
        };
    }

    /**
     * One line per hour at which something shifted: the first metric's figures (commits before reads, as the profiler
     * orders them), then the others that moved with it. A release that doubles the traffic moves five series at once;
     * five lines would say one thing five times.
     */
    private List<String> shiftLines(List<ChangePoints.Shift> all) {
        java.util.Map<java.time.Instant, List<ChangePoints.Shift>> byHour = new java.util.LinkedHashMap<>();
        for (ChangePoints.Shift s : all) {
            byHour.computeIfAbsent(s.at(), h -> new ArrayList<>()).add(s);
        }
        List<String> lines = new ArrayList<>();
        for (List<ChangePoints.Shift> same : byHour.values()) {
            String line = shiftText(same.getFirst());
            if (same.size() > 1) {
                List<ChangePoints.Shift> others = same.subList(1, same.size());
                // within 5 points of the first: the same move seen through another counter
                double first = same.getFirst().relativeChange();
                boolean alike = others.stream().allMatch(s -> Math.abs(s.relativeChange() - first) <= 0.05);
                List<String> names = others.stream().map(s -> label(s.metric()) + (alike ? "" : " " + percentChange(s)))
                        .toList();
                String joined = names.size() == 1 ? names.getFirst()
                        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
                line += alike ? "; " + joined + " moved alike" : "; also " + joined;
            }
            lines.add(line);
        }
        return lines;
    }

    private static String percentChange(ChangePoints.Shift s) {
        double change = s.relativeChange();
        return Double.isInfinite(change) ? "from zero" : String.format(Locale.ROOT, "%+.0f %%", change * 100);
    }

    private String shiftText(ChangePoints.Shift s) {
        String pct = " (" + percentChange(s) + ")";
        return WHEN.format(s.at().atZone(zone)) + " · " + label(s.metric()) + " " + value(s.metric(), s.before()) + " → "
                + value(s.metric(), s.after()) + pct;
    }

    static String label(Metric m) {
        return switch (m) {
            case COMMITS -> "commits";
            case READ_STATEMENTS -> "reads";
            case WRITE_STATEMENTS -> "writes";
            case ACTIVE_SESSIONS -> "active sessions";
            case TEMP_BYTES -> "temp spill";
            case WAL_BYTES -> "WAL";
            default -> m.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String value(Metric m, double v) {
        return switch (m.unit()) {
            case "B/s" -> WorkloadFormats.byteRate(v);
            case "/s" -> WorkloadFormats.rate(v);
            default -> WorkloadFormats.number(v);
        };
    }

    private static String hours(List<Integer> hours) {
        // consecutive hours read as ranges: 09–12, 14–16
        List<String> ranges = new ArrayList<>();
        int start = hours.getFirst();
        int prev = start;
        for (int i = 1; i <= hours.size(); i++) {
            int h = i < hours.size() ? hours.get(i) : -2;
            if (h != prev + 1) {
                ranges.add(start == prev ? String.format("%02d:00", start)
                        : String.format("%02d:00–%02d:59", start, prev));
                start = h;
            }
            prev = h;
        }
        return String.join(", ", ranges);
    }

    // --- log import ---------------------------------------------------------------------------------------------

    /** Asks for a log file and imports it into the shown instance, with progress; the tab reloads afterwards. */
    public void importLog() {
        Instance target = instance.get();
        if (target == null || importing.get()) {
            return;
        }
        chooseLog.get().ifPresent(file -> importLog(target, file));
    }

    void importLog(Instance target, Path file) {
        importing.set(true);
        importProgress.set(-1);
        importText.set("Reading " + file.getFileName() + "…");
        message.set("");
        run = ProgressRun.start(tasks, importer.importing(target, file), work::later, update -> {
            if (importing.get()) {
                importProgress.set(update.fraction());
                importText.set(update.message());
            }
        });
        run.result().whenComplete((result, error) -> work.later(() -> {
            boolean cancelled = run != null && run.cancelRequested()
                    || error != null && io.knobwright.model.UserError.unwrap(error) instanceof CancellationException;
            importing.set(false);
            importText.set("");
            run = null;
            if (error == null) {
                say("Imported " + file.getFileName() + ": " + Formats.count(result.statements(), "statement", "statements")
                        + " in " + Formats.count(result.fingerprints(), "fingerprint", "fingerprints")
                        + (result.message().isEmpty() ? "" : ". " + result.message()), false);
                if (target.equals(instance.get())) {
                    refresh();
                }
            } else if (cancelled) {
                say("Import of " + file.getFileName() + " cancelled; what was read before stays.", false);
            } else {
                say(work.failed(IMPORT, error), true);
            }
        }));
    }

    /** Asks the running import to stop; it does at its next check. */
    public void cancelImport() {
        if (run != null) {
            run.cancel();
            importText.set("Cancelling…");
        }
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    public void dismissMessage() {
        message.set("");
    }

    // --- read-only state ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Instance> instanceProperty() { return instance.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WorkloadReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasDataProperty() { return hasData.getReadOnlyProperty(); }
    public ReadOnlyStringProperty classTextProperty() { return classText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty classSummaryProperty() { return classSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty windowTextProperty() { return windowText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty peakTextProperty() { return peakText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty importingProperty() { return importing.getReadOnlyProperty(); }
    /** 0..1, or negative while the size of the work is unknown. */
    public ReadOnlyDoubleProperty importProgressProperty() { return importProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty importTextProperty() { return importText.getReadOnlyProperty(); }
    public ObservableList<FeatureRow> features() { return features; }
    public ObservableList<Figure> figures() { return figures; }
    public ObservableList<QueryRow> queries() { return queries; }
    public ObservableList<String> shifts() { return shifts; }
    public ObservableList<io.knobwright.model.workload.PlanChange> planChanges() { return planChanges; }
    public ObservableList<io.knobwright.app.workload.QueryBurst> bursts() { return bursts; }
    /** Queries that got slower or busier on the last day of the daily history, the largest ratio first. */
    public ObservableList<io.knobwright.app.workload.QueryTrends.Regression> regressions() { return regressions; }
    /** The sparkline column's title: per day where there is a daily history, else per hour. */
    public javafx.beans.property.ReadOnlyStringProperty sparkTitleProperty() { return sparkTitle.getReadOnlyProperty(); }
    /** Why the regressions list is empty ("" when it is not). */
    public javafx.beans.property.ReadOnlyStringProperty regressionsTextProperty() { return regressionsText.getReadOnlyProperty(); }
    public ZoneId zone() { return zone; }
}
