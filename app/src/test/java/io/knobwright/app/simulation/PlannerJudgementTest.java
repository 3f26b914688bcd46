package io.knobwright.app.simulation;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlannerJudgementTest {

    private static final Prediction MODEL = new Prediction("ssd", Map.of(Metric.THROUGHPUT_TPS, new Estimate(1000, 800, 1250),
            Metric.LATENCY_P95_MS, Estimate.exact(5)), List.of(), List.of("model warning"), "built-in", Map.of());
    private static final Explanation SAID = new Explanation(Metric.THROUGHPUT_TPS, PlannerJudgement.MECHANISM, "said",
            Map.of());

    @Test
    void plannerSettingsAreTheCostConstantsEnableJitAndParallelPlanningNotMemoryOrCheckpoints() {
        assertThat(List.of("random_page_cost", "Enable_SeqScan", "jit", "jit_above_cost", "effective_cache_size",
                "max_parallel_workers_per_gather", "cpu_tuple_cost", "parallel_setup_cost"))
                .allMatch(PlannerJudgement::isPlannerSetting);
        assertThat(List.of("work_mem", "shared_buffers", "max_wal_size", "default_statistics_target"))
                .noneMatch(PlannerJudgement::isPlannerSetting);
        assertThat(PlannerJudgement.plannerSettings(Map.of("work_mem", "64MB", " Random_Page_Cost ", " 1.1 ")))
                .containsExactly(Map.entry("random_page_cost", "1.1"));
    }

    @Test
    void measuredTimesMoveThroughputByTheirShareAndWidenTheInterval() {
        // half the statement time gets twice as slow: 1 / (0.5 + 0.5 x 2) = 2/3 of the throughput
        Prediction p = PlannerJudgement.apply(MODEL, new PlannerJudgement.Judged(SAID, List.of("slower"), List.of(), 2, 0.5));

        Estimate tps = p.throughput();
        assertThat(tps.mean()).isCloseTo(1000 * 2 / 3.0, within(1e-9));
        assertThat(tps.low()).isLessThan(800 * 2 / 3.0);
        assertThat(tps.high()).isGreaterThan(1250 * 2 / 3.0);
        assertThat(p.get(Metric.LATENCY_P95_MS)).contains(Estimate.exact(5));
        assertThat(p.warnings()).containsExactly("model warning", "slower");
        assertThat(p.explanations()).containsExactly(SAID);
    }

    @Test
    void withoutMeasuredTimesThroughputIsTheModels() {
        Prediction p = PlannerJudgement.apply(MODEL, new PlannerJudgement.Judged(SAID, List.of(), List.of(), Double.NaN, 0));

        assertThat(p.throughput()).isEqualTo(MODEL.throughput());
        assertThat(p.explanations()).containsExactly(SAID);
    }

    @Test
    void aZeroTimerReadingDoesNotPredictAnInfiniteChange() {
        assertThat(PlannerJudgement.ratio(0, 5)).isEqualTo(100);
        assertThat(PlannerJudgement.ratio(5, 0)).isEqualTo(0.01);
        assertThat(PlannerJudgement.ratio(40, 10)).isEqualTo(0.25);
    }
}
