package io.knobwright.app.simulation.bench;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import io.knobwright.simulator.recommend.PlannerEvidence;
import io.knobwright.simulator.recommend.PlannerJudgement;
import io.knobwright.simulator.recommend.QueryTiming;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationRequest;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.Recommender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14: every configuration the recommender proposes for the effect bench's workloads, and PGTune's for them,
 * starts on PostgreSQL 13 to 18, and the server then reports the values it was given. One server per major, started
 * on one data directory again under each configuration (the settings are passed as server options, as the bench's
 * sandbox passes them). The recommendations are asked with each major's own catalog, for the bench's machine and for
 * a larger one, from workload shapes shaped like what the bench measured.
 */
class RecommendedConfigurationsStartTest {

    private static final double MB = 1024.0 * 1024;
    private static final long GB = 1L << 30;
    private static final CatalogRepository CATALOGS = new CatalogRepository();
    private static final Recommender RECOMMENDER = Recommender.builtIn();
    /** What a fresh server runs with beyond its catalog's boot values: the sandbox's settings, initdb's buffers. */
    private static final Map<String, String> SERVER_SETTINGS = serverSettings();

    /** The bench's declared machine, and a larger one whose recommendations reach further. */
    private static final List<Machine> MACHINES = List.of(new Machine(2, 4 * GB, DeviceProfile.SSD),
            new Machine(8, 16 * GB, DeviceProfile.SSD));

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 14, 15, 16, 17, 18})
    void everyRecommendedAndPgTuneConfigurationStartsAndIsInForce(int major, @TempDir Path data) throws Exception {
        boolean lz4;
        try (EmbeddedPostgres pg = start(major, data, Map.of());
             Connection conn = pg.getPostgresDatabase().getConnection(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'wal_compression'")) {
            lz4 = rs.next() && rs.getBoolean(1);
        }
        Map<String, Map<String, String>> configurations = configurations(major, lz4);
        assertThat(configurations.keySet()).as("some recommendation changes a setting, or the test proves little")
                .anyMatch(name -> name.startsWith("Knobwright"));

        List<String> started = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> c : configurations.entrySet()) {
            Map<String, String> settings = c.getValue();
            try (EmbeddedPostgres pg = start(major, data, settings);
                 Connection conn = pg.getPostgresDatabase().getConnection(); Statement st = conn.createStatement()) {
                try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                    rs.next();
                    assertThat(rs.getInt(1) / 10000).isEqualTo(major);
                }
                for (Map.Entry<String, String> s : settings.entrySet()) {
                    String shown = show(st, s.getKey());
                    assertThat(same(shown, s.getValue())).as("%s on PostgreSQL %d: %s = %s, SHOW says %s", c.getKey(),
                            major, s.getKey(), s.getValue(), shown).isTrue();
                }
                started.add(c.getKey());
            } catch (IOException | IllegalStateException e) {
                throw new AssertionError(c.getKey() + " did not start on PostgreSQL " + major + ": " + settings, e);
            }
        }
        assertThat(started).hasSameSizeAs(configurations.keySet());
    }

    private static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>(BenchSandbox.FIXED);
        settings.put("shared_buffers", "128MB"); // initdb writes it; the catalog's boot value is 8MB
        return settings;
    }

    /** Knobwright's changes per workload and machine (when it recommends any), and PGTune's per workload's type. */
    static Map<String, Map<String, String>> configurations(int major, boolean lz4) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Machine machine : MACHINES) {
            String box = machine.cpus() + " CPUs/" + machine.memoryBytes() / GB + "GB";
            for (EffectBench.EffectWorkload w : EffectBench.workloads(false)) {
                RecommendationSet set = RECOMMENDER.recommend(new RecommendationRequest("start-test", machine, 0,
                        CATALOGS.require(Engine.POSTGRESQL, String.valueOf(major)), SERVER_SETTINGS,
                        shape(w.load().name()), List.of(), List.of(), new RecommendationOptions(true, false),
                        planner(w.load().name())));
                if (!set.noChange()) {
                    Map<String, String> changes = new LinkedHashMap<>();
                    set.recommendations().forEach(r -> changes.put(r.parameter(), r.to()));
                    out.put("Knobwright for " + w.load().name() + " on " + box, changes);
                }
                out.putIfAbsent("PGTune " + w.pgTuneType().label() + " on " + box, PgTune.forServer(PgTune.configure(
                        new PgTune.Input(major, w.pgTuneType(), machine.memoryBytes(), machine.cpus(), 40,
                                PgTune.Storage.SSD)), lz4));
            }
        }
        return out;
    }

    /** The bench's workloads as its observation measured them at the defaults (4 clients on the server's host). */
    static WorkloadShape shape(String workload) {
        List<QueryClass> classes;
        double data;
        double skew;
        double commits = 0;
        switch (workload) {
            case "read-mostly" -> {
                classes = List.of(new QueryClass("select account", 1, 0.083, 4, 0, 0, 0, 0, false));
                data = 367 * MB;
                skew = 0.9;
            }
            case "write-heavy" -> {
                classes = List.of(new QueryClass("update accounts", 1, 0.122, 9, 0, 0, 3.0, 130, false),
                        new QueryClass("select account", 1, 0.096, 4, 0, 0, 0.2, 0, false),
                        new QueryClass("update tellers", 1, 0.070, 4, 0, 0, 1.3, 72, false),
                        new QueryClass("update branches", 1, 0.038, 3, 0, 0, 1.0, 72, false),
                        new QueryClass("insert history", 1, 0.022, 1, 0, 0, 1.0, 79, false));
                data = 160 * MB;
                skew = 1.2;
                commits = 1;
            }
            case "reporting" -> {
                classes = List.of(new QueryClass("window sort", 1 / 3.0, 300, 1014, 8.9 * MB, 0, 0, 0, false),
                        new QueryClass("hash aggregate", 1 / 3.0, 233, 1171, 0, 11.0 * MB, 0, 0, false),
                        new QueryClass("hash join", 1 / 3.0, 409, 3104, 0, 9.6 * MB, 0, 0, false));
                data = 123 * MB;
                skew = 0;
            }
            case "lookup-join" -> {
                classes = List.of(new QueryClass("join picks", 1, 51.9, 8243, 0, 0.3 * MB, 0, 0, true));
                data = 115 * MB;
                skew = 0;
            }
            case "no-bottleneck" -> {
                classes = List.of(new QueryClass("select account", 1, 0.08, 4, 0, 0, 0, 0, false));
                data = 24 * MB;
                skew = 0;
            }
            default -> throw new IllegalArgumentException(workload);
        }
        return new WorkloadShape(workload, classes, data, skew, 4, 0, commits, true);
    }

    /**
     * What the bench's planner probe measured (0157): the lookup join ran 28.6 ms under random_page_cost 4 and 11.1 ms
     * under 1.1, so its recommended configuration carries a planner setting too; the other workloads' plans did not
     * change.
     */
    static PlannerEvidence planner(String workload) {
        return workload.equals("lookup-join") ? new PlannerEvidence(List.of(new PlannerJudgement("random_page_cost",
                "1.1", List.of(new QueryTiming("join picks", 100, 28.6, 11.1)), ""))) : PlannerEvidence.NONE;
    }

    private static EmbeddedPostgres start(int major, Path data, Map<String, String> settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedMajors.builder(major).setDataDirectory(data)
                .setCleanDataDirectory(false);
        Map<String, String> all = new LinkedHashMap<>(BenchSandbox.FIXED);
        all.putAll(settings);
        all.forEach(builder::setServerConfig);
        return builder.start();
    }

    private static String show(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static final Pattern AMOUNT = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)\\s*(B|kB|MB|GB|TB|us|ms|s|min|h|d)?");

    /** The same value as PostgreSQL would read it: "1GB" is "1024MB", "0.9" is "0.90", "On" is "on". */
    static boolean same(String shown, String given) {
        Matcher a = AMOUNT.matcher(shown.strip());
        Matcher b = AMOUNT.matcher(given.strip());
        if (a.matches() && b.matches()) {
            double x = Double.parseDouble(a.group(1)) * factor(a.group(2));
            double y = Double.parseDouble(b.group(1)) * factor(b.group(2));
            return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
        }
        return shown.strip().equalsIgnoreCase(given.strip());
    }

    private static double factor(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit) {
            case "B" -> 1;
            case "kB" -> 1024;
            case "MB" -> 1024.0 * 1024;
            case "GB" -> 1024.0 * 1024 * 1024;
            case "TB" -> 1024.0 * 1024 * 1024 * 1024;
            case "us" -> 0.001;
            case "ms" -> 1;
            case "s" -> 1000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> throw new IllegalArgumentException(unit.toLowerCase(Locale.ROOT));
        };
    }
}
