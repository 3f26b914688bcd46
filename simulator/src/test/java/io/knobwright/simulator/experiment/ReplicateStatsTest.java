package io.knobwright.simulator.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReplicateStatsTest {

    @Test
    void theMedianAndTheNoiseOfFiveRuns() {
        ReplicateStats s = ReplicateStats.of(100, 80, 120, 90, 110);

        assertThat(s.runs()).isEqualTo(5);
        assertThat(s.median()).isEqualTo(100);
        // p10 = 84, p90 = 116: (116 - 84) / 2 / 100
        assertThat(s.noise()).isCloseTo(0.16, within(1e-12));
        assertThat(s.low()).isLessThan(100);
        assertThat(s.high()).isGreaterThan(100);
    }

    @Test
    void anEvenNumberOfRunsHasTheMiddlePairsMean() {
        assertThat(ReplicateStats.of(List.of(10.0, 40.0, 20.0, 30.0)).median()).isEqualTo(25);
    }

    @Test
    void oneRunHasNoIntervalAndNoMeasuredNoise() {
        ReplicateStats s = ReplicateStats.of(500);

        assertThat(s.low()).isEqualTo(500);
        assertThat(s.high()).isEqualTo(500);
        assertThat(s.noise()).isZero();
    }

    @Test
    void theMediansIntervalHoldsTheTrueMedianAtLeastFourTimesInFive() {
        Random random = new Random(3);
        for (int n : new int[] {2, 3, 5, 7, 12}) {
            int covered = 0;
            int trials = 4000;
            for (int t = 0; t < trials; t++) {
                double[] runs = new double[n];
                for (int i = 0; i < n; i++) {
                    runs[i] = 1000 * Math.exp(0.2 * random.nextGaussian());
                }
                ReplicateStats s = ReplicateStats.of(runs);
                if (s.low() <= 1000 && 1000 <= s.high()) {
                    covered++;
                }
            }
            assertThat(covered / (double) trials).as(n + " runs").isBetween(0.76, 0.96);
        }
    }

    @Test
    void orderStatisticRanksReachEightyPercent() {
        assertThat(ReplicateStats.orderStatisticRank(4)).isZero(); // min..max: 87.5%
        assertThat(ReplicateStats.orderStatisticRank(10)).isEqualTo(2); // x(2)..x(7): 89%
    }

    @Test
    void noRunsOrNonsenseThroughputIsRefused() {
        assertThatThrownBy(ReplicateStats::of).hasMessageContaining("at least one run");
        assertThatThrownBy(() -> ReplicateStats.of(10, -1)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> ReplicateStats.of(10, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ReplicateStats(2, 10, 11, 12, 0)).hasMessageContaining("lies in its interval");
        assertThatThrownBy(() -> new ReplicateStats(0, 10, 10, 10, 0)).hasMessageContaining("at least one run");
    }
}
