package io.knobwright.app.simulation;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.load.PgbenchSchema;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Experiments through the application's wiring against real servers: the local PostgreSQL 15 (127.0.0.1:5432, trust)
 * registered as a test or a production instance, on a throw-away database holding pgbench tables; and sandboxes
 * (embedded PostgreSQL). Runs are 2 s after a 1 s warm-up, so the numbers are rough; the tests check what is refused,
 * what is recorded, and that settings are in force while the workload runs.
 */
class ExperimentsAgainstServersTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "kw_experiment_" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;
    private AppContext context;
    private KnobwrightStore store;

    @BeforeAll
    static void database() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", null)) {
            PgbenchSchema.create(c, 1);
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void fleet() {
        store = KnobwrightStore.inMemory("experiments-" + UUID.randomUUID(), false);
        context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
        context.fleet().register(new Registration("staging-pg", SERVER + DATABASE, "postgres", null, null, Tier.STAGING,
                null, null, Map.of()));
        context.fleet().register(new Registration("prod-pg", SERVER + DATABASE, "postgres", null, null, Tier.PRODUCTION,
                null, null, Map.of()));
    }

    @AfterEach
    void close() {
        context.close();
    }

    private ExperimentService.Request onInstance(String instance, Path script, Map<String, String> settings,
                                                Map<String, String> compareWith, int replicates) {
        return new ExperimentService.Request(instance, null, script, 2, Duration.ofSeconds(2), settings, compareWith,
                replicates, Duration.ofSeconds(1), 1, null);
    }

    @Test
    void aProductionInstanceIsRefusedAndNothingRuns() {
        List<ExperimentService.Progress> heard = new ArrayList<>();
        assertThatThrownBy(() -> context.experiments().run(onInstance("prod-pg", Path.of("builtin:select-only"),
                Map.of(), Map.of(), 1), heard::add, () -> false))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'prod-pg' is a production instance")
                .hasMessageContaining("sandbox");
        assertThat(store.observations().ofInstance(context.fleet().require("prod-pg").id())).isEmpty();
    }

    @Test
    void aRestartOnlySettingIsRefusedOnAnInstanceWithTheReason() {
        assertThatThrownBy(() -> context.experiments().run(onInstance("staging-pg", Path.of("builtin:select-only"),
                Map.of(), Map.of("shared_buffers", "256MB"), 1), p -> { }, () -> false))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'shared_buffers' cannot be set per session")
                .hasMessageContaining("only after a restart")
                .hasMessageContaining("--sandbox");
        assertThatThrownBy(() -> context.experiments().run(onInstance("staging-pg", Path.of("builtin:select-only"),
                Map.of("checkpoint_timeout", "10min"), Map.of(), 1), p -> { }, () -> false))
                .hasMessageContaining("reloads its configuration");
    }

    @Test
    void sessionSettingsAreInForceWhileTheWorkloadRunsAndTheObservationIsRecorded() throws Exception {
        // divides by zero, so fails every transaction, unless the session has the setting the experiment gives
        Path script = dir.resolve("check.sql");
        Files.writeString(script, "\\set aid random(1, 100000 * :scale)\n"
                + "SELECT abalance / (current_setting('work_mem') = '7MB')::int FROM pgbench_accounts WHERE aid = :aid;\n");
        List<ExperimentService.Progress> heard = new ArrayList<>();

        ExperimentService.Result result = context.experiments().run(onInstance("staging-pg", script,
                Map.of("work_mem", "7MB"), Map.of(), 2), heard::add, () -> false);

        Observation o = result.observations().getFirst();
        assertThat(o.tps()).as("transactions succeeded, so work_mem was 7MB in every client's session").isPositive();
        assertThat(o.replicates()).isEqualTo(2);
        assertThat(o.noise()).isNotNegative();
        assertThat(o.p95Ms()).isGreaterThanOrEqualTo(o.p50Ms()).isPositive();
        assertThat(o.target()).isEqualTo("staging-pg");
        assertThat(o.workloadKey()).hasSize(64).isEqualTo(Digests.sha256(Files.readString(script)));
        assertThat(o.settings()).containsExactlyEntriesOf(Map.of("work_mem", "7MB"));
        assertThat(o.features()).containsKeys("pagesHitPerTx", "tuplesReturnedPerTx", "walBytesPerTx");
        assertThat(o.features().get("pagesHitPerTx")).as("a primary-key look-up touches a few pages").isBetween(1.0, 50.0);
        assertThat(o.id()).isPositive();
        assertThat(o.wasPredicted()).as("the what-if model was asked before the run, so the run can grade it").isTrue();
        assertThat(o.predictedTps()).isPositive().isBetween(o.predictedLow(), o.predictedHigh());
        assertThat(store.observations().ofInstance(context.fleet().require("staging-pg").id()))
                .extracting(Observation::id).containsExactly(o.id());
        assertThat(result.verdict()).contains("tps over 2 runs");
        assertThat(heard).isNotEmpty().allSatisfy(p -> assertThat(p.fraction()).isBetween(0.0, 1.0));
        assertThat(heard).anySatisfy(p -> assertThat(p.step()).contains("run 2 of 2"));
        assertThat(heard.getLast().fraction()).isEqualTo(1.0);
    }

    @Test
    void aScriptWhoseEveryTransactionFailsIsAUserErrorNotAZeroObservation() throws Exception {
        Path script = dir.resolve("typo.sql");
        Files.writeString(script, "SELECT * FROM pgbench_acounts LIMIT 1;\n");

        assertThatThrownBy(() -> context.experiments().run(onInstance("staging-pg", script, Map.of(), Map.of(), 1),
                p -> { }, () -> false))
                .isInstanceOf(UserError.class).hasMessageContaining("Every transaction of run 1 of 1 (A) failed")
                .hasMessageContaining("pgbench_acounts").hasMessageContaining("nothing was recorded");
        assertThat(store.observations().ofInstance(context.fleet().require("staging-pg").id())).isEmpty();
    }

    @Test
    void aCancelledExperimentRecordsNothing() {
        AtomicBoolean cancel = new AtomicBoolean();
        long started = System.nanoTime();
        assertThatThrownBy(() -> context.experiments().run(onInstance("staging-pg", Path.of("builtin:select-only"),
                Map.of("work_mem", "8MB"), Map.of("work_mem", "16MB"), 3), p -> {
                    if (p.step().contains("measuring")) {
                        cancel.set(true);
                    }
                }, cancel::get))
                .isInstanceOf(CancellationException.class).hasMessageContaining("nothing was recorded");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped in the first run, not after six")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(store.observations().ofInstance(context.fleet().require("staging-pg").id())).isEmpty();
    }

    @Test
    void aReplayRunsTheInstancesImportedReadOnlyStatementsAndNeverItsWrites() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append(String.format(java.util.Locale.ROOT, "2026-12-06 10:00:%02d.123 UTC [4242] LOG:  duration: 0.%03d ms"
                    + "  statement: SELECT abalance FROM pgbench_accounts WHERE aid = %d%n", i, 100 + i, 1 + i * 97));
        }
        for (int i = 0; i < 10; i++) {
            log.append(String.format(java.util.Locale.ROOT, "2026-12-06 10:01:%02d.123 UTC [4242] LOG:  duration: 0.%03d ms"
                    + "  statement: UPDATE pgbench_branches SET bbalance = bbalance + 1 WHERE bid = 1%n", i, 200 + i));
        }
        Path file = dir.resolve("postgresql.log");
        Files.writeString(file, log);
        context.logImports().importLog("alice", "staging-pg", file, null, null,
                new io.knobwright.connectors.logs.ImportControl());

        ExperimentService.Result result = context.experiments().run(onInstance("staging-pg", null, Map.of(), Map.of(), 1),
                p -> { }, () -> false);

        Observation o = result.observations().getFirst();
        assertThat(o.tps()).isPositive();
        assertThat(o.workloadKey()).startsWith("replay:staging-pg:");
        assertThat(result.verdict()).contains("left out");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", null);
             Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT bbalance FROM pgbench_branches WHERE bid = 1")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the logged UPDATE was not replayed").isZero();
        }
    }

    @Test
    void aReplayOnASandboxIsRefused() {
        assertThatThrownBy(() -> context.experiments().run(new ExperimentService.Request(null, "lab", null, 1,
                Duration.ofSeconds(2), Map.of(), Map.of(), 1), p -> { }, () -> false))
                .isInstanceOf(UserError.class).hasMessageContaining("a sandbox holds no copy of its tables");
    }

    @Test
    void aSandboxComparesARestartOnlySettingInterleaved() {
        List<String> steps = new ArrayList<>();
        ExperimentService.Result result = context.experiments().run(new ExperimentService.Request(null, "lab",
                Path.of("builtin:select-only"), 2, Duration.ofSeconds(2), Map.of("shared_buffers", "16MB"),
                Map.of("shared_buffers", "64MB"), 1, Duration.ofSeconds(1), 1, null), p -> steps.add(p.step()), () -> false);

        assertThat(result.observations()).hasSize(2);
        assertThat(result.observations()).extracting(Observation::target).containsOnly("sandbox:lab");
        assertThat(result.observations().get(0).settings()).containsEntry("shared_buffers", "16MB");
        assertThat(result.observations().get(1).settings()).containsEntry("shared_buffers", "64MB");
        assertThat(result.observations()).allSatisfy(o -> {
            assertThat(o.tps()).isPositive();
            assertThat(o.hardwareClass()).matches("\\d+cpu-\\d+GiB-\\w+");
            assertThat(o.instanceId()).isZero();
        });
        assertThat(result.observations().get(0).workloadKey()).isEqualTo(result.observations().get(1).workloadKey());
        assertThat(result.verdict()).containsAnyOf("faster than A", "slower than A", "assumed for a single run");
        assertThat(steps).as("one run of each, in a shuffled order").anySatisfy(s -> assertThat(s).matches("run [12] of 2 \\(A\\).*"))
                .anySatisfy(s -> assertThat(s).matches("run [12] of 2 \\(B\\).*"));
    }
}
