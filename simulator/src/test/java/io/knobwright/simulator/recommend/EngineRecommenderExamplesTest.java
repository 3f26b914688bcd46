package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Instances a DBA would recognise, for MySQL, MariaDB, SQL Server and Oracle (decision 0153). */
class EngineRecommenderExamplesTest {

    private static final double MB = 1024.0 * 1024;
    private static final double GB = 1024 * MB;
    private static final Machine SIXTEEN_GB = new Machine(8, (long) (16 * GB), DeviceProfile.SSD);

    private static RecommendationRequest request(Engine engine, String version, Map<String, String> settings,
                                                 List<Measurement> measured, RecommendationOptions options) {
        return new RecommendationRequest(engine.id() + "-example", SIXTEEN_GB, 0,
                Requests.CATALOGS.require(engine, version), settings, RecommendationRequest.clientsOnly(20, 0), measured,
                List.of(), options, PlannerEvidence.NONE);
    }

    private static Measurement m(String key, double value, String unit) {
        return new Measurement(key, value, unit, "measured");
    }

    /** 128 MB of pool before 6 GB of data read at random: 60% of page requests go to disk. */
    private static List<Measurement> poolStarved() {
        return List.of(m(Measurements.HIT_RATIO, 0.4, "ratio"), m(Measurements.PHYSICAL_READS, 40 * MB, "B/s"),
                m(Measurements.DATABASE_SIZE, 6 * GB, "B"), m(Measurements.PEAK_CONNECTIONS, 20, "connections"),
                m(Measurements.ACTIVE_SESSIONS_P95, 2, "sessions"), m(Measurements.TEMP_FILES, 0, "/s"));
    }

    private static Optional<Recommendation> find(RecommendationSet set, String parameter) {
        return set.recommendations().stream().filter(r -> r.parameter().equals(parameter)).findFirst();
    }

    @Test
    void aStarvedBufferPoolOnMariaDbGrowsOnlineWithinTheBudget() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(request(Engine.MARIADB, "10.11",
                Map.of("innodb_buffer_pool_size", "134217728"), poolStarved(), RecommendationOptions.CONSERVATIVE));

