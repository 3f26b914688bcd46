package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.knobwright.simulator.recommend.Requests.GB;
import static io.knobwright.simulator.recommend.Requests.MB;
import static org.assertj.core.api.Assertions.assertThat;

/** Cases a DBA recognises, and what the answer must say about them. */
class RecommenderExamplesTest {

    private static final Machine BIG_BOX = Requests.machine(16, 64);
    private static final Machine REPORT_BOX = new Machine(4, (long) (8 * GB), DeviceProfile.SSD);

    @Test
    void readHeavyWorkloadLargerThanSharedBuffersGetsMoreSharedBuffersWithRestartFlagged() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(Requests.request("orders-1", BIG_BOX,
                Requests.readHeavy(32), Map.of(), new RecommendationOptions(true, false)));

        Recommendation sb = find(set, "shared_buffers").orElseThrow();
        assertThat(sb.direction()).isEqualTo(Recommendation.Direction.INCREASE);
        assertThat(sb.from()).isEqualTo("128MB");
        assertThat(sb.restartRequired()).isTrue();
        assertThat(sb.effect().gain().low()).isPositive();
        assertThat(sb.effect().gain().mean()).isGreaterThanOrEqualTo(RecommendationOptions.DEFAULT_MINIMUM_GAIN);
        assertThat(sb.evidence()).anyMatch(e -> e.kind() == Evidence.Kind.QUERY
                && e.name().startsWith("select * from order_lines"));
        assertThat(sb.reasoning()).contains("page reads outside shared_buffers");
        assertThat(set.overall().gain().mean()).isPositive();
    }

    @Test
    void clientsBeyondMaxConnectionsThatWouldAddThroughputGetItRaisedWithTheRefusedClientsAsTheReason() {
        // 300 application connections that think 100 ms between statements: far from saturating 64 cores
        WorkloadShape web = new WorkloadShape("web lookups", List.of(
                new QueryClass("select * from orders where id = $1", 4, 0.05, 6, 0, 0, 0, 0, false)),
                2 * GB, 0.9, 300, 100, 0);
        RecommendationSet set = Requests.RECOMMENDER.recommend(Requests.request("orders-1", Requests.machine(64, 256),
                web, Map.of("max_connections", "100"), new RecommendationOptions(true, false)));

        Recommendation connections = find(set, "max_connections").orElseThrow();
        assertThat(connections.direction()).isEqualTo(Recommendation.Direction.INCREASE);
        assertThat(Integer.parseInt(connections.to())).isGreaterThanOrEqualTo(300);
        assertThat(connections.restartRequired()).isTrue();
        assertThat(connections.reasoning()).contains("300 clients but max_connections = 100")
                .contains("are refused").contains("every client is admitted");
    }

    @Test
    void clientsRefusedGetMaxConnectionsRaisedEvenWhereAdmittingThemGainsNoThroughput() {
        // 200 busy clients on 16 cores: admitting all of them saturates the cores and costs cache refills, so the
        // model predicts no gain; but 97 of them are refused today, which is an outage for them, not a tuning matter
        WorkloadShape busy = new WorkloadShape("busy OLTP", List.of(
                new QueryClass("update orders set status = $1 where id = $2", 1, 0.4, 4, 0, 0, 2, 300, false)),
                20 * GB, 0.9, 200, 0, 1);
        RecommendationSet set = Requests.RECOMMENDER.recommend(Requests.request("orders-2", Requests.machine(16, 64),
                busy, Map.of("max_connections", "100"), new RecommendationOptions(true, false)));

        Recommendation connections = find(set, "max_connections").orElseThrow();
        assertThat(connections.reason()).isEqualTo(Recommendation.Reason.SIZED_TO_MEASURED);
        assertThat(Integer.parseInt(connections.to())).isGreaterThanOrEqualTo(203);
        assertThat(connections.reasoning()).contains("are refused").contains("every client is admitted");

        // without restarts it cannot be changed, and the answer says what blocked it
        RecommendationSet noRestart = Requests.RECOMMENDER.recommend(Requests.request("orders-2",
                Requests.machine(16, 64), busy, Map.of("max_connections", "100"), RecommendationOptions.CONSERVATIVE));
        assertThat(find(noRestart, "max_connections")).isEmpty();
        assertThat(noRestart.considered()).anyMatch(c -> c.parameter().equals("max_connections"));
    }

    @Test
    void clientsTooManyForTheMemoryAreNotAdmittedAndTheAnswerNamesAPooler() {
        // 2,000 clients on a 2 GB box: their work areas alone would take several times the memory
        WorkloadShape swarm = new WorkloadShape("swarm", List.of(
                new QueryClass("select * from orders where id = $1", 1, 0.05, 4, 0, 0, 0, 0, false)),
                GB, 0.9, 2000, 50, 0);
        RecommendationSet set = Requests.RECOMMENDER.recommend(Requests.request("tiny", Requests.machine(2, 2),
                swarm, Map.of("max_connections", "100"), new RecommendationOptions(true, false)));

        assertThat(find(set, "max_connections")).isEmpty();
        assertThat(set.considered()).anyMatch(c -> c.parameter().equals("max_connections")
                && c.why().contains("exceed the memory budget") && c.why().contains("pooler"));
    }

    @Test
    void withoutRestartsTheSameInstanceGetsNoSharedBuffersChangeAndIsToldWhatARestartWouldBring() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(Requests.request("orders-1", BIG_BOX,
                Requests.readHeavy(32), Map.of(), RecommendationOptions.CONSERVATIVE));

        assertThat(find(set, "shared_buffers")).isEmpty();
        assertThat(set.recommendations()).noneMatch(Recommendation::restartRequired);
        assertThat(set.considered()).anyMatch(c -> c.parameter().equals("shared_buffers")
                && c.why().contains("restart") && c.why().contains("The model predicts +"));
        assertThat(set.noChange()).isTrue();
        assertThat(set.noChangeReason()).contains("shared_buffers").contains("restart");
    }

    @Test
    void hashHeavyReportsSpillingToDiskGetWorkMemRaisedOnlyAsFarAsTheBudgetAllowsAtTheirConnectionCount() {
        RecommendationSet forty = Requests.RECOMMENDER.recommend(reports(40));
        RecommendationSet twenty = Requests.RECOMMENDER.recommend(reports(20));

        Recommendation at40 = find(forty, "work_mem").orElseThrow();
        Recommendation at20 = find(twenty, "work_mem").orElseThrow();
        assertThat(at40.direction()).isEqualTo(Recommendation.Direction.INCREASE);
        assertThat(at40.reasoning()).contains("40 active connections").contains("memory budget");
        // the model alone would take 64MB, where the hash tables fit; at 40 connections that breaks the budget
        assertThat(bytes(at40.to())).isLessThan(64 * MB);
        assertThat(fitsWithWorkMem(reports(40), "64MB")).isFalse();
        assertThat(fitsWithWorkMem(reports(40), at40.to())).isTrue();
        // half the connections leave room for larger work areas
        assertThat(bytes(at20.to())).isGreaterThan(bytes(at40.to()));
        assertThat(fitsWithWorkMem(reports(20), at20.to())).isTrue();
    }

    @Test
    void idleSmallWorkloadGetsNoChangeWithTheReason() {
        RecommendationSet set = Requests.RECOMMENDER.recommend(Requests.request("tiny", Requests.machine(2, 4),
                Requests.idle(), Map.of(), new RecommendationOptions(true, true)));

        assertThat(set.noChange()).isTrue();
        assertThat(set.overall()).isNull();
        assertThat(set.noChangeReason()).contains("mostly idle").contains("today's settings are kept");
    }

    @Test
    void aLockedParameterIsLeftAloneEvenWhereTheModelWantsIt() {
        var request = Requests.request("orders-1", BIG_BOX, Requests.readHeavy(32), Map.of(),
                new RecommendationOptions(true, false)).withLocks(List.of(new io.knobwright.model.policy.LockRule(
                io.knobwright.model.policy.LockScope.ALL, new io.knobwright.model.policy.ParameterPattern("shared_*"),
                "sized by the platform team")));

        RecommendationSet set = Requests.RECOMMENDER.recommend(request);

        assertThat(find(set, "shared_buffers")).isEmpty();
        assertThat(set.considered()).anyMatch(c -> c.parameter().equals("shared_buffers")
                && c.why().contains("locked") && c.why().contains("sized by the platform team"));
    }

    @Test
    void aValueAlreadyInForceIsNotRecommendedAgain() {
        RecommendationSet first = Requests.RECOMMENDER.recommend(reports(40));
        Recommendation wm = find(first, "work_mem").orElseThrow();

        RecommendationSet again = Requests.RECOMMENDER.recommend(reports(40).withCurrentSettings(Map.of("work_mem",
                wm.to())));

        assertThat(find(again, "work_mem")).isEmpty();
    }

    @Test
    void oversizedWorkMemIsDecreasedToBringTheSettingsWithinMemory() {
        var request = Requests.request("batch", REPORT_BOX, Requests.sortHeavy(40), Map.of("work_mem", "1GB"),
                RecommendationOptions.CONSERVATIVE);

        RecommendationSet set = Requests.RECOMMENDER.recommend(request);

        assertThat(set.warnings()).anyMatch(w -> w.contains("exceed the memory budget"));
        Recommendation wm = find(set, "work_mem").orElseThrow();
        assertThat(wm.direction()).isEqualTo(Recommendation.Direction.DECREASE);
        assertThat(wm.reason()).isEqualTo(Recommendation.Reason.MEMORY_SAFETY);
        assertThat(fitsWithWorkMem(request, wm.to())).isTrue();
    }

    @Test
    void aDurabilityTradeIsProposedOnlyWhenAllowedAndSpellsOutTheLossWindow() {
        WorkloadShape commits = new WorkloadShape("small writes", List.of(new QueryClass(
                "insert into events values ($1, $2)", 1, 0.05, 2, 0, 0, 1, 200, false)), 2 * GB, 0.9, 4, 0, 1);
        Machine hdd = new Machine(4, (long) (16 * GB), DeviceProfile.HDD);
        var allowed = Requests.request("events", hdd, commits, Map.of(), new RecommendationOptions(false, true));
        var refused = allowed.withOptions(RecommendationOptions.CONSERVATIVE);

        Recommendation trade = find(Requests.RECOMMENDER.recommend(allowed), "synchronous_commit").orElseThrow();
        assertThat(trade.to()).isEqualTo("off");
        assertThat(trade.dataLossWindow()).contains("3 x wal_writer_delay = 600 ms");
        assertThat(find(Requests.RECOMMENDER.recommend(refused), "synchronous_commit")).isEmpty();
    }

    @Test
    void mariaDbWithNothingMeasuredGetsNoChangeSayingSo() {
        var request = new RecommendationRequest("shop-db", BIG_BOX, 0, Requests.CATALOGS.require(
                io.knobwright.model.engine.Engine.MARIADB, "10.11"), Map.of(), Requests.readHeavy(8), List.of(),
                List.of(), RecommendationOptions.CONSERVATIVE, PlannerEvidence.NONE);

        RecommendationSet set = Requests.RECOMMENDER.recommend(request);

        assertThat(set.noChange()).isTrue();
        // MariaDB is searched on its own counters (decision 0153), none of which were measured here
        assertThat(set.noChangeReason()).contains("No workload has been measured");
    }

    private static RecommendationRequest reports(int clients) {
        WorkloadShape shape = new WorkloadShape("hash reports", List.of(new QueryClass(
                "select customer, sum(total) from orders join customers using (customer_id) group by customer", 1, 30,
                2000, 0, 128 * MB, 0, 0, false)), 20 * GB, 0.8, clients, 0, 0);
        return Requests.request("reports-" + clients, REPORT_BOX, shape, Map.of(), RecommendationOptions.CONSERVATIVE);
    }

    private static boolean fitsWithWorkMem(RecommendationRequest request, String workMem) {
        Configuration today = SearchSpace.current(request, new java.util.ArrayList<>());
        return MemoryBudget.of(request, today.with("work_mem", workMem)).fits();
    }

    private static double bytes(String text) {
        return CatalogValues.toModel(Requests.postgres("16").find("work_mem").orElseThrow(), text);
    }

    static Optional<Recommendation> find(RecommendationSet set, String parameter) {
        return set.recommendations().stream().filter(r -> r.parameter().equals(parameter)).findFirst();
    }
}
