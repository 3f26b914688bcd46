package io.knobwright.app.recommend;

import io.knobwright.app.simulation.WhatIfFixture;
import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.simulator.recommend.Considered;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planner settings recommended from the instance's own planner (decision 0156), on the local PostgreSQL 15
 * (127.0.0.1:5432, trust) with a throw-away database whose plans are serial (max_parallel_workers_per_gather = 0 on
 * the database, as the settings snapshot says). At random_page_cost 4 the planner hash-joins a 2,000-customer region
 * over a sequential scan of a million events (~300 ms here); at 1.1 it loops over the events' index, several times
 * faster. A range over 30% of the events is a bitmap scan at 4 and a plain index scan at 1.1, which is 2-4 times
 * slower. A primary-key lookup keeps its plan.
 */
class PlannerProbingAgainstServerTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "kw_probe_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String JOIN = "SELECT sum(e.amount) FROM events e JOIN customers c ON c.id = e.grp"
            + " WHERE c.region = 7";
    private static final String RANGE = "SELECT sum(amount) FROM events WHERE grp < 30000";
    private static final String POINT = "SELECT amount FROM events WHERE id = 5";

    @TempDir
    Path dir;
    private final WhatIfFixture fixture = new WhatIfFixture();

    @BeforeAll
    static void database() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
            st.execute("ALTER DATABASE " + DATABASE + " SET max_parallel_workers_per_gather = 0");
        }
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", null);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id int PRIMARY KEY, grp int NOT NULL, amount int NOT NULL)");
            st.execute("INSERT INTO events SELECT i, (random() * 100000)::int, (random() * 1000)::int"
                    + " FROM generate_series(1, 1000000) i");
            st.execute("CREATE INDEX events_grp ON events (grp)");
            st.execute("CREATE TABLE customers (id int PRIMARY KEY, region int NOT NULL)");
            st.execute("INSERT INTO customers SELECT i, i % 50 FROM generate_series(1, 100000) i");
            st.execute("CREATE INDEX customers_region ON customers (region)");
            st.execute("VACUUM ANALYZE events");
            st.execute("VACUUM ANALYZE customers");
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

    /** A registered, measured instance on the throw-away database whose imported log ran {@code calls} of each query. */
    private Instance instance(String name, Tier tier, Map<String, Integer> calls) throws Exception {
        return instance(name, tier, SERVER + DATABASE, calls);
    }

    private Instance instance(String name, Tier tier, String url, Map<String, Integer> calls) throws Exception {
        Instance saved = fixture.store.instances().save(new Instance(0, name, Engine.POSTGRESQL, "15", "15.0",
                new ConnectionSpec(url, "postgres", null), Map.of(), tier, null, null,
                WhatIfFixture.fourCpus16Gb(), false));
        fixture.snapshot(saved, Map.of("shared_buffers", new String[]{"16384", "8kB"},
                "random_page_cost", new String[]{"4", null}, "effective_cache_size", new String[]{"524288", "8kB"},
                "jit", new String[]{"on", null}, "max_parallel_workers_per_gather", new String[]{"0", null},
                "work_mem", new String[]{"4096", "kB"}));
        fixture.collected(saved);
        StringBuilder log = new StringBuilder();
        int minute = 0;
        for (var e : calls.entrySet()) {
            double ms = e.getKey().equals(POINT) ? 0.05 : 300;
            for (int i = 0; i < e.getValue(); i++) {
                log.append(String.format(Locale.ROOT, "2026-12-06 10:%02d:%02d.123 UTC [4242] LOG:  duration: %.3f ms"
                        + "  statement: %s%n", minute + i / 60, i % 60, ms, e.getKey()));
            }
            minute += e.getValue() / 60 + 1;
        }
        Path file = dir.resolve(name + ".log");
        Files.writeString(file, log);
        fixture.context.logImports().importLog("alice", name, file, null, null, new ImportControl());
        return saved;
    }

    private RecommendationService.Outcome recommend(Instance instance) {
        return fixture.context.recommendations().recommendProbingPlanner(instance, RecommendationOptions.CONSERVATIVE);
    }

    private static Optional<Recommendation> find(RecommendationSet set, String parameter) {
        return set.recommendations().stream().filter(r -> r.parameter().equals(parameter)).findFirst();
    }

    @Test
    void aLowerRandomPageCostIsRecommendedWhereTheBusyJoinGetsFasterAndTheLookupKeepsItsPlan() throws Exception {
        Instance test = instance("ssd-join", Tier.TEST, Map.of(JOIN, 400, POINT, 1000));

        RecommendationService.Outcome outcome = recommend(test);

        Recommendation r = find(outcome.set(), "random_page_cost").orElseThrow(() -> new AssertionError(
                "no random_page_cost in " + outcome.set().recommendations() + " / " + outcome.set().considered()));
        assertThat(r.to()).isEqualTo("1.1");
        assertThat(r.reason()).isEqualTo(Recommendation.Reason.PLANNER);
        assertThat(r.effect().gain().low()).isPositive();
        assertThat(r.reasoning()).contains("1 of its 2 top queries run faster");
        assertThat(r.evidence().getFirst().name()).contains("JOIN customers");
        assertThat(r.evidence()).anySatisfy(e -> {
            assertThat(e.name()).contains("WHERE id = 5");
            // the lookup's plan did not change, so its time counts as unchanged: "x ms -> x ms"
            String[] times = e.value().split(" ms -> ");
            assertThat(times[1]).isEqualTo(times[0] + " ms");
        });
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("planner settings probed on ssd-join")
                .contains("random_page_cost=1.1 (SSD storage)").contains("effective_cache_size=12GB (3/4 of RAM)")
                .contains("max_parallel_workers_per_gather=2 (4 CPUs)").contains("EXPLAIN ANALYZE")
                .doesNotContain("jit=off"));
    }

    @Test
    void theSameChangeIsSetAsideWhenAHeavyRangeQueryRunsSlowerThoughTheJoinGetsFaster() throws Exception {
        Instance test = instance("ssd-range", Tier.TEST, Map.of(JOIN, 400, RANGE, 400));

        RecommendationSet set = recommend(test).set();

        assertThat(find(set, "random_page_cost")).isEmpty();
        assertThat(set.considered()).filteredOn(c -> c.parameter().equals("random_page_cost"))
                .singleElement().satisfies(c -> assertThat(c.why()).contains("WHERE grp < 30000")
                        .contains("of the timed time) would run").contains("slower"));
    }

    @Test
    void onProductionThePlannerIsOnlyAskedForPlansSoTheChangeIsSetAsideAsNotTimed() throws Exception {
        Instance prod = instance("prod-join", Tier.PRODUCTION, Map.of(JOIN, 400, POINT, 1000));

        RecommendationService.Outcome outcome = recommend(prod);

        assertThat(outcome.set().recommendations()).noneMatch(r -> r.reason() == Recommendation.Reason.PLANNER);
        Considered rpc = outcome.set().considered().stream().filter(c -> c.parameter().equals("random_page_cost"))
                .findFirst().orElseThrow();
        assertThat(rpc.why()).contains("No query was timed").contains("production instance is only planned")
                .contains("1 of 2 top queries change plan");
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("not timed").contains("EXPLAIN;"));
    }

    @Test
    void withoutTheProbeTheNoteSaysHowToGetPlannerSettingsJudged() throws Exception {
        Instance test = instance("no-probe", Tier.TEST, Map.of(JOIN, 400));

        RecommendationService.Outcome outcome = fixture.context.recommendations().recommend(test,
                RecommendationOptions.CONSERVATIVE);

        assertThat(outcome.set().recommendations()).noneMatch(r -> r.reason() == Recommendation.Reason.PLANNER);
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("planner settings not judged")
                .contains("recommend --instance no-probe"));
    }

    @Test
    void anUnreachableServerLeavesPlannerSettingsUnjudgedAndSaysWhy() throws Exception {
        Instance gone = instance("gone", Tier.TEST, "jdbc:postgresql://127.0.0.1:1/" + DATABASE, Map.of(JOIN, 400));

        RecommendationService.Outcome outcome = recommend(gone);

        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("planner settings not judged")
                .contains("could not be reached"));
        assertThat(outcome.set().recommendations()).noneMatch(r -> r.reason() == Recommendation.Reason.PLANNER);
    }
}