        Recommendation pool = find(set, "innodb_buffer_pool_size").orElseThrow(() -> new AssertionError(set));
        assertThat(pool.direction()).isEqualTo(Recommendation.Direction.INCREASE);
        assertThat(pool.reason()).isEqualTo(Recommendation.Reason.THROUGHPUT);
        assertThat(pool.applyMode()).isEqualTo(ApplyMode.ONLINE);
        assertThat(pool.effect().gain().low()).isGreaterThan(0);
        assertThat(pool.reasoning()).contains("40%").contains("miss ratio");
        assertThat(pool.evidence()).anyMatch(e -> e.name().equals(Measurements.HIT_RATIO));
        double to = CatalogValues.toModel(Requests.CATALOGS.require(Engine.MARIADB, "10.11")
                .find("innodb_buffer_pool_size").orElseThrow(), pool.to());
        assertThat(to).isGreaterThan(GB).isLessThanOrEqualTo(16 * GB - MemoryBudget.headroom(16 * GB));
        assertThat(set.model()).isEqualTo(MySqlRecommender.MODEL);
    }

    @Test
    void aPoolLargerThanTheRamShrinksForMemorySafety() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(request(Engine.MYSQL, "8.4",
                Map.of("innodb_buffer_pool_size", String.valueOf((long) (20 * GB))), poolStarved(),
                RecommendationOptions.CONSERVATIVE));

        Recommendation pool = find(set, "innodb_buffer_pool_size").orElseThrow(() -> new AssertionError(set));
        assertThat(pool.direction()).isEqualTo(Recommendation.Direction.DECREASE);
        assertThat(set.warnings()).anyMatch(w -> w.startsWith("Today's settings exceed the memory budget"));
    }

    @Test
    void aPoolOverTheRamThatMissedNothingShrinksAndSaysTheMissesAtTheSmallerSizeAreNotPredicted() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(request(Engine.MYSQL, "8.0",
                Map.of("innodb_buffer_pool_size", String.valueOf((long) (20 * GB))),
                List.of(m(Measurements.HIT_RATIO, 1.0, "ratio"), m(Measurements.PHYSICAL_READS, 0, "B/s")),
                RecommendationOptions.CONSERVATIVE));

        Recommendation pool = find(set, "innodb_buffer_pool_size").orElseThrow(() -> new AssertionError(set));
        assertThat(pool.direction()).isEqualTo(Recommendation.Direction.DECREASE);
        assertThat(pool.reason()).isEqualTo(Recommendation.Reason.MEMORY_SAFETY);
        assertThat(pool.confidence()).isEqualTo(Confidence.LOW);
        assertThat(pool.reasoning()).contains("missed nothing").contains("not predicted");
        assertThat(pool.effect().metrics()).noneMatch(mc -> mc.metric().equals("bufferPoolMissRatio"));
        assertThat(set.warnings()).noneMatch(w -> w.contains("Infinity") || w.contains("NaN"));
    }

    @Test
    void aLockedBufferPoolStaysAndSaysWhy() {
        RecommendationRequest locked = request(Engine.MARIADB, "10.11", Map.of("innodb_buffer_pool_size", "134217728"),
                poolStarved(), RecommendationOptions.CONSERVATIVE).withLocks(List.of(new LockRule(LockScope.ALL,
                new ParameterPattern("innodb_buffer_pool_size"), "sized by the platform team")));

        RecommendationSet set = Requests.RECOMMENDER.recommend(locked);

        assertThat(find(set, "innodb_buffer_pool_size")).isEmpty();
        assertThat(set.considered()).anyMatch(c -> c.parameter().equals("innodb_buffer_pool_size")
                && c.why().contains("sized by the platform team"));
    }

    @Test
    void nothingMeasuredOnMySqlIsNoChangeSayingSo() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(request(Engine.MYSQL, "8.0", Map.of(), List.of(),
                RecommendationOptions.CONSERVATIVE));

        assertThat(set.noChange()).isTrue();
        assertThat(set.noChangeReason()).contains("No workload has been measured");
        assertThat(set.warnings()).anyMatch(w -> w.contains("no workload measured"));
    }

    @Test
    void redoThatHoldsMinutesGrowsToAnHourOfTheMeasuredRate() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(request(Engine.MYSQL, "8.4",
                Map.of("innodb_redo_log_capacity", String.valueOf((long) (100 * MB))),
                List.of(m(Measurements.WAL_RATE_P95, 2 * MB, "B/s")), RecommendationOptions.CONSERVATIVE));

        Recommendation redo = find(set, "innodb_redo_log_capacity").orElseThrow(() -> new AssertionError(set));
        assertThat(redo.reason()).isEqualTo(Recommendation.Reason.SIZED_TO_MEASURED);
        double to = CatalogValues.toModel(Requests.CATALOGS.require(Engine.MYSQL, "8.4")
                .find("innodb_redo_log_capacity").orElseThrow(), redo.to());
        assertThat(to).isGreaterThanOrEqualTo(2 * MB * 3600).isLessThan(2 * 2 * MB * 3600);
    }

    @Test
    void connectionsAtTheLimitGetRoomAndManyMoreThanCoresOnMariaDbGetTheThreadPoolOnlyWithARestart() {
        List<Measurement> crowded = List.of(m(Measurements.PEAK_CONNECTIONS, 150, "connections"));
        RecommendationSet conservative = Requests.RECOMMENDER.recommend(request(Engine.MARIADB, "10.11",
                Map.of("max_connections", "151"), crowded, RecommendationOptions.CONSERVATIVE));
        RecommendationSet restart = Requests.RECOMMENDER.recommend(request(Engine.MARIADB, "10.11",
                Map.of("max_connections", "151"), crowded, new RecommendationOptions(true, false)));

        assertThat(find(conservative, "max_connections")).hasValueSatisfying(r -> assertThat(r.to()).isEqualTo("230"));
        assertThat(find(conservative, "thread_handling")).isEmpty();
        assertThat(conservative.considered()).anyMatch(c -> c.parameter().equals("thread_handling"));
        assertThat(find(restart, "thread_handling")).hasValueSatisfying(r -> assertThat(r.to())
                .isEqualTo("pool-of-threads"));
    }

    @Test
    void aDurabilityTradeOnlyWhenAllowedAndThenWithItsWindow() {
        List<Measurement> commits = List.of(m(Measurements.TPS, 3000, "tps"),
                m(Measurements.ACTIVE_SESSIONS_P95, 4, "sessions"));
        RecommendationSet kept = Requests.RECOMMENDER.recommend(request(Engine.MYSQL, "8.4", Map.of(), commits,
                RecommendationOptions.CONSERVATIVE));
        RecommendationSet traded = Requests.RECOMMENDER.recommend(request(Engine.MYSQL, "8.4", Map.of(), commits,
                new RecommendationOptions(false, true)));

        assertThat(find(kept, "innodb_flush_log_at_trx_commit")).isEmpty();
        assertThat(find(traded, "innodb_flush_log_at_trx_commit")).hasValueSatisfying(r -> {
            assertThat(r.to()).isEqualTo("2");
            assertThat(r.dataLossWindow()).contains("last second").contains("operating system crash");
        });
    }

    @Test
    void sqlServerFromFactsOnlyCapsMemoryAndParallelismWithLowConfidenceAndSaysSo() {
        Machine big = new Machine(32, (long) (64 * GB), DeviceProfile.SSD);
        RecommendationRequest request = new RecommendationRequest("mssql", big, 0,
                Requests.CATALOGS.require(Engine.SQLSERVER, "2022"), Map.of(), RecommendationRequest.clientsOnly(1, 0),
                List.of(), List.of(), RecommendationOptions.CONSERVATIVE, PlannerEvidence.NONE);

        RecommendationSet set = Requests.RECOMMENDER.recommend(request);

        // 64 GB: 1 GB + 16/4 GB + 48/8 GB = 11 GB for the OS
        assertThat(find(set, "max server memory (MB)")).hasValueSatisfying(r -> {
            assertThat(r.to()).isEqualTo("54272");
            assertThat(r.direction()).isEqualTo(Recommendation.Direction.DECREASE);
        });
        assertThat(find(set, "max degree of parallelism")).hasValueSatisfying(r -> assertThat(r.to()).isEqualTo("8"));
        assertThat(find(set, "cost threshold for parallelism")).isPresent();
        assertThat(find(set, "optimize for ad hoc workloads")).isPresent();
        assertThat(set.recommendations()).allSatisfy(r -> assertThat(r.confidence()).isEqualTo(Confidence.LOW));
        assertThat(set.warnings().getFirst()).contains("64 GB").contains("32 CPUs").contains("no workload measured");
    }

    @Test
    void oracleSplitsMemoryByTheTuningGuideAndSizesProcessesToTheMeasuredSessions() {
        RecommendationRequest request = new RecommendationRequest("ora", SIXTEEN_GB, 0,
                Requests.CATALOGS.require(Engine.ORACLE, "19c"),
                Map.of("sga_target", String.valueOf((long) (12 * GB)), "sga_max_size", String.valueOf((long) (12 * GB)),
                        "pga_aggregate_target", String.valueOf((long) (4 * GB)), "processes", "300",
                        "open_cursors", "50"),
                RecommendationRequest.clientsOnly(1, 0), List.of(m(Measurements.PEAK_CONNECTIONS, 280, "connections")),
                List.of(), new RecommendationOptions(true, false), PlannerEvidence.NONE);

        RecommendationSet set = Requests.RECOMMENDER.recommend(request);

        assertThat(find(set, "pga_aggregate_target")).isPresent();
        assertThat(find(set, "sga_target")).hasValueSatisfying(r ->
                assertThat(r.direction()).isEqualTo(Recommendation.Direction.DECREASE));
        assertThat(find(set, "processes")).hasValueSatisfying(r -> {
            assertThat(r.confidence()).isEqualTo(Confidence.MEDIUM);
            assertThat(r.restartRequired()).isTrue();
        });
        assertThat(find(set, "open_cursors")).hasValueSatisfying(r -> assertThat(r.to()).isEqualTo("300"));
    }
}
