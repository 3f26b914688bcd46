package io.knobwright.app.governance;

import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;
import io.knobwright.model.simulation.PlanSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A prediction attached to a plan reaches its risk and its review (decision 0140). */
class PredictedEffectTest {

    private final GovernanceFixture f = new GovernanceFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static PlanSimulation simulation(long planId, java.time.Instant at) {
        return io.knobwright.app.testing.SamplePlanSimulations.slowerWithWarning(planId, at);
    }

    @Test
    void aDraftsRiskCountsTheAttachedPredictionAndItsReviewCarriesIt() {
        f.users("carol:admin", "alice:dba", "bob:reviewer");
        ChangePlan plan = f.draft("alice", f.development);
        RiskLevel before = f.governance.review(plan.id()).risk().level();
        assertThat(f.governance.review(plan.id()).simulation()).isEmpty();

        f.store.planSimulations().attach(simulation(plan.id(), f.clock.instant()));
        PlanReview review = f.governance.review(plan.id());

        assertThat(review.simulation()).map(PlanSimulation::model).contains("built-in 1.0");
        assertThat(review.risk().reasons()).extracting(RiskReason::text)
                .anySatisfy(t -> assertThat(t).isEqualTo("predicted for plan #" + plan.id()
                        + ": 8% chance of running out of memory (model built-in 1.0)"))
                .anySatisfy(t -> assertThat(t).startsWith("predicted throughput falls 30%: 1,000 tps [830–1,200] now"));
        assertThat(review.risk().level()).isEqualTo(RiskLevel.HIGH).isGreaterThan(before);
    }

    @Test
    void aSubmissionRecordsThePredictedRisk() {
        f.users("carol:admin", "alice:dba", "bob:reviewer");
        ChangePlan plan = f.draft("alice", f.development);
        f.store.planSimulations().attach(simulation(plan.id(), f.clock.instant()));

        PlanReview submitted = f.governance.submit("alice", plan.id(), null, "");
        assertThat(submitted.submission().orElseThrow().risk().summary()).contains("8% chance of running out of memory");
        assertThat(submitted.simulation()).isPresent();
        assertThat(f.governance.review(plan.id()).risk().summary()).contains("predicted throughput falls 30%");
    }
}
