package io.knobwright.app.simulation.bench;

import io.knobwright.app.simulation.ProfiledShapes;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.experiment.Difference;
import io.knobwright.simulator.experiment.ReplicateStats;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;
import io.knobwright.simulator.recommend.Measurement;
import io.knobwright.simulator.recommend.Measurements;
import io.knobwright.simulator.recommend.PlannerEvidence;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationRequest;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.Recommender;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #14's effect bench (decision 0155): per workload on an embedded PostgreSQL, observe it at the defaults (a
 * baseline run and its statements profiled: the measured shape and figures the recommender reads), ask the recommender,
 * compute PGTune's configuration for the declared machine, then run defaults / PGTune / Knobwright interleaved in
 * rounds and compare medians, each difference judged against the run-to-run noise as experiments judge them
 * ({@link Difference}).
 */
public final class EffectBench {

    /**
     * The configurations a workload runs, in the order of a round's first run; REMEDY, the textbook fix for the
     * workload's named bottleneck, runs only where one is named (decision 0157).
     */
    public enum Arm { DEFAULTS, PGTUNE, KNOBWRIGHT, REMEDY }

    /**
     * @param ramBytes             the machine's RAM as declared to both tuners (a share of the host on a shared box)
     * @param allowDurabilityTrade lets the recommender propose synchronous_commit=off (PGTune never does)
     */
    public record Options(Path dataDirectory, int replicates, Duration warmUp, Duration duration, int clients,
                          long ramBytes, boolean quick, List<String> workloads, boolean allowDurabilityTrade) {
        public Options {
            if (replicates < 1 || replicates > 20) {
                throw new IllegalArgumentException("--replicates must be between 1 and 20, not " + replicates + ".");
            }
            if (duration.isNegative() || duration.isZero() || warmUp.isNegative()) {
                throw new IllegalArgumentException("--duration must be positive and --warm-up not negative.");
            }
            if (clients < 1 || clients > 32) {
                throw new IllegalArgumentException("--clients must be between 1 and 32, not " + clients + ".");
            }
            if (ramBytes < 512L << 20) {
                throw new IllegalArgumentException("--ram must be at least 512MB.");
            }
            workloads = List.copyOf(workloads);
        }
    }

    /**
     * One of the bench's workloads, the PGTune type a DBA would pick for it, the bottleneck it is built to have, and the
     * textbook fix for that bottleneck (null where none is named) that tests whether configuration removes it here.
     */
    record EffectWorkload(BenchWorkload load, PgTune.DbType pgTuneType, BottleneckRemedy remedy, String bottleneckText) {
        boolean bottleneck() {
            return remedy != null;
        }
    }

    /**
     * What one workload measured.
     *
     * @param remedyOverDefaults  the textbook remedy against the defaults; null where no bottleneck is named
     * @param pgTuneOverDefaults  PGTune's set against the defaults
     */
    public record WorkloadResult(String workload, Map<Arm, ReplicateStats> tps, Map<Arm, Map<String, String>> changes,
                                 Difference versusDefaults, Difference versusPgTune,
                                 Difference remedyOverDefaults, Difference pgTuneOverDefaults,
                                 String recommenderAnswer, boolean sameAsDefaults, int roundsOverDefaults,
                                 int roundsOverPgTune) {

        /** Whether the workload was built with a named bottleneck, and so ran its remedy. */
        public boolean bottleneck() {
            return remedyOverDefaults != null;
        }

        /**
         * Whether this host shows a configuration bottleneck: the textbook remedy or PGTune's set ran clearly faster
         * than the defaults. Only then is "clearly better than the defaults" asked of Knobwright (decision 0157).
         */
        public boolean bottleneckShown() {
            return faster(remedyOverDefaults) || faster(pgTuneOverDefaults);
        }

        /** Which configuration showed the bottleneck, in words; empty when none did. */
        String shownBy() {
            List<String> by = new ArrayList<>();
            if (faster(remedyOverDefaults)) {
                by.add(String.format(Locale.ROOT, "the textbook remedy %+.0f%%", remedyOverDefaults.change() * 100));
            }
            if (faster(pgTuneOverDefaults)) {
                by.add(String.format(Locale.ROOT, "PGTune %+.0f%%", pgTuneOverDefaults.change() * 100));
            }
            return String.join(" and ", by);
        }

        private static boolean faster(Difference d) {
            return d != null && d.verdict() == Difference.Verdict.FASTER;
        }
    }

