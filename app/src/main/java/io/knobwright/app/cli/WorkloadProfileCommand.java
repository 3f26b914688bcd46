package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.ChangePoints;
import io.knobwright.model.workload.Feature;
import io.knobwright.model.workload.WorkloadProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The workload profile of an instance over the last days: read/write mix, transactions, active",
                "sessions, working set against memory, temp spill, checkpoints, WAL, connections; its class (oltp, olap,",
                "mixed) with every feature, its threshold and its vote; peak hours and workload shifts.",
                "Needs collected metrics (knobwright monitor collect); exits 1 when there are none."})
final class WorkloadProfileCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance.")
    private String instance;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14",
            description = "How many days back the profile reaches (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    WorkloadProfileCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (days < 1 || days > 366) {
            throw UserError.input("--days must be between 1 and 366, not " + days + ".");
        }
        Instance target = session.context().fleet().require(instance);
        WorkloadProfile profile = session.context().workload().profile(target, Duration.ofDays(days));
        if (!profile.hasData()) {
            throw UserError.input("No workload data for " + target.name() + " in the last " + days
                    + " days: nothing has been collected from it yet. Run `knobwright monitor collect --instance "
                    + target.name() + "` (or keep the workbench's collector running), then ask again.");
        }
        io.knobwright.app.workload.QueryTrends trends = session.context().workload().trends(target);
        if (json) {
            Json.print(session.out(), ProfileJson.of(target, profile, trends));
        } else {
            print(session.out(), target, profile);
            printRegressions(session.out(), trends);
        }
        return ExitCodes.OK;
    }

    @JsonPropertyOrder({"from", "to"})
    record WindowJson(String from, String to) {
    }

    @JsonPropertyOrder({"name", "value", "unit", "threshold", "votes", "basis"})
    record FeatureJson(String name, Double value, String unit, String threshold, String votes, String basis) {
        static FeatureJson of(Feature f) {
            return new FeatureJson(f.name(), num(f.value()), f.unit(), f.threshold(), f.vote().label(), f.basis());
        }
    }

    @JsonPropertyOrder({"readsPerSecond", "writesPerSecond", "writeShare", "basis"})
    record MixJson(Double readsPerSecond, Double writesPerSecond, Double writeShare, String basis) {
    }

    @JsonPropertyOrder({"mean", "p95", "max"})
    record ConcurrencyJson(Double mean, Double p95, Double max) {
    }

    @JsonPropertyOrder({"hitRatio", "physicalReadBytesPerSecond", "databaseBytes", "memoryBytes", "estimatedBytes", "fit",
            "method"})
    record WorkingSetJson(Double hitRatio, Double physicalReadBytesPerSecond, Double databaseBytes, Double memoryBytes,
                          Double estimatedBytes, String fit, String method) {
    }

    @JsonPropertyOrder({"bytesPerSecond", "totalBytes", "filesPerSecond", "bytesPerTransaction", "sortHashHeavyShare",
            "spillingQueries"})
    record TempJson(Double bytesPerSecond, Double totalBytes, Double filesPerSecond, Double bytesPerTransaction,
                    Double sortHashHeavyShare, int spillingQueries) {
    }

    @JsonPropertyOrder({"timedPerHour", "requestedPerHour", "requestedShare", "backendWriteShare"})
    record CheckpointJson(Double timedPerHour, Double requestedPerHour, Double requestedShare, Double backendWriteShare) {
    }

    @JsonPropertyOrder({"meanBytesPerSecond", "p95BytesPerSecond"})
    record WalJson(Double meanBytesPerSecond, Double p95BytesPerSecond) {
    }

    @JsonPropertyOrder({"mean", "peak", "maxConnections", "meanUse", "peakUse"})
    record ConnectionsJson(Double mean, Double peak, Double maxConnections, Double meanUse, Double peakUse) {
    }

    /** rows: Monday first, 24 hourly means each, null where nothing was measured. */
    @JsonPropertyOrder({"metric", "zone", "rows"})
    record HeatMapJson(String metric, String zone, List<List<Double>> rows) {
    }

    @JsonPropertyOrder({"at", "metric", "before", "after"})
    record ShiftJson(String at, String metric, Double before, Double after) {
        static ShiftJson of(ChangePoints.Shift s) {
            return new ShiftJson(s.at().toString(), s.metric().name().toLowerCase(Locale.ROOT), num(s.before()),
                    num(s.after()));
        }
    }

    /** A query that got slower or busier: its last day against the median of the days before (decision 0127). */
    @JsonPropertyOrder({"fingerprint", "query", "metric", "before", "after", "ratio", "since"})
    record RegressionJson(String fingerprint, String query, String metric, Double before, Double after, Double ratio,
                          String since) {
        static RegressionJson of(io.knobwright.app.workload.QueryTrends.Regression r) {
            return new RegressionJson(r.fingerprint(), r.query(), r.metric(), num(r.before()), num(r.after()),
                    num(r.ratio()), r.since().toString());
        }
    }

    @JsonPropertyOrder({"instance", "window", "class", "classSummary", "features", "readWriteMix",
            "transactionsPerSecond", "concurrency", "workingSet", "tempSpill", "checkpoints", "wal", "connections",
            "heatMap", "peakHours", "shifts", "regressions"})
    record ProfileJson(String instance, WindowJson window, @com.fasterxml.jackson.annotation.JsonProperty("class") String workloadClass,
                       String classSummary, List<FeatureJson> features, MixJson readWriteMix, Double transactionsPerSecond,
                       ConcurrencyJson concurrency, WorkingSetJson workingSet, TempJson tempSpill,
                       CheckpointJson checkpoints, WalJson wal, ConnectionsJson connections, HeatMapJson heatMap,
                       List<Integer> peakHours, List<ShiftJson> shifts, List<RegressionJson> regressions) {

        static ProfileJson of(Instance instance, WorkloadProfile p) {
            return of(instance, p, io.knobwright.app.workload.QueryTrends.NONE);
        }

        static ProfileJson of(Instance instance, WorkloadProfile p, io.knobwright.app.workload.QueryTrends trends) {
            var mix = p.readWriteMix();
            var ws = p.workingSet();
            var t = p.tempSpill();
            var c = p.checkpoints();
            var conn = p.connections();
            return new ProfileJson(instance.name(), new WindowJson(p.from().toString(), p.to().toString()),
                    p.workloadClass().label(), p.classSummary(), p.features().stream().map(FeatureJson::of).toList(),
                    new MixJson(num(mix.readsPerSecond()), num(mix.writesPerSecond()), num(mix.writeShare()), mix.basis()),
                    num(p.transactionsPerSecond()),
                    new ConcurrencyJson(num(p.concurrency().mean()), num(p.concurrency().p95()), num(p.concurrency().max())),
                    new WorkingSetJson(num(ws.hitRatio()), num(ws.physicalReadBytesPerSec()), num(ws.databaseBytes()),
                            num(ws.memoryBytes()), num(ws.estimatedBytes()), ws.fit().name().toLowerCase(Locale.ROOT),
                            ws.method()),
                    new TempJson(num(t.bytesPerSecond()), num(t.totalBytes()), num(t.filesPerSecond()),
                            num(t.bytesPerTransaction()), num(t.sortHashHeavyShare()), t.spillingQueries()),
                    new CheckpointJson(num(c.timedPerHour()), num(c.requestedPerHour()), num(c.requestedShare()),
                            num(c.backendWriteShare())),
                    new WalJson(num(p.wal().meanBytesPerSecond()), num(p.wal().p95BytesPerSecond())),
                    new ConnectionsJson(num(conn.meanConnections()), num(conn.peakConnections()), num(conn.maxConnections()),
                            num(conn.meanUse()), num(conn.peakUse())),
                    new HeatMapJson(p.heatMap().metric().name().toLowerCase(Locale.ROOT), p.heatMap().zone().getId(),
                            p.heatMap().rows().stream().map(r -> r.stream().map(WorkloadProfileCommand::num).toList()).toList()),
                    p.peakHours(), p.shifts().stream().map(ShiftJson::of).toList(),
                    trends.regressions().stream().map(RegressionJson::of).toList());
        }
    }

    /** NaN (not measured) as JSON null; figures rounded to 4 significant decimals so the output stays readable. */
    static Double num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }

    private static void print(PrintWriter out, Instance instance, WorkloadProfile p) {
        out.println(Table.cell(instance.name()) + ": " + p.workloadClass().label() + " (" + p.classSummary() + ")");
        Table features = new Table("FEATURE", "VALUE", "THRESHOLD", "VOTE", "FROM");
        for (Feature f : p.features()) {
            features.row(f.name(), f.measured() ? fmt(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit()) : "—",
                    f.threshold(), f.vote().label(), Table.clip(f.basis(), 60));
        }
        features.print(out);
        out.println();
        out.println("transactions/s " + fmt(p.transactionsPerSecond()) + " · write share " + fmt(p.readWriteMix().writeShare())
                + " · active sessions mean " + fmt(p.concurrency().mean()) + ", p95 " + fmt(p.concurrency().p95())
                + ", max " + fmt(p.concurrency().max()));
        out.println("working set " + p.workingSet().fit().name().toLowerCase(Locale.ROOT) + " (hit ratio "
                + fmt(p.workingSet().hitRatio()) + ") · WAL " + fmt(p.wal().meanBytesPerSecond()) + " B/s · connections "
                + fmt(p.connections().meanUse() * 100) + "% of max, peak " + fmt(p.connections().peakUse() * 100) + "%");
        out.println("peak hours (" + p.heatMap().zone().getId() + "): " + (p.peakHours().isEmpty() ? "—"
                : p.peakHours().stream().map(h -> String.format("%02d:00", h)).reduce((a, b) -> a + ", " + b).orElse("")));
        if (p.shifts().isEmpty()) {
            out.println("no workload shift in the window");
        }
        for (ChangePoints.Shift s : p.shifts()) {
            out.println("shift at " + s.at() + ": " + s.metric().name().toLowerCase(Locale.ROOT) + " "
                    + fmt(s.before()) + " -> " + fmt(s.after()) + " " + s.metric().unit());
        }
    }

    private static void printRegressions(PrintWriter out, io.knobwright.app.workload.QueryTrends trends) {
        if (trends.lastDay() == null) {
            out.println("no query history per day yet (import logs or keep the collector running)");
            return;
        }
        if (trends.regressions().isEmpty()) {
            out.println("no query regression on " + trends.lastDay() + " against the days before");
        }
        for (io.knobwright.app.workload.QueryTrends.Regression r : trends.regressions()) {
            out.println("regression " + r.fingerprint() + ": " + r.summary() + " · " + Table.clip(Table.cell(r.query()), 80));
        }
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
