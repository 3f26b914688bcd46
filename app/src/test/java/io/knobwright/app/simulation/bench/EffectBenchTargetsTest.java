package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.experiment.Difference;
import io.knobwright.simulator.experiment.ReplicateStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the effect bench judges its three targets from measured replicates. */
class EffectBenchTargetsTest {

    @Test
    void aClearGainOnAShownBottleneckAndNoChangeWithoutOneMeetEveryTarget() {
        EffectBench.Result r = result(
                workload("read-mostly", new double[] {100, 102, 98}, new double[] {110, 108, 111},
                        new double[] {125, 124, 126}, new double[] {127, 125, 126}),
                workload("no-bottleneck", new double[] {100, 101, 99}, new double[] {100, 99, 101},
                        new double[] {100, 101, 99}, null));

        assertThat(EffectBench.missedTargets(r)).isEmpty();
        assertThat(r.workloads().get(0).bottleneckShown()).isTrue();
        assertThat(r.workloads().get(1).bottleneckShown()).isFalse();
    }

    @Test
    void noChangeWherePgTuneShowsABottleneckMissesTwoTargets() {
        EffectBench.Result r = result(workload("write-heavy", new double[] {100, 102, 98},
                new double[] {140, 138, 141}, new double[] {100, 101, 99}, new double[] {101, 99, 100}));

        assertThat(EffectBench.missedTargets(r)).containsExactly("write-heavy: worse than PGTune beyond noise",
                "write-heavy: not clearly better than the defaults, though PGTune +40% shows a configuration"
                        + " bottleneck");
    }

    @Test
    void noChangeWhereTheTextbookRemedyRunsClearlyFasterIsAMiss() {
        EffectBench.Result r = result(workload("reporting", new double[] {100, 102, 98},
                new double[] {101, 99, 100}, new double[] {100, 101, 99}, new double[] {150, 149, 151}));

        assertThat(EffectBench.missedTargets(r)).containsExactly("reporting: not clearly better than the defaults,"
                + " though the textbook remedy +50% shows a configuration bottleneck");
    }

    @Test
    void aNamedBottleneckThatNeitherTheRemedyNorPgTuneRemovesAsksNoGainOfKnobwright() {
        // the page cache absorbs the spills: work_mem large enough for every sort changes nothing on this host
        EffectBench.Result r = result(workload("reporting", new double[] {100, 110, 90},
                new double[] {104, 96, 100}, new double[] {100, 110, 90}, new double[] {103, 95, 101}));

        assertThat(r.workloads().get(0).bottleneckShown()).isFalse();
        assertThat(EffectBench.missedTargets(r)).isEmpty();
    }

    @Test
    void aLossToTheDefaultsWithinTheNoiseIsNoLossButBeyondItIs() {
        double[] defaults = {100, 110, 90};
        EffectBench.Result withinNoise = result(workload("w", defaults, defaults, new double[] {95, 105, 86}, null));
        EffectBench.Result beyond = result(workload("w", defaults, defaults, new double[] {60, 61, 59}, null));

        assertThat(EffectBench.missedTargets(withinNoise)).isEmpty();
        assertThat(EffectBench.missedTargets(beyond)).contains("w: worse than the defaults beyond noise");
    }

    private static EffectBench.Result result(EffectBench.WorkloadResult... workloads) {
        return new EffectBench.Result(List.of(workloads), "PostgreSQL 14", Duration.ZERO);
    }

    /** A workload's replicates per arm; {@code remedy} null where no bottleneck is named. */
    private static EffectBench.WorkloadResult workload(String name, double[] defaults, double[] pgtune,
                                                       double[] knobwright, double[] remedy) {
        ReplicateStats d = ReplicateStats.of(defaults);
        ReplicateStats p = ReplicateStats.of(pgtune);
        ReplicateStats k = ReplicateStats.of(knobwright);
        Map<EffectBench.Arm, ReplicateStats> tps = new EnumMap<>(EffectBench.Arm.class);
        tps.put(EffectBench.Arm.DEFAULTS, d);
        tps.put(EffectBench.Arm.PGTUNE, p);
        tps.put(EffectBench.Arm.KNOBWRIGHT, k);
        Difference remedyOverDefaults = null;
        if (remedy != null) {
            ReplicateStats m = ReplicateStats.of(remedy);
            tps.put(EffectBench.Arm.REMEDY, m);
            remedyOverDefaults = Difference.of("defaults", d, "remedy", m);
        }
        return new EffectBench.WorkloadResult(name, tps, Map.of(), Difference.of("defaults", d, "Knobwright", k),
                Difference.of("PGTune", p, "Knobwright", k), remedyOverDefaults,
                Difference.of("defaults", d, "PGTune", p), "", false, 0, 0);
    }
}
