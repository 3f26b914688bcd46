package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.ApplyOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Apply outcomes (schema 27): the prediction and the settings read back, the measurement added later, one per run. */
class JooqApplyOutcomesTest {

    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("apply-outcome-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private long plan() {
        ChangePlan plan = new ChangePlan(0, 7, "pg-orders", "recommendations", 1, T, "lin", PlanState.APPLIED, "live",
                List.of(new PlannedChange("work_mem", "4096", "65536", "kB", ApplyMode.ONLINE, "recommend", "")));
        return store.plans().saveAll(List.of(plan)).getFirst().id();
    }

    private static ApplyOutcome outcome(long plan, long run) {
        return new ApplyOutcome(0, plan, run, 7, "pg-orders", T, T.plusSeconds(2), "replay:pg-orders:measured",
                "2cpu-8GiB-ssd", Map.of("work_mem", "4096", "shared_buffers", "16384"),
                Map.of("work_mem", "65536", "shared_buffers", "16384"), "built-in", "",
                Optional.of(new ApplyOutcome.Predicted(1000, 1150, 900, 1400, 12, 10, 0.15, 0.08, 0.22)), Optional.empty());
    }

    @Test
    void aRecordReadsBackWithItsPredictionAndSettingsAndLaterItsMeasurement() {
        long plan = plan();
        ApplyOutcome stored = store.applyOutcomes().record(outcome(plan, 31));

        assertThat(store.applyOutcomes().unmeasured(10)).extracting(ApplyOutcome::id).containsExactly(stored.id());
        ApplyOutcome back = store.applyOutcomes().find(stored.id()).orElseThrow();
        assertThat(back.settingsBefore()).containsEntry("work_mem", "4096").containsEntry("shared_buffers", "16384");
        assertThat(back.settingsAfter()).containsEntry("work_mem", "65536");
        assertThat(back.prediction()).contains(new ApplyOutcome.Predicted(1000, 1150, 900, 1400, 12, 10, 0.15, 0.08, 0.22));
        assertThat(back.measured()).isEmpty();
        assertThat(back.startedAt()).isEqualTo(T);

        ApplyOutcome.Measured m = new ApplyOutcome.Measured(T.plusSeconds(3600), ApplyOutcome.Verdict.REGRESSION,
                "31% fewer transactions per second", 1000, 690, 0.04, 0.05, 30, 30, 16, 16, Double.NaN, 3.1, 11, 12, 0);
        store.applyOutcomes().measured(stored.id(), m.withRevertPlan(99));

        ApplyOutcome measured = store.applyOutcomes().ofPlan(plan).getFirst();
        assertThat(measured.measured()).hasValueSatisfying(x -> {
            assertThat(x.verdict()).isEqualTo(ApplyOutcome.Verdict.REGRESSION);
            assertThat(x.change()).isCloseTo(-0.31, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(x.queryMsBefore()).isNaN();
            assertThat(x.revertPlanId()).isEqualTo(99);
            assertThat(x.observationAfter()).isEqualTo(12);
        });
        assertThat(store.applyOutcomes().ofInstance(7)).extracting(ApplyOutcome::id).containsExactly(stored.id());
        assertThat(store.applyOutcomes().unmeasured(10)).isEmpty();
        assertThat(store.applyOutcomes().withVerdict(ApplyOutcome.Verdict.REGRESSION, T)).extracting(ApplyOutcome::id)
                .containsExactly(stored.id());
        assertThat(store.applyOutcomes().withVerdict(ApplyOutcome.Verdict.REGRESSION, T.plusSeconds(7200))).isEmpty();
        assertThat(store.applyOutcomes().withVerdict(ApplyOutcome.Verdict.BETTER, T)).isEmpty();
    }

    @Test
    void aRunHasOneRecordAndAnUnpredictedApplyKeepsItsReason() {
        long plan = plan();
        store.applyOutcomes().record(outcome(plan, 31));

        assertThatThrownBy(() -> store.applyOutcomes().record(outcome(plan, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has its record");
        ApplyOutcome unpredicted = new ApplyOutcome(0, plan, 32, 7, "pg-orders", T, T, "replay:pg-orders:measured", "",
                Map.of(), Map.of(), "", "no workload measured before the apply", Optional.empty(), Optional.empty());
        store.applyOutcomes().record(unpredicted);

        ApplyOutcome newest = store.applyOutcomes().ofPlan(plan).getFirst();
        assertThat(newest.runId()).isEqualTo(32);
        assertThat(newest.prediction()).isEmpty();
        assertThat(newest.predictionNote()).isEqualTo("no workload measured before the apply");
    }
}
