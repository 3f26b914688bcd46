package io.knobwright.app.simulation;

import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Prediction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planner settings judged per query by the local PostgreSQL 15 (127.0.0.1:5432, trust) inside the what-if: an
 * instance registered on a throw-away database with an indexed table, hardware facts, a settings snapshot, collected
 * series and an imported log whose top queries have their values.
 */
class PlannerJudgementAgainstServerTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "kw_planner_" + UUID.randomUUID().toString().substring(0, 8);
    /** Reads nearly every row: a sequential scan, unless the planner is told not to. */
    private static final String WIDE = "SELECT sum(amount) FROM orders WHERE customer > 10";
    /** Reads a fifth of the rows: a bitmap scan at random_page_cost 4, an index scan at 1.1. */
    private static final String RANGE = "SELECT sum(amount) FROM orders WHERE customer < 4000";
    private static final String POINT = "SELECT amount FROM orders WHERE id = 5";

    @TempDir
    Path dir;
    private final WhatIfFixture fixture = new WhatIfFixture();

    @BeforeAll
    static void database() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", null);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id int PRIMARY KEY, customer int NOT NULL, amount numeric NOT NULL)");
            st.execute("INSERT INTO orders SELECT i, (random() * 20000)::int, random() * 100"
                    + " FROM generate_series(1, 200000) i");
            st.execute("CREATE INDEX orders_customer ON orders (customer)");
            st.execute("ANALYZE orders");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Instance instance(String name, Tier tier, String url) throws Exception {
        Instance saved = fixture.store.instances().save(new Instance(0, name, Engine.POSTGRESQL, "15", "15.0",
                new ConnectionSpec(url, "postgres", null), Map.of(), tier, null, null, WhatIfFixture.fourCpus16Gb(),
                false));
        fixture.snapshot(saved, Map.of("shared_buffers", new String[]{"16384", "8kB"},
                "random_page_cost", new String[]{"4", null}, "work_mem", new String[]{"4096", "kB"}));
        fixture.collected(saved);
        StringBuilder log = new StringBuilder();
        line(log, 0, 80, WIDE, 20);
        line(log, 1, 9, RANGE, 20);
        line(log, 2, 0.05, POINT, 60);
        Path file = dir.resolve(name + ".log");
        Files.writeString(file, log);
        fixture.context.logImports().importLog("alice", name, file, null, null, new ImportControl());
        return saved;
    }

    private static void line(StringBuilder log, int minute, double ms, String statement, int times) {
        for (int i = 0; i < times; i++) {
            log.append(String.format(Locale.ROOT, "2026-12-06 10:%02d:%02d.123 UTC [4242] LOG:  duration: %.3f ms"
                    + "  statement: %s%n", minute, i % 60, ms, statement));
        }
    }

    private DefaultWhatIfService service() {
        return fixture.service(CalibratedInstanceModels.builtIn())
                .withPlanner(new PlannerJudgement(fixture.store.vault(), fixture.store.queries()));
    }

    private static Explanation planner(Prediction p) {
        return p.explanations().stream().filter(e -> e.mechanism().equals(PlannerJudgement.MECHANISM)).findFirst()
                .orElseThrow(() -> new AssertionError("no planner explanation in " + p.explanations()));
    }

    private WhatIfService.Simulation simulate(Instance instance, Map<String, String> settings) {
        return service().simulateWithPlans(instance.id(), WhatIfService.WorkloadChoice.MEASURED,
                List.of(new WhatIfService.ScenarioRequest("scenario", settings, 0)));
    }

    @Test
    void forcingIndexScansOnATestInstanceNamesThePlanChangeMeasuresItSlowerAndLowersThroughput() throws Exception {
        Instance test = instance("test-pg", Tier.TEST, SERVER + DATABASE);

        WhatIfService.Simulation s = simulate(test, Map.of("enable_seqscan", "off", "enable_bitmapscan", "off"));

        Prediction current = s.predictions().get(0);
        Prediction scenario = s.predictions().get(1);
        assertThat(planner(scenario).text()).contains("change plan").contains("Seq Scan on orders")
                .contains("Index Scan using orders_customer").contains("measured").contains("% of calls");
        assertThat(scenario.warnings()).anySatisfy(w -> assertThat(w).contains("gets slower"));
        assertThat(scenario.throughput().mean()).isLessThan(current.throughput().mean());
        assertThat(scenario.throughput().high()).isGreaterThan(scenario.throughput().mean());
        List<WhatIfService.PlanChange> changes = s.planChanges().get("scenario");
        WhatIfService.PlanChange wide = changes.stream().filter(c -> c.query().equals(WIDE)).findFirst().orElseThrow();
        assertThat(wide.changed()).isTrue();
        assertThat(wide.actualMsB()).isGreaterThan(wide.actualMsA());
        assertThat(wide.callsShare()).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.planChanges()).doesNotContainKey("current");
    }

    @Test
    void aLowerRandomPageCostNamesTheQueryWhosePlanFlips() throws Exception {
        Instance test = instance("ssd-pg", Tier.TEST, SERVER + DATABASE);

        WhatIfService.Simulation s = simulate(test, Map.of("random_page_cost", "1.1"));

        List<WhatIfService.PlanChange> changes = s.planChanges().get("scenario");
        WhatIfService.PlanChange range = changes.stream().filter(c -> c.query().equals(RANGE)).findFirst().orElseThrow();
        assertThat(range.changed()).isTrue();
        assertThat(range.shapeB()).contains("Index Scan");
        assertThat(range.measured()).isTrue();
        assertThat(planner(s.predictions().get(1)).text()).contains(range.label() + " ").contains("Bitmap");
    }

    @Test
    void aSettingThatChangesNoPlanSaysSoAndLeavesThroughputAlone() throws Exception {
        Instance test = instance("nojit-pg", Tier.TEST, SERVER + DATABASE);

        WhatIfService.Simulation s = simulate(test, Map.of("enable_hashjoin", "off"));

        assertThat(planner(s.predictions().get(1)).text()).startsWith("No plan changed").contains("3 queries");
        assertThat(s.predictions().get(1).throughput()).isEqualTo(s.predictions().get(0).throughput());
        assertThat(s.planChanges().get("scenario")).hasSize(3).noneMatch(WhatIfService.PlanChange::changed);
    }

    @Test
    void onProductionOnlyPlansAreComparedAndNoTimeIsClaimed() throws Exception {
        Instance prod = instance("prod-pg", Tier.PRODUCTION, SERVER + DATABASE);

        WhatIfService.Simulation s = simulate(prod, Map.of("enable_seqscan", "off", "enable_bitmapscan", "off"));

        Prediction scenario = s.predictions().get(1);
        assertThat(planner(scenario).text()).contains("Index Scan using orders_customer").contains("estimated")
                .contains("no time is claimed").doesNotContain("ms measured");
        assertThat(s.planChanges().get("scenario")).isNotEmpty().noneMatch(WhatIfService.PlanChange::measured);
        assertThat(scenario.throughput()).isEqualTo(s.predictions().get(0).throughput());
        assertThat(scenario.warnings()).anySatisfy(w -> assertThat(w).contains("EXPLAIN alone cannot say"));
    }

    @Test
    void anUnreachableServerStillGetsAPredictionWithTheReason() throws Exception {
        Instance gone = instance("gone-pg", Tier.TEST, "jdbc:postgresql://127.0.0.1:1/" + DATABASE);

        WhatIfService.Simulation s = simulate(gone, Map.of("random_page_cost", "1.1"));

        Prediction scenario = s.predictions().get(1);
        assertThat(planner(scenario).text()).contains("could not be asked").contains("could not be reached");
        assertThat(scenario.throughput()).isEqualTo(s.predictions().get(0).throughput());
        assertThat(s.planChanges().get("scenario")).isEmpty();
    }

    @Test
    void aSweepOfAPlannerSettingDoesNotAskThePlannerAndSaysSo() throws Exception {
        Instance gone = instance("sweep-pg", Tier.TEST, "jdbc:postgresql://127.0.0.1:1/" + DATABASE);

        WhatIfService.Sweep sweep = service().sweep(gone.id(), WhatIfService.WorkloadChoice.MEASURED, "random_page_cost",
                1, 4, 50);

        assertThat(sweep.points()).hasSize(50);
        assertThat(sweep.note()).contains("acts through the planner").contains("simulate --set random_page_cost=");
    }
}