    public record Result(List<WorkloadResult> workloads, String server, Duration elapsed) {
    }

    private static final int CONNECTIONS = Integer.parseInt(BenchSandbox.FIXED.get("max_connections"));

    /**
     * PostgreSQL's defaults where the embedded server's builder changes them: zonky starts it with
     * synchronous_commit=off, and the defaults arm must pay for its commits as a real server's defaults do. Every arm
     * starts from these; an arm's own settings override them.
     */
    static final Map<String, String> POSTGRES_DEFAULTS = Map.of("synchronous_commit", "on");

    private final Options options;
    private final PrintWriter out;
    private final Recommender recommender = Recommender.builtIn();
    private final CatalogRepository catalogs = new CatalogRepository();

    public EffectBench(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    static List<EffectWorkload> workloads(boolean quick) {
        return List.of(
                new EffectWorkload(BenchWorkload.selectOnly("read-mostly", quick ? "effect_read_q" : "effect_read",
                        quick ? 12 : 24), PgTune.DbType.WEB, BottleneckRemedy.bufferForData(),
                        "working set (~180-360 MB) larger than the default 128MB of shared_buffers"),
                new EffectWorkload(BenchWorkload.tpcbLike("write-heavy", quick ? "effect_write_q" : "effect_write",
                        quick ? 4 : 10), PgTune.DbType.OLTP, BottleneckRemedy.walForCommits(),
                        "every transaction writes and commits; full-page writes after each checkpoint"),
                new EffectWorkload(BenchWorkload.sortHash("reporting", quick ? "effect_report_q" : "effect_report",
                        quick ? 300_000 : 1_000_000), PgTune.DbType.DW, BottleneckRemedy.workMemForSpills(),
                        "sorts and hashes of 4-20 MB spill to temp at the default work_mem of 4MB"),
                new EffectWorkload(BenchWorkload.lookupJoin("lookup-join", quick ? "effect_join_q" : "effect_join",
                        quick ? 2 : 5, quick ? 4_000 : 8_000), PgTune.DbType.WEB,
                        BottleneckRemedy.plannerForCachedData(), "index lookups priced as disk seeks"
                        + " (random_page_cost 4) on data that is cached: the planner scans every account instead"),
                new EffectWorkload(BenchWorkload.selectOnly("no-bottleneck", quick ? "effect_small_q" : "effect_small",
                        1), PgTune.DbType.WEB, null, "15 MB of lookups: fits the default shared_buffers; CPU-bound"));
    }

    public Result run() throws IOException, SQLException, InterruptedException {
        long start = System.nanoTime();
        List<EffectWorkload> chosen = workloads(options.quick()).stream()
                .filter(w -> options.workloads().isEmpty() || options.workloads().contains(w.load().name())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("No workload is called " + options.workloads()
                    + "; the bench has read-mostly, write-heavy, reporting, lookup-join and"
                    + " no-bottleneck.");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        Machine machine = new Machine(cpus, options.ramBytes(), DeviceProbe.measure(options.dataDirectory()));
        List<WorkloadResult> results = new ArrayList<>();
        String server;
        try (BenchSandbox sandbox = new BenchSandbox(options.dataDirectory())) {
            sandbox.restart(POSTGRES_DEFAULTS);
            server = serverVersion(sandbox);
            out.printf(Locale.ROOT, "recommendation effect bench: %d workloads x 3 configurations (defaults, PGTune,"
                            + " Knobwright; and the textbook remedy where a bottleneck is named) x %d interleaved replicates of %d s after %d s warm-up, %d clients%n",
                    chosen.size(), options.replicates(), options.duration().toSeconds(), options.warmUp().toSeconds(),
                    options.clients());
            out.printf(Locale.ROOT, "machine as declared to both tuners: %d CPUs, %s RAM (the host has %.1f GiB, shared"
                            + " with other work), SSD, WAL flush %.2f ms measured; server: %s%n", cpus,
                    PgTune.memory(options.ramBytes() / 1024), hostRam() / 1073741824.0, machine.device().fsyncMs(),
                    server);
            out.printf(Locale.ROOT, "every configuration also carries the sandbox's fixed settings %s and starts from"
                    + " PostgreSQL's %s (the embedded server's builder changes it)%n", BenchSandbox.FIXED, POSTGRES_DEFAULTS);
            out.flush();
            for (EffectWorkload w : chosen) {
                BenchDatabases.prepare(sandbox, w.load(), out);
            }
            int major = Integer.parseInt(server.replaceAll("^PostgreSQL (\\d+).*$", "$1"));
            for (EffectWorkload w : chosen) {
                results.add(runWorkload(sandbox, w, machine, major));
            }
        }
        Result result = new Result(results, server, Duration.ofNanos(System.nanoTime() - start));
        print(result);
        return result;
    }

    private WorkloadResult runWorkload(BenchSandbox sandbox, EffectWorkload w, Machine machine, int major)
            throws IOException, SQLException, InterruptedException {
        out.printf(Locale.ROOT, "%n== %s: %s%n   bottleneck: %s%n", w.load().name(), w.load().description(),
                w.bottleneckText());
        Observation seen = observe(sandbox, w, machine);
        RecommendationSet set = recommender.recommend(new RecommendationRequest("effect-bench:" + w.load().name(),
                machine, diskBytes(), catalog(major), seen.settings(), seen.shape(), seen.measurements(), List.of(),
                new RecommendationOptions(true, options.allowDurabilityTrade()), seen.planner()));
        Map<String, String> knobwright = new LinkedHashMap<>();
        set.recommendations().forEach(r -> knobwright.put(r.parameter(), r.to()));
        Map<String, String> pgtune = PgTune.forServer(PgTune.configure(new PgTune.Input(major, w.pgTuneType(),
                options.ramBytes(), machine.cpus(), CONNECTIONS, PgTune.Storage.SSD)), seen.lz4());
        out.printf(Locale.ROOT, "   Knobwright recommends (restart allowed, durability %s): %s%n",
                options.allowDurabilityTrade() ? "TRADE ALLOWED" : "kept",
                set.noChange() ? "no change — " + set.noChangeReason() : describe(set));
        out.printf(Locale.ROOT, "   PGTune (%s, %s RAM, %d CPUs, %d connections, SSD%s): %s%n", w.pgTuneType().label(),
                PgTune.memory(options.ramBytes() / 1024), machine.cpus(), CONNECTIONS, major >= 15 && !seen.lz4()
                        ? "; wal_compression=pglz for its lz4, which this server was built without" : "", pgtune);
        out.flush();

        Map<Arm, Map<String, String>> arms = new LinkedHashMap<>();
        arms.put(Arm.DEFAULTS, Map.of());
        arms.put(Arm.PGTUNE, pgtune);
        arms.put(Arm.KNOBWRIGHT, knobwright);
        if (w.bottleneck()) {
            Map<String, String> remedy = w.remedy().settings(new BottleneckRemedy.Observed(seen.settings(),
                    seen.shape(), seen.dataBytes(), options.ramBytes(), options.clients(), machine.device().fsyncMs()));
            out.printf(Locale.ROOT, "   textbook remedy for the bottleneck (%s): %s%n", w.remedy().text(), remedy);
            arms.put(Arm.REMEDY, remedy);
        }
        Map<Arm, Map<String, String>> started = new LinkedHashMap<>();
        arms.forEach((arm, settings) -> started.put(arm, overDefaults(settings)));
        Map<Arm, List<Double>> tps = new LinkedHashMap<>();
        arms.keySet().forEach(a -> tps.put(a, new ArrayList<>()));
        List<Arm> order = List.copyOf(arms.keySet());
        for (int round = 0; round < options.replicates(); round++) {
            // each round starts one arm later (A B C, B C A, C A B ...), so no arm always runs first after the
            // previous workload or always follows the same one
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < order.size(); i++) {
                Arm arm = order.get((i + round) % order.size());
                BenchDatabases.start(sandbox, w.load(), started.get(arm));
                BenchLoad.Run run = BenchLoad.run(sandbox, w.load(), options.clients(), options.warmUp(),
                        options.duration(), round * 1000L + arm.ordinal());
                tps.get(arm).add(run.tps());
                line.append(String.format(Locale.ROOT, " %s %.0f", arm.name().toLowerCase(Locale.ROOT), run.tps()));
            }
            out.printf(Locale.ROOT, "   round %d/%d:%s tps%n", round + 1, options.replicates(), line);
            out.flush();
        }
        // rounds in which Knobwright's run beat the other arm's run next to it: a drift of the machine over the bench
        // (other work on a shared host) moves the arms of one round alike, so this pairs what the medians do not
        int overDefaults = roundsAbove(tps.get(Arm.KNOBWRIGHT), tps.get(Arm.DEFAULTS));
        int overPgTune = roundsAbove(tps.get(Arm.KNOBWRIGHT), tps.get(Arm.PGTUNE));
        boolean sameAsDefaults = knobwright.isEmpty();
        if (sameAsDefaults) {
            // "no change" runs the defaults' settings: its runs and the defaults' are one configuration measured twice
            // as often (their difference is the noise floor, printed per round above), so both are judged pooled
            List<Double> pooled = new ArrayList<>(tps.get(Arm.DEFAULTS));
            pooled.addAll(tps.get(Arm.KNOBWRIGHT));
            tps.put(Arm.DEFAULTS, pooled);
            tps.put(Arm.KNOBWRIGHT, pooled);
        }
        Map<Arm, ReplicateStats> stats = new LinkedHashMap<>();
        tps.forEach((arm, v) -> stats.put(arm, ReplicateStats.of(v)));
        ReplicateStats defaults = stats.get(Arm.DEFAULTS);
        return new WorkloadResult(w.load().name(), stats, arms,
                Difference.of("defaults", defaults, "Knobwright", stats.get(Arm.KNOBWRIGHT)),
                Difference.of("PGTune", stats.get(Arm.PGTUNE), "Knobwright", stats.get(Arm.KNOBWRIGHT)),
                w.bottleneck() ? Difference.of("defaults", defaults, "remedy", stats.get(Arm.REMEDY))
                : null, Difference.of("defaults", defaults, "PGTune", stats.get(Arm.PGTUNE)),
                set.noChange() ? "no change (" + set.noChangeReason() + ")" : describe(set),
                sameAsDefaults, overDefaults, overPgTune);
    }

    private static int roundsAbove(List<Double> a, List<Double> b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            n += a.get(i) > b.get(i) ? 1 : 0;
        }
        return n;
    }

