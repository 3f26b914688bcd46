package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PredictedRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF's "Predicted effect" section (decision 0140): numbers, intervals, warnings, model and held-out accuracy. */
class PdfPredictedEffectTest {

    private static PlanReview with(PlanReview r, PlanSimulation s) {
        return new PlanReview(r.plan(), r.risk(), r.locks(), r.submission(), r.status(), r.decisions(), r.reviews(),
                r.history(), Optional.ofNullable(s));
    }

    @Test
    void anAttachedPredictionIsPrintedWithItsIntervalsModelAndAccuracy() {
        PlanReview plain = SamplePlans.pendingPlan(31, "pg-orders", "CHG7");
        PlanSimulation s = new PlanSimulation(1, 31, Instant.parse("2026-11-25T07:30:00Z"), "alice", "built-in 1.0",
                "throughput error 8% (MAPE) over 12 held-out runs; 80% intervals covered 83%",
                List.of(new PlanSimulation.Scenario("current", new PredictedRange(1000, 833, 1200),
                                new PredictedRange(10, 8.3, 12), List.of(), ""),
                        new PlanSimulation.Scenario("plan #31", new PredictedRange(770, 642, 924),
                                new PredictedRange(13, 10.8, 15.6), List.of("8% chance of running out of memory"),
                                "queueing (MVA): in-memory sorts lose cache locality")));

        String text = PdfPages.write(List.of(with(plain, s))).text().replaceAll("\\s+", " ");

        assertThat(text).contains("Predicted effect")
                .contains("Throughput 770 tps [642–924] with the plan, 1,000 tps [833–1,200] now (-23%, within the model's uncertainty).")
                .contains("p95 latency 13.0 ms [10.8–15.6] with the plan, 10.0 ms [8.3–12.0] now (+30%,")
                .contains("Predicted by built-in 1.0 (mean and 80% interval)")
                .contains("770 [642 – 924]").contains("8% chance of running out of memory")
                .contains("Model built-in 1.0; held-out accuracy: throughput error 8% (MAPE) over 12 held-out runs")
                .contains("Why (plan #31): queueing (MVA): in-memory sorts lose cache locality")
                .contains("Attached by alice");
    }

    @Test
    void withoutAPredictionTheSectionSaysSo() {
        String text = PdfPages.write(List.of(SamplePlans.pendingPlan(32, "pg-orders", "CHG8"))).text().replaceAll("\\s+", " ");
        assertThat(text).contains("Predicted effect").contains("No prediction is attached");
    }
}
