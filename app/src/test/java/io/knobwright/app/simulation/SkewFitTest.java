package io.knobwright.app.simulation;

import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SkewFitTest {

    private static final double MB = 1024.0 * 1024;
    private static final Machine HOST = new Machine(2, (long) (8 * 1024 * MB), DeviceProfile.SSD);

    /** pgbench's tpcb-like over {@code dataMb}: 15 page accesses a transaction, five of them writes. */
    private static WorkloadShape tpcb(double dataMb) {
        return new WorkloadShape("tpcb", List.of(new QueryClass("tpcb", 1, 0.15, 15, 0, 0, 5, 500, false)),
                dataMb * MB, 0, 4, 0, 1);
    }

    private static Knobs sharedBuffers(double megabytes) {
        return Knobs.postgresDefaults().with("shared_buffers", megabytes * MB);
    }

    private static double hitRatio(WorkloadShape shape, Knobs knobs) {
        return new BuiltInModel().predict(new Scenario("check", HOST, shape, knobs)).get(Metric.BUFFER_HIT_RATIO)
                .orElseThrow().mean();
    }

    @Test
    void aHitRatioTheSkewDoesNotChangeLeavesTheTypicalSkewNotTheUniformExtreme() {
        SkewFit.Found flat = SkewFit.find(skew -> 0.9995, 0.9995, 3, 30);

        assertThat(flat.basis()).isEqualTo(SkewFit.Basis.NOT_IDENTIFIED);
        assertThat(flat.skew()).isEqualTo(WorkloadShape.TYPICAL_SKEW);
    }

    @Test
    void aHitRatioTheSkewChangesIsFittedAndOneBelowUniformIsZero() {
        // 1 - 0.5 e^-skew reaches 0.8 at ln 2.5
        assertThat(SkewFit.find(a -> 1 - 0.5 * Math.exp(-a), 0.8, 3, 30).skew())
                .isCloseTo(Math.log(2.5), within(1e-6));
        assertThat(SkewFit.find(a -> 1 - 0.5 * Math.exp(-a), 0.4, 3, 30).basis())
                .isEqualTo(SkewFit.Basis.BELOW_UNIFORM);
        assertThat(SkewFit.find(a -> 1 - 0.5 * Math.exp(-a), 0.99, 3, 30).basis()).isEqualTo(SkewFit.Basis.AT_MOST);
    }

    @Test
    void dataThatFitInSharedBuffersKeepTheTypicalSkewAndSaySo() {
        // 86 MB under 128MB of shared_buffers: every skew predicts every page a hit (run13's in-memory workload)
        List<String> notes = new ArrayList<>();
        WorkloadShape fitted = SkewFit.fit(tpcb(86), HOST, sharedBuffers(128), 0.9995, BuiltInModel::new, notes);

        assertThat(fitted.accessSkew()).isEqualTo(WorkloadShape.TYPICAL_SKEW);
        assertThat(notes).singleElement().asString().contains("fit in shared_buffers").contains("does not tell");
    }

    @Test
    void dataLargerThanSharedBuffersTakeTheSkewTheirHitRatioSays() {
        List<String> notes = new ArrayList<>();
        Knobs knobs = sharedBuffers(128);
        WorkloadShape fitted = SkewFit.fit(tpcb(457), HOST, knobs, 0.75, BuiltInModel::new, notes);

        assertThat(hitRatio(fitted, knobs)).isCloseTo(0.75, within(0.002));
        assertThat(fitted.accessSkew()).isNotEqualTo(WorkloadShape.TYPICAL_SKEW).isGreaterThan(0);
        assertThat(notes).singleElement().asString().contains("fitted to the measured 75.0%");
    }

    @Test
    void theTypicalSkewMakesASmallerSharedBuffersCostLessThanUniformAccessWould() {
        // what the fix is for: shrinking shared_buffers under data that fit must not be priced as if every page were
        // equally likely to be read
        Knobs small = sharedBuffers(20);
        assertThat(hitRatio(tpcb(86).withSkew(WorkloadShape.TYPICAL_SKEW), small))
                .isGreaterThan(hitRatio(tpcb(86), small) + 0.2);
    }
}
