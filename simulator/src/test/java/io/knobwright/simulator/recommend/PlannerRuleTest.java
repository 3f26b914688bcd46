package io.knobwright.simulator.recommend;

import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Planner settings are recommended only where the instance's own queries, weighted by calls, clearly benefit. */
class PlannerRuleTest {

    private static final RecommendationRequest BASE = Requests.request("orders-1", Requests.machine(8, 32),
            Requests.idle(), Map.of(), RecommendationOptions.CONSERVATIVE);

    private static RecommendationSet judge(PlannerJudgement... judgements) {
        return Requests.RECOMMENDER.recommend(BASE.withPlanner(new PlannerEvidence(List.of(judgements))));
    }

    @Test
    void aClearCallWeightedImprovementWithoutHeavyRegressionsIsRecommendedWithItsQueries() {
        RecommendationSet set = judge(new PlannerJudgement("random_page_cost", "1.1", List.of(
                new QueryTiming("select * from orders where customer_id = $1", 50_000, 12, 3),
                new QueryTiming("select count(*) from order_lines", 100, 900, 880),
                new QueryTiming("select * from customers where id = $1", 80_000, 0.2, 0.19))));

        Recommendation r = RecommenderExamplesTest.find(set, "random_page_cost").orElseThrow();
        assertThat(r.from()).isEqualTo("4");
        assertThat(r.to()).isEqualTo("1.1");
        assertThat(r.reason()).isEqualTo(Recommendation.Reason.PLANNER);
        assertThat(r.restartRequired()).isFalse();
        assertThat(r.effect().gain().mean()).isGreaterThan(0.5);
        assertThat(r.effect().gain().low()).isPositive();
        assertThat(r.evidence().getFirst().name()).isEqualTo("select * from orders where customer_id = $1");
        assertThat(r.reasoning()).contains("3 of its 3 top queries run faster");
    }

    @Test
    void theSameChangeIsRefusedWhenOneHeavyQueryRegressesEvenThoughTheTotalImproves() {
        RecommendationSet set = judge(new PlannerJudgement("enable_nestloop", "off", List.of(
                new QueryTiming("select ... from a join b", 10_000, 40, 5),
                new QueryTiming("select ... from c join d", 2_000, 30, 60))));

        assertThat(RecommenderExamplesTest.find(set, "enable_nestloop")).isEmpty();
        assertThat(set.considered()).anyMatch(c -> c.parameter().equals("enable_nestloop")
                && c.why().contains("select ... from c join d") && c.why().contains("slower"));
    }

    @Test
    void aRareSlowQueryDoesNotBlockWhatTheFrequentOnesGain() {
        RecommendationSet set = judge(new PlannerJudgement("jit", "off", List.of(
                new QueryTiming("select sum(x) from small", 200_000, 2, 0.5),
                new QueryTiming("select ... monthly report", 1, 5_000, 9_000))));

        assertThat(RecommenderExamplesTest.find(set, "jit")).hasValueSatisfying(r -> assertThat(r.to())
                .isEqualTo("off"));
    }

    @Test
    void aSavingWithinTheTimingNoiseIsNotAClearImprovement() {
        RecommendationSet set = judge(new PlannerJudgement("random_page_cost", "2", List.of(
                new QueryTiming("select * from orders where id = $1", 10_000, 1.0, 0.9))));

        assertThat(set.noChange()).isTrue();
        assertThat(set.considered()).anyMatch(c -> c.why().contains("not a clear improvement"));
    }

    @Test
    void ofSeveralClearValuesTheLargestSavingWins() {
        RecommendationSet set = judge(
                new PlannerJudgement("random_page_cost", "2", List.of(new QueryTiming("q1", 1000, 10, 6),
                        new QueryTiming("q2", 1000, 10, 6))),
                new PlannerJudgement("random_page_cost", "1.1", List.of(new QueryTiming("q1", 1000, 10, 4),
                        new QueryTiming("q2", 1000, 10, 4))));

        assertThat(RecommenderExamplesTest.find(set, "random_page_cost")).hasValueSatisfying(r -> assertThat(r.to())
                .isEqualTo("1.1"));
    }

    @Test
    void lockedUntimedNonPlannerAndUnknownSettingsAreSetAsideWithWhy() {
        RecommendationRequest locked = BASE.withLocks(List.of(new LockRule(LockScope.ALL,
                new ParameterPattern("effective_cache_size"), "set by the platform"))).withPlanner(new PlannerEvidence(
                List.of(new PlannerJudgement("effective_cache_size", "24GB", List.of(new QueryTiming("q", 10, 10, 1))),
                        new PlannerJudgement("effective_io_concurrency", "200", List.of(new QueryTiming("q", 10, 10, 1))),
                        new PlannerJudgement("jit_above_cost", "500000", List.of()),
                        new PlannerJudgement("no_such_setting", "1", List.of()),
                        new PlannerJudgement("random_page_cost", "4", List.of(new QueryTiming("q", 10, 10, 1))))));

        RecommendationSet set = Requests.RECOMMENDER.recommend(locked);

        assertThat(set.noChange()).isTrue();
        assertThat(set.considered()).extracting(Considered::why).anySatisfy(w -> assertThat(w).contains("locked"))
                .anySatisfy(w -> assertThat(w).contains("not a planner setting"))
                .anySatisfy(w -> assertThat(w).contains("No query was timed"))
                .anySatisfy(w -> assertThat(w).contains("has no parameter no_such_setting"))
                .noneSatisfy(w -> assertThat(w).contains("random_page_cost"));
    }

    @Test
    void aSettingOnlyPlannedIsSetAsideSayingWhyNoTimeWasTaken() {
        RecommendationSet set = judge(new PlannerJudgement("random_page_cost", "1.1", List.of(),
                "a production instance is only planned (EXPLAIN, no query run); 1 of 3 top queries changes plan"));

        assertThat(set.noChange()).isTrue();
        assertThat(set.considered()).anySatisfy(c -> {
            assertThat(c.parameter()).isEqualTo("random_page_cost");
            assertThat(c.why()).contains("No query was timed").contains("a production instance is only planned");
        });
    }

    @Test
    void theSavingsIntervalNarrowsWithMoreQueriesTimed() {
        var one = PlannerRule.saving(new PlannerJudgement("random_page_cost", "2", List.of(new QueryTiming("a", 1, 10,
                5))));
        var four = PlannerRule.saving(new PlannerJudgement("random_page_cost", "2", List.of(new QueryTiming("a", 1, 10,
                5), new QueryTiming("b", 1, 10, 5), new QueryTiming("c", 1, 10, 5), new QueryTiming("d", 1, 10, 5))));

        assertThat(one.mean()).isEqualTo(0.5);
        assertThat(four.mean()).isEqualTo(0.5);
        assertThat(four.high() - four.low()).isLessThan(one.high() - one.low());
    }
}
