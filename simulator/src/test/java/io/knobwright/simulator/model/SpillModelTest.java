package io.knobwright.simulator.model;

import static io.knobwright.simulator.model.Workloads.GB;
import static io.knobwright.simulator.model.Workloads.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpillModelTest {

    private static final ModelParameters THETA = BuiltInModel.defaultParameters();
    private static final QueryClass SORT = new QueryClass("sort", 1, 1200, 0, 180 * MB, 0, 0, 0, false);
    private static final QueryClass HASH = new QueryClass("hash", 1, 300, 0, 0, 100 * MB, 0, 0, false);

    @Test
    void measuredTempBytesBecomeTheSortInputThatWritesThemUnderTheWorkMemInForce() {
        // 180 MB under 4 MB: 45 runs merged 15 at a time need two passes, each writing the whole input
        assertThat(SpillModel.passes(180 * MB, 4 * MB)).isEqualTo(2);
        assertThat(BuiltInModel.sortInputWriting(360 * MB, 4 * MB)).isCloseTo(180 * MB, within(1.0));
        // 40 MB: 10 runs, one pass writes it once
        assertThat(BuiltInModel.sortInputWriting(40 * MB, 4 * MB)).isCloseTo(40 * MB, within(1.0));
        QueryClass measured = new QueryClass("sort", 1, 1200, 0, BuiltInModel.sortInputWriting(360 * MB, 4 * MB), 0, 0,
                0, false);
        // the model's temp volume counts writes and reads back: twice what the server counted as written
        assertThat(SpillModel.spill(measured, 4 * MB, 2, THETA).tempBytes()).isCloseTo(2 * 360 * MB, within(1.0));
        assertThat(BuiltInModel.sortInputWriting(0, 4 * MB)).isZero();
        assertThat(BuiltInModel.sortInputWriting(Double.NaN, 4 * MB)).isZero();
    }

    @Test
    void spillBytesFallToZeroOnceWorkMemExceedsTheSortInput() {
        double before = Double.MAX_VALUE;
        for (double wm : new double[]{1 * MB, 4 * MB, 16 * MB, 64 * MB, 179 * MB}) {
            double temp = SpillModel.spill(SORT, wm, 2, THETA).tempBytes();
            assertThat(temp).isPositive().isLessThanOrEqualTo(before);
            before = temp;
        }
        SpillModel.ClassSpill inMemory = SpillModel.spill(SORT, 180 * MB, 2, THETA);
        assertThat(inMemory.tempBytes()).isZero();
        assertThat(inMemory.inMemorySortBytes()).isEqualTo(180 * MB);
    }

    @Test
    void externalSortMergesRunsAsTuplesortDoes() {
        // 180 MB in 4 MB runs: 45 runs, merge order 4 MB / 272 kB = 15, so two passes over all of it
        SpillModel.ClassSpill s = SpillModel.spill(SORT, 4 * MB, 2, THETA);
        assertThat(s.runs()).isEqualTo(45);
        assertThat(s.passes()).isEqualTo(2);
        assertThat(s.tempBytes()).isEqualTo(2 * 180 * MB * 2);
        // a tiny work_mem still merges at least 6 runs at a time
        assertThat(SpillModel.spill(SORT, 64 * 1024, 2, THETA).passes()).isEqualTo(Math.ceil(Math.log(2880) / Math.log(6)));
    }

    @Test
    void hashBatchesDoubleUntilEachFitsTheHashLimit() {
        // 100 MB against 4 MB × 2 = 8 MB: 12.5 -> 16 batches, all but the first written and read back
        SpillModel.ClassSpill h = SpillModel.spill(HASH, 4 * MB, 2, THETA);
        assertThat(h.nbatch()).isEqualTo(16);
        assertThat(h.tempBytes()).isCloseTo(2 * 100 * MB * 15 / 16, within(1.0));
    }

    @Test
    void hashMemMultiplierKeepsAHashInMemoryThatWorkMemAloneWouldSpill() {
        assertThat(SpillModel.spill(HASH, 64 * MB, 1, THETA).tempBytes()).isPositive();
        assertThat(SpillModel.spill(HASH, 64 * MB, 2, THETA).tempBytes()).isZero();
    }

    @Test
    void temporaryFilesStayInThePageCacheUntilItIsTooSmallForThem() {
        SpillModel.Result roomy = SpillModel.solve(List.of(SORT), 4 * MB, 2, THETA, DeviceProfile.SSD, 3 * GB, 2);
        SpillModel.Result cramped = SpillModel.solve(List.of(SORT), 4 * MB, 2, THETA, DeviceProfile.SSD, 200 * MB, 2);
        assertThat(roomy.memoryShare()).isEqualTo(1.0);
        assertThat(roomy.diskMs()).isZero();
        assertThat(cramped.memoryShare()).isLessThan(1);
        assertThat(cramped.diskMs()).isPositive();
    }

    @Test
    void aBigInMemorySortCostsMoreCpuThanSmallRunsMergedFromThePageCache() {
        SpillModel.Result big = SpillModel.solve(List.of(SORT), 256 * MB, 2, THETA, DeviceProfile.SSD, 3 * GB, 2);
        SpillModel.Result small = SpillModel.solve(List.of(SORT), 4 * MB, 2, THETA, DeviceProfile.SSD, 3 * GB, 2);
        assertThat(big.tempBytesPerTx()).isZero();
        assertThat(small.tempBytesPerTx()).isPositive();
        assertThat(big.cpuMs() + big.diskMs()).isGreaterThan(small.cpuMs() + small.diskMs());
    }

    @Test
    void withoutTheCachePenaltyTheBigSortWins() {
        ModelParameters noPenalty = THETA.with("sortCachePenalty", 1e-6);
        SpillModel.Result big = SpillModel.solve(List.of(SORT), 256 * MB, 2, noPenalty, DeviceProfile.SSD, 3 * GB, 2);
        SpillModel.Result small = SpillModel.solve(List.of(SORT), 4 * MB, 2, noPenalty, DeviceProfile.SSD, 3 * GB, 2);
        assertThat(big.cpuMs()).isLessThan(small.cpuMs());
    }
}
