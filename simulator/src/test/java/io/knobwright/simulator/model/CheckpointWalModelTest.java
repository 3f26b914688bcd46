package io.knobwright.simulator.model;

import static io.knobwright.simulator.model.Workloads.GB;
import static io.knobwright.simulator.model.Workloads.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CheckpointWalModelTest {

    private static final Popularity EIGHT_GB = Popularity.zipf(8 * GB / CacheModel.PAGE_BYTES, 0.9);

    private static CheckpointWalModel.Result busy(double maxWal, boolean fpw) {
        return CheckpointWalModel.solve(EIGHT_GB, 3000, 600, 4, maxWal, 300, 0.9, fpw);
    }

    @Test
    void largerMaxWalSizeWritesFewerFullPageImages() {
        double before = Double.MAX_VALUE;
        for (double maxWal : new double[]{256 * MB, GB, 4 * GB, 16 * GB}) {
            double fpi = busy(maxWal, true).fpiBytesPerSec();
            assertThat(fpi).isLessThan(before);
            before = fpi;
        }
    }

    @Test
    void walVolumeRequestsCheckpointsAtTheDistanceMaxWalSizeAllows() {
        CheckpointWalModel.Result r = busy(GB, true);
        assertThat(r.requested()).isTrue();
        assertThat(r.cycleSeconds()).isLessThan(300);
        // the fixed point: one cycle's WAL is max_wal_size / (1 + checkpoint_completion_target)
        assertThat(r.walBytesPerSec() * r.cycleSeconds()).isCloseTo(GB / 1.9, within(GB * 1e-6));
    }

    @Test
    void aQuietWorkloadCheckpointsOnTheTimer() {
        CheckpointWalModel.Result r = CheckpointWalModel.solve(EIGHT_GB, 10, 600, 4, GB, 300, 0.9, true);
        assertThat(r.requested()).isFalse();
        assertThat(r.cycleSeconds()).isEqualTo(300);
        assertThat(r.writeBytesPerSec()).isEqualTo(r.dirtyPagesPerCycle() * 8192 / 300);
    }

    @Test
    void fullPageWritesOffRemovesFullPageImages() {
        CheckpointWalModel.Result off = busy(GB, false);
        assertThat(off.fpiBytesPerSec()).isZero();
        assertThat(off.fpiShare()).isZero();
        assertThat(busy(GB, true).fpiShare()).isGreaterThan(0.5);
    }

    @Test
    void aCheckpointNeverWritesMorePagesThanTheDataHas() {
        Popularity small = Popularity.zipf(10 * MB / CacheModel.PAGE_BYTES, 0);
        CheckpointWalModel.Result r = CheckpointWalModel.solve(small, 5000, 200, 10, 64 * GB, 3600, 0.9, true);
        assertThat(r.dirtyPagesPerCycle()).isLessThanOrEqualTo(small.pages);
    }

    @Test
    void readOnlyWorkloadWritesNoWal() {
        CheckpointWalModel.Result r = CheckpointWalModel.solve(EIGHT_GB, 3000, 0, 0, GB, 300, 0.9, true);
        assertThat(r.walBytesPerSec()).isZero();
        assertThat(r.writeBytesPerSec()).isZero();
        assertThat(r.requested()).isFalse();
    }
}