    /** What the recommender reads: the settings in force, the measured shape and the baseline run's figures. */
    record Observation(Map<String, String> settings, WorkloadShape shape, List<Measurement> measurements,
                       double dataBytes, PlannerEvidence planner, boolean lz4) {
    }

    private Observation observe(BenchSandbox sandbox, EffectWorkload w, Machine machine)
            throws IOException, SQLException, InterruptedException {
        BenchWorkload load = w.load();
        BenchDatabases.start(sandbox, load, POSTGRES_DEFAULTS);
        BenchLoad.Run run = BenchLoad.run(sandbox, load, options.clients(), options.warmUp(), options.duration(), 7);
        List<ProfiledShapes.StatementProfile> profiles;
        double dataBytes;
        Map<String, String> settings = new LinkedHashMap<>();
        BenchPlannerProbe.Probed planner;
        try (Connection c = sandbox.connect(load.database()); Statement st = c.createStatement()) {
            profiles = BenchProfiler.profile(c, load, options.quick() ? 3 : 6, ConfigurationDesign.SEED);
            try (ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                dataBytes = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT name, setting FROM pg_settings")) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
            planner = BenchPlannerProbe.probe(c, load, machine.cpus(), options.ramBytes(), settings,
                    ConfigurationDesign.SEED);
        }
        planner.notes().forEach(n -> out.printf(Locale.ROOT, "   planner probe: %s%n", n));
        WorkloadShape uniform = ProfiledShapes.shape(load.name() + " (" + load.description() + ")", profiles,
                load.callsPerTx(), dataBytes, 0, options.clients(), load.transactional() ? 1 : 0)
                .withClientsOnHost(true); // the bench's JDBC clients run on the sandbox's cores
        PerformanceModel model = new BuiltInModel();
        Knobs knobs = defaultKnobs();
        WorkloadShape shape = ProfiledShapes.fitSkew(uniform, skew -> model.predict(new Scenario("defaults", machine,
                        ProfiledShapes.withSkew(uniform, skew), knobs)).get(Metric.BUFFER_HIT_RATIO)
                .map(Estimate::mean).orElse(Double.NaN), run.server().hitRatio());
        double seconds = options.duration().toNanos() / 1e9;
        double tx = Math.max(1, run.transactions());
        BenchLoad.ServerDelta s = run.server();
        List<Measurement> measured = new ArrayList<>();
        measured.add(new Measurement(Measurements.TPS, run.tps(), "tps", "transactions per second in the baseline run"));
        measured.add(new Measurement(Measurements.HIT_RATIO, s.hitRatio(), "ratio",
                "share of block reads served from shared_buffers"));
        measured.add(new Measurement(Measurements.DATABASE_SIZE, dataBytes, "B", "size of the database"));
        measured.add(new Measurement(Measurements.TEMP_BYTES, s.tempBytes() / seconds, "B/s",
                "sorts and hashes spilled to temporary files"));
        measured.add(new Measurement(Measurements.TEMP_PER_TX, s.tempBytes() / tx, "B",
                "temporary file bytes per transaction"));
        measured.add(new Measurement(Measurements.WAL_RATE, s.walBytes() / seconds, "B/s", "write-ahead log generated"));
        measured.add(new Measurement(Measurements.CHECKPOINTS_PER_HOUR, s.checkpoints() * 3600 / seconds, "per hour",
                "checkpoints per hour (over a short window)"));
        measured.add(new Measurement(Measurements.PEAK_CONNECTIONS, options.clients(), "connections",
                "most client connections at once"));
        shape.classes().forEach(q -> out.printf(Locale.ROOT, "   measured class %-16s %.2f/tx, %.3f ms CPU, %.0f pages"
                        + " read, sort %.1f MB, hash %.1f MB, %.1f pages dirtied, %.0f B WAL%n", q.name(), q.callsPerTx(),
                q.cpuMs(), q.pagesRead(), q.sortInputBytes() / 1048576, q.hashInputBytes() / 1048576, q.pagesDirtied(),
                q.walBytes()));
        out.printf(Locale.ROOT, "   observed at the defaults: %.0f tps, hit ratio %.4f, %.0f temp B/tx, %.0f WAL B/tx,"
                        + " %.0f MB of data; access skew fitted %.2f%n", run.tps(), s.hitRatio(), s.tempBytes() / tx,
                s.walBytes() / tx, dataBytes / 1048576, shape.accessSkew());
        return new Observation(settings, shape, measured, dataBytes, planner.evidence(), lz4(sandbox));
    }

    static Map<String, String> overDefaults(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(POSTGRES_DEFAULTS);
        all.putAll(settings);
        return all;
    }

    private static Knobs defaultKnobs() {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> all = new LinkedHashMap<>(BenchSandbox.FIXED);
        all.putAll(POSTGRES_DEFAULTS);
        all.forEach((k, v) -> {
            if (Knobs.POSTGRES_DEFAULTS.containsKey(k)) {
                values.put(k, Knobs.parse(k, v));
            }
        });
        return new Knobs(values);
    }

    private ParameterCatalog catalog(int major) {
        return catalogs.require(Engine.POSTGRESQL, String.valueOf(major));
    }

    private long diskBytes() throws IOException {
        return Files.getFileStore(options.dataDirectory()).getTotalSpace();
    }

    /** Whether the server was built with lz4 (wal_compression offers it only then). */
    static boolean lz4(BenchSandbox sandbox) throws SQLException {
        try (Connection c = sandbox.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce('lz4' = ANY(enumvals), false) FROM pg_settings"
                     + " WHERE name = 'wal_compression'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String serverVersion(BenchSandbox sandbox) throws SQLException {
        try (Connection c = sandbox.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 'PostgreSQL ' || current_setting('server_version')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double hostRam() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
    }

    static String describe(RecommendationSet set) {
        List<String> parts = new ArrayList<>();
        for (Recommendation r : set.recommendations()) {
            parts.add(String.format(Locale.ROOT, "%s %s -> %s (%s, predicted %+.0f%%)", r.parameter(), r.from(), r.to(),
                    r.reason().name().toLowerCase(Locale.ROOT), r.effect().gain().mean() * 100));
        }
        return String.join("; ", parts);
    }

    /** "better", "worse" or "within noise" as {@link Difference} judges it. */
    static String verdict(Difference d) {
        return switch (d.verdict()) {
            case FASTER -> "better";
            case SLOWER -> "worse";
            case NO_DIFFERENCE -> "within noise";
        };
    }

    /**
     * Never worse than the defaults, never worse than PGTune, and clearly better than the defaults where this host shows a
     * configuration bottleneck (the remedy or PGTune clearly faster than the defaults).
     */
    public static List<String> missedTargets(Result r) {
        List<String> missed = new ArrayList<>();
        for (WorkloadResult w : r.workloads()) {
            if (w.versusDefaults().verdict() == Difference.Verdict.SLOWER) {
                missed.add(w.workload() + ": worse than the defaults beyond noise");
            }
            if (w.versusPgTune().verdict() == Difference.Verdict.SLOWER) {
                missed.add(w.workload() + ": worse than PGTune beyond noise");
            }
            if (w.bottleneckShown() && w.versusDefaults().verdict() != Difference.Verdict.FASTER) {
                missed.add(w.workload() + ": not clearly better than the defaults, though " + w.shownBy()
                        + " shows a configuration bottleneck");
            }
        }
        return missed;
    }

    private void print(Result r) {
        out.printf(Locale.ROOT, "%n== effect (medians of %d interleaved replicates; +-: the runs' relative noise)%n",
                options.replicates());
        out.printf(Locale.ROOT, "| %-13s | %-16s | %-16s | %-16s | %-16s | %-9s | %-9s | %-25s | %-13s | %-22s |%n",
                "workload", "defaults tps", "pgtune tps", "knobwright tps", "remedy tps", "vs defaults", "vs pgtune",
                "verdict", "rounds won", "configuration bottleneck");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (WorkloadResult w : r.workloads()) {
            out.printf(Locale.ROOT, "| %-13s | %-16s | %-16s | %-16s | %-16s | %+8.1f%% | %+8.1f%% | %-25s | %-13s | %-22s |%n",
                    w.workload(),
                    cell(w.tps().get(Arm.DEFAULTS)), cell(w.tps().get(Arm.PGTUNE)), cell(w.tps().get(Arm.KNOBWRIGHT)),
                    w.tps().containsKey(Arm.REMEDY) ? cell(w.tps().get(Arm.REMEDY)) : "-",
                    w.versusDefaults().change() * 100, w.versusPgTune().change() * 100,
                    (w.sameAsDefaults() ? "no change" : verdict(w.versusDefaults())) + " / "
                            + verdict(w.versusPgTune()),
                    (w.sameAsDefaults() ? "-" : w.roundsOverDefaults() + "/" + options.replicates()) + " / "
                            + w.roundsOverPgTune() + "/" + options.replicates(),
                    w.bottleneckShown() ? "shown" : w.bottleneck() ? "not shown here" : "none named, none shown");
        }
        out.println("(verdict: against the defaults / against PGTune; a change within the larger of the two"
                + " configurations' run-to-run noise is 'within noise'; where Knobwright recommends no change its"
                + " configuration is the defaults', and both columns show their pooled runs; rounds won: rounds in which"
                + " Knobwright's run beat the defaults' / PGTune's run beside it, not judged; configuration bottleneck:"
                + " 'shown' where the textbook remedy for the named bottleneck or PGTune ran clearly faster than the"
                + " defaults, so configuration removes it on this host)");
        out.println("recommended changes:");
        for (WorkloadResult w : r.workloads()) {
            out.printf(Locale.ROOT, "  %-13s Knobwright: %s%n", w.workload(), w.recommenderAnswer());
            if (w.bottleneck()) {
                out.printf(Locale.ROOT, "  %-13s remedy: %s -> %s%n", "", w.changes().get(Arm.REMEDY),
                        w.remedyOverDefaults().sentence());
            }
        }
        List<String> missed = missedTargets(r);
        out.println("targets: never worse than the defaults beyond noise; at least as good as PGTune; clearly better"
                + " where this host shows a configuration bottleneck:");
        out.println(missed.isEmpty() ? "  all met" : "  MISSED: " + String.join("; ", missed));
        out.printf(Locale.ROOT, "bench took %d min %02d s%n", r.elapsed().toMinutes(), r.elapsed().toSecondsPart());
        out.flush();
    }

    private static String cell(ReplicateStats s) {
        return String.format(Locale.ROOT, "%.0f +-%.0f%%", s.median(), s.noise() * 100);
    }
}
