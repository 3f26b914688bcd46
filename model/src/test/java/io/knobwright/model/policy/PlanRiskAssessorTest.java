package io.knobwright.model.policy;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.knobwright.model.policy.PolicyExamples.devPostgres;
import static io.knobwright.model.policy.PolicyExamples.instance;
import static io.knobwright.model.policy.PolicyExamples.lock;
import static io.knobwright.model.policy.PolicyExamples.online;
import static io.knobwright.model.policy.PolicyExamples.plan;
import static io.knobwright.model.policy.PolicyExamples.restart;
import static org.assertj.core.api.Assertions.assertThat;

/** A plan's risk and the reasons a change board reads, from its content and its instance. */
class PlanRiskAssessorTest {

    private final PlanRiskAssessor assessor = new PlanRiskAssessor();
    private final Instance dev = devPostgres("pg-dev");

    private RiskAssessment assess(ChangePlan plan, Instance instance) {
        return assessor.assess(plan, instance, List.of(), List.of());
    }

    private static List<String> texts(RiskAssessment risk) {
        return risk.reasons().stream().map(RiskReason::text).toList();
    }

    @Test
    void anEmptyPlanIsLowRiskEvenOnACriticalProductionInstance() {
        Instance prod = instance("pg-prod", Engine.POSTGRESQL, Tier.PRODUCTION, Criticality.CRITICAL, Map.of());
        RiskAssessment risk = assess(plan("pg-prod", PolicyExamples.LIVE), prod);
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.reasons()).isEmpty();
        assertThat(risk.summary()).isEqualTo("low: nothing in the plan raises its risk");
    }

    @Test
    void aSmallChangeOnADevelopmentInstanceIsLowRisk() {
        RiskAssessment risk = assess(plan("pg-dev", online("work_mem", "4096", "6000"), online("jit", "on", "off")), dev);
        assertThat(risk).isEqualTo(RiskAssessment.NONE);
    }

    @Test
    void aValueDoubledOrHalvedIsMediumRisk() {
        RiskAssessment grows = assess(plan("pg-dev", online("work_mem", "4096", "8192")), dev);
        assertThat(grows.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(texts(grows)).containsExactly("work_mem grows 2.0x (4096 -> 8192)");

        RiskAssessment shrinks = assess(plan("pg-dev", online("random_page_cost", "4", "1.1")), dev);
        assertThat(shrinks.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(texts(shrinks)).containsExactly("random_page_cost shrinks 3.6x (4 -> 1.1)");
    }

    @Test
    void aValueMultipliedByEightIsHighRiskAndJustUnderEightIsMedium() {
        RiskAssessment eight = assess(plan("pg-dev", online("shared_buffers", "16384", "131072")), dev);
        assertThat(eight.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(texts(eight)).containsExactly("shared_buffers grows 8.0x (16384 -> 131072)");

        RiskAssessment shrinks = assess(plan("pg-dev", online("shared_buffers", "131072", "16384")), dev);
        assertThat(shrinks.level()).isEqualTo(RiskLevel.HIGH);

        RiskAssessment almost = assess(plan("pg-dev", online("shared_buffers", "16384", "131000")), dev);
        assertThat(almost.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aChangeToOrFromZeroIsMediumRisk() {
        RiskAssessment toZero = assess(plan("pg-dev", online("max_parallel_workers_per_gather", "2", "0")), dev);
        assertThat(toZero.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(texts(toZero)).containsExactly("max_parallel_workers_per_gather changes from 2 to 0 (to or from zero)");

        RiskAssessment fromZero = assess(plan("pg-dev", online("idle_in_transaction_session_timeout", "0", "600000")), dev);
        assertThat(fromZero.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void valuesThatAreNotSizesAreNotMeasured() {
        assertThat(assess(plan("pg-dev", online("log_min_duration_statement", "-1", "1000")), dev).level())
                .as("-1 means off, not a size").isEqualTo(RiskLevel.LOW);
        assertThat(assess(plan("pg-dev", online("work_mem", "4096", "4096.0")), dev).level()).isEqualTo(RiskLevel.LOW);
        assertThat(assess(plan("pg-dev", online("work_mem", null, "65536")), dev).level()).isEqualTo(RiskLevel.LOW);
        assertThat(assess(plan("pg-dev", online("work_mem", " ", "65536")), dev).level()).isEqualTo(RiskLevel.LOW);
        assertThat(assess(plan("pg-dev", online("work_mem", "NaN", "65536")), dev).level()).isEqualTo(RiskLevel.LOW);
        assertThat(assess(plan("pg-dev", online("datestyle", "iso, mdy", "iso, dmy")), dev).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aRestartIsMediumRiskAndNamesEveryParameterThatNeedsIt() {
        RiskAssessment risk = assess(plan("pg-dev", restart("max_connections", "100", "150"),
                online("jit", "on", "off"), restart("wal_level", "replica", "logical")), dev);
        assertThat(risk.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(texts(risk)).containsExactly("needs a restart (downtime) for max_connections, wal_level");
    }

    @Test
    void aPlanWithoutABaselineIsMediumRiskBecauseItsSizesAreUnknown() {
        RiskAssessment risk = assess(plan("pg-dev", ChangePlan.NO_BASELINE, online("work_mem", null, "65536")), dev);
        assertThat(risk.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(texts(risk)).singleElement().asString().startsWith("no baseline:");
        assertThat(assess(plan("pg-dev", ChangePlan.NO_BASELINE), dev).level()).as("nothing to change").isEqualTo(RiskLevel.LOW);
    }

    @Test
    void weakenedDurabilityIsCriticalAndSaysWhatCanBeLost() {
        RiskAssessment risk = assess(plan("pg-dev", online("fsync", "on", "off")), dev);
        assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(texts(risk)).singleElement().asString().startsWith("fsync weakened from on to off: with fsync off a crash");
        assertThat(assess(plan("pg-dev", online("fsync", "off", "on")), dev).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void withoutABaselineTurningDurabilityOffIsStillCritical() {
        RiskAssessment unknown = assess(plan("pg-dev", ChangePlan.NO_BASELINE, online("fsync", null, "off")), dev);
        assertThat(unknown.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(texts(unknown)).first().asString().startsWith("fsync weakened to off:");

        // the "from" of a plan without baseline is not trusted: it was never read from the server
        RiskAssessment untrusted = assess(plan("pg-dev", ChangePlan.NO_BASELINE, online("synchronous_commit", "off", "local")), dev);
        assertThat(untrusted.level()).isEqualTo(RiskLevel.CRITICAL);

        RiskAssessment strongest = assess(plan("pg-dev", ChangePlan.NO_BASELINE, online("fsync", null, "on")), dev);
        assertThat(strongest.level()).as("fsync=on weakens nothing").isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aTouchedLockIsHighRiskWithTheLocksReason() {
        ChangePlan plan = plan("pg-dev", online("wal_level", "replica", "replica"));
        RiskAssessment withReason = assessor.assess(plan, dev, List.of(lock("all", "wal_level", "replication depends on it")), List.of());
        assertThat(withReason.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(texts(withReason)).containsExactly("touches locked parameter wal_level (locked on all: replication depends on it)");

        RiskAssessment withoutReason = assessor.assess(plan, dev, List.of(lock("engine:postgresql", "wal_*", "")), List.of());
        assertThat(texts(withoutReason)).containsExactly("touches locked parameter wal_* (locked on engine:postgresql)");
    }

    @Test
    void aPredictionAddsItsReasons() {
        RiskAssessment risk = assessor.assess(plan("pg-dev", online("jit", "on", "off")), dev, List.of(),
                List.of(new RiskReason(RiskLevel.HIGH, "predicted p99 latency +40%")));
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(texts(risk)).containsExactly("predicted p99 latency +40%");
    }

    @Test
    void productionOrHighCriticalityRaisesTheRiskOneStep() {
        ChangePlan small = plan("pg", online("jit", "on", "off"));
        Instance prod = instance("pg", Engine.POSTGRESQL, Tier.PRODUCTION, Criticality.LOW, Map.of());
        RiskAssessment lowOnProd = assess(small, prod);
        assertThat(lowOnProd.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(texts(lowOnProd)).containsExactly("production tier raises the risk one step");

        Instance important = instance("pg", Engine.POSTGRESQL, Tier.STAGING, Criticality.HIGH, Map.of());
        assertThat(texts(assess(small, important))).containsExactly("high criticality raises the risk one step");

        Instance both = instance("pg", Engine.POSTGRESQL, Tier.PRODUCTION, Criticality.CRITICAL, Map.of());
        assertThat(texts(assess(small, both))).containsExactly("production tier and critical criticality raise the risk one step");

        Instance ordinary = instance("pg", Engine.POSTGRESQL, Tier.STAGING, Criticality.MEDIUM, Map.of());
        assertThat(assess(small, ordinary).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void theRaiseStacksOnWhatTheChangeAlreadyRisks() {
        Instance prod = instance("pg", Engine.POSTGRESQL, Tier.PRODUCTION, Criticality.MEDIUM, Map.of());
        assertThat(assess(plan("pg", restart("max_connections", "100", "150")), prod).level()).isEqualTo(RiskLevel.HIGH);
        RiskAssessment high = assess(plan("pg", online("shared_buffers", "16384", "131072")), prod);
        assertThat(high.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(high.reasons().getFirst().level()).as("the raise is itself a reason at the new level").isEqualTo(RiskLevel.CRITICAL);
        assertThat(assess(plan("pg", online("fsync", "on", "off")), prod).level()).as("critical is the top").isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void aPlanWhoseInstanceWasRemovedIsNotRaised() {
        assertThat(assess(plan("gone", online("jit", "on", "off")), null).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void reasonsAreListedHighestFirstInTheSummary() {
        RiskAssessment risk = assess(plan("pg-dev", restart("max_connections", "100", "150"), online("fsync", "on", "off")), dev);
        assertThat(risk.reasons()).extracting(RiskReason::level).containsExactly(RiskLevel.CRITICAL, RiskLevel.MEDIUM);
        assertThat(risk.summary()).startsWith("critical: fsync weakened from on to off: ")
                .endsWith("; needs a restart (downtime) for max_connections");
    }
}
