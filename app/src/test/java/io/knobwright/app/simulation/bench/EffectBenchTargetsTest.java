package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.experiment.Difference;
import io.knobwright.simulator.experiment.ReplicateStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the effect bench judges its three targets from measured replicates. */
class EffectBenchTargetsTest {

    @Test
    void aClearGainOnABottleneckAndNoChangeWithoutOneMeetEveryTarget() {
        EffectBench.Result r = result(
                workload("read-mostly", true, new double[] {100, 102, 98}, new double[] {110, 108, 111},
                        new double[] {125, 124, 126}),
                workload("no-bottleneck", false, new double[] {100, 101, 99}, new double[] {100, 99, 101},
                        new double[] {100, 101, 99}));

        assertThat(EffectBench.missedTargets(r)).isEmpty();
    }

    @Test
    void noChangeOnABottleneckAndALossToPgTuneBeyondTheNoiseAreEachReported() {
        EffectBench.Result r = result(workload("write-heavy", true, new double[] {100, 102, 98},
                new double[] {140, 138, 141}, new double[] {100, 101, 99}));

        assertThat(EffectBench.missedTargets(r)).containsExactly("write-heavy: worse than PGTune beyond noise",
                "write-heavy: not clearly better than the defaults on a workload with a bottleneck");
    }

    @Test
    void aLossToTheDefaultsWithinTheNoiseIsNoLossButBeyondItIs() {
        double[] defaults = {100, 110, 90};
        EffectBench.Result withinNoise = result(workload("w", false, defaults, defaults, new double[] {95, 105, 86}));
        EffectBench.Result beyond = result(workload("w", false, defaults, defaults, new double[] {60, 61, 59}));

        assertThat(EffectBench.missedTargets(withinNoise)).isEmpty();
        assertThat(EffectBench.missedTargets(beyond)).contains("w: worse than the defaults beyond noise");
    }

    private static EffectBench.Result result(EffectBench.WorkloadResult... workloads) {
        return new EffectBench.Result(List.of(workloads), "PostgreSQL 14", Duration.ZERO);
    }

    private static EffectBench.WorkloadResult workload(String name, boolean bottleneck, double[] defaults,
                                                       double[] pgtune, double[] knobwright) {
        ReplicateStats d = ReplicateStats.of(defaults);
        ReplicateStats p = ReplicateStats.of(pgtune);
        ReplicateStats k = ReplicateStats.of(knobwright);
        return new EffectBench.WorkloadResult(name, Map.of(EffectBench.Arm.DEFAULTS, d, EffectBench.Arm.PGTUNE, p,
                EffectBench.Arm.KNOBWRIGHT, k), Map.of(), Difference.of("defaults", d, "Knobwright", k),
                Difference.of("PGTune", p, "Knobwright", k), bottleneck, "", false, 0, 0);
    }
}
