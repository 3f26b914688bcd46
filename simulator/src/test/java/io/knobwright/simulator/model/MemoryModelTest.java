package io.knobwright.simulator.model;

import static io.knobwright.simulator.model.Workloads.GB;
import static io.knobwright.simulator.model.Workloads.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryModelTest {

    private static final QueryClass REPORT = new QueryClass("report", 1, 500, 0, 500 * MB, 500 * MB, 0, 0, false);

    private static MemoryModel.Result withWorkMem(double workMem, int connections) {
        Settings s = Settings.of(Knobs.postgresDefaults().with("work_mem", workMem));
        // half of the connections run the report at an average moment
        return MemoryModel.solve(List.of(REPORT), new double[]{connections / 2.0}, s, 8 * GB, connections);
    }

    @Test
    void outOfMemoryRiskRisesWithWorkMemTimesConnections() {
        assertThat(withWorkMem(4 * MB, 20).oomRisk()).isLessThan(1e-6);
        double fewer = withWorkMem(256 * MB, 10).oomRisk();
        double more = withWorkMem(256 * MB, 40).oomRisk();
        assertThat(fewer).isLessThan(more);
        assertThat(more).isGreaterThan(0.5);
        assertThat(withWorkMem(64 * MB, 40).oomRisk()).isLessThan(more);
    }

    @Test
    void peakGrowsWithWorkMemAndTheWorstCaseCountsEveryAllowedConnection() {
        MemoryModel.Result small = withWorkMem(4 * MB, 20);
        MemoryModel.Result large = withWorkMem(256 * MB, 20);
        assertThat(large.typicalPeak()).isGreaterThan(small.typicalPeak());
        // 100 connections × (backend + sort 256 MB + the whole 500 MB hash, under its 512 MB limit) beside
        // shared_buffers and autovacuum
        assertThat(large.worstPeak()).isCloseTo(128 * MB + 3 * 64 * MB + 100 * (MemoryModel.BACKEND_BYTES + 756 * MB),
                within(1.0));
    }

    @Test
    void statementsWithoutSortsOrHashesCarryNoRisk() {
        QueryClass point = new QueryClass("point", 1, 0.1, 4, 0, 0, 0, 0, false);
        Settings s = Settings.of(Knobs.postgresDefaults());
        MemoryModel.Result r = MemoryModel.solve(List.of(point), new double[]{50}, s, 4 * GB, 100);
        assertThat(r.oomRisk()).isZero();
        assertThat(r.typicalPeak()).isEqualTo(r.fixedBytes());
    }

    @Test
    void parallelWorkersEachTakeTheirOwnWorkMem() {
        Settings s = Settings.of(Knobs.postgresDefaults().with("max_parallel_workers_per_gather", 2));
        QueryClass serial = new QueryClass("sort", 1, 10, 0, 100 * MB, 0, 0, 0, false);
        QueryClass parallel = new QueryClass("sort", 1, 10, 0, 100 * MB, 0, 0, 0, true);
        assertThat(MemoryModel.need(serial, s)).isEqualTo(4 * MB);
        assertThat(MemoryModel.need(parallel, s)).isEqualTo(3 * 4 * MB + 2 * MemoryModel.BACKEND_BYTES);
    }

    @Test
    void theKernelReserveIsAFewPercentOfRamWithinBounds() {
        assertThat(MemoryModel.reserve(64 * GB)).isEqualTo(0.05 * 64 * GB);
        assertThat(MemoryModel.reserve(2 * GB)).isEqualTo(256 * MB);
        assertThat(MemoryModel.reserve(512 * MB)).isEqualTo(128 * MB);
    }

    @Test
    void poissonTailsMatchTheirSums() {
        double mean = 3.5;
        double cdf = 0;
        double term = Math.exp(-mean);
        for (int k = 0; k <= 6; k++) {
            cdf += term;
            term *= mean / (k + 1);
        }
        assertThat(Poisson.exceeds(mean, 6)).isCloseTo(1 - cdf, within(1e-10));
        assertThat(Poisson.exceeds(40, 80)).isCloseTo(0, within(1e-6));
        assertThat(Poisson.exceeds(mean, 6.5)).isBetween(Poisson.exceeds(mean, 7), Poisson.exceeds(mean, 6));
        assertThat(Poisson.quantile(100, 0.5)).isCloseTo(100, within(2.0));
        assertThat(Poisson.logGamma(10)).isCloseTo(Math.log(362880), within(1e-9));
    }
}
