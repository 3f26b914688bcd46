package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    private static double exact(double[] sorted, double q) {
        return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
    }

    @Test
    void quantilesAreWithinTwoPercentOfTheRecordedDurations() {
        Random random = new Random(121);
        for (int run = 0; run < 20; run++) {
            LatencyHistogram h = new LatencyHistogram();
            double[] values = new double[1 + random.nextInt(20_000)];
            double median = Math.exp(random.nextGaussian() * 3);
            for (int i = 0; i < values.length; i++) {
                values[i] = median * Math.exp(random.nextGaussian() * 1.5); // log-normal, as query times are
                h.record(values[i]);
            }
            Arrays.sort(values);
            for (double q : new double[] {0.5, 0.95, 0.99, 1.0}) {
                double expected = exact(values, q);
                assertThat(h.quantile(q)).as("run %d, q %s, n %d", run, q, values.length)
                        .isCloseTo(expected, within(expected * 0.0197));
            }
        }
    }

    @Test
    void mergingTwoHistogramsAnswersAsOneThatSawEverything() {
        Random random = new Random(7);
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        LatencyHistogram all = new LatencyHistogram();
        for (int i = 0; i < 10_000; i++) {
            double ms = random.nextBoolean() ? random.nextDouble() * 5 : 100 + random.nextDouble() * 10_000;
            (i % 3 == 0 ? a : b).record(ms);
            all.record(ms);
        }
        a.merge(b);
        assertThat(a.count()).isEqualTo(10_000);
        for (double q : new double[] {0.01, 0.5, 0.95, 0.99}) {
            assertThat(a.quantile(q)).isEqualTo(all.quantile(q));
        }
    }

    @Test
    void aSpanWiderThanTheBucketsKeepsTheHighQuantilesAccurate() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 900; i++) {
            h.record(0.002); // 2 µs
        }
        for (int i = 0; i < 100; i++) {
            h.record(3_600_000.0 + i * 1000); // an hour: a 1.8e9-fold span
        }
        assertThat(h.quantile(0.99)).isCloseTo(3_698_000.0, within(3_698_000.0 * 0.02));
        // the folded low end reads as the lowest bucket kept: an hour / 1.04^255, not the 2 µs it was
        assertThat(h.quantile(0.5)).isLessThan(3_698_000.0 / Math.pow(LatencyHistogram.GAMMA, 254));
        assertThat(h.retainedBytes()).isLessThanOrEqualTo(56 + 16 + 4L * LatencyHistogram.MAX_BUCKETS);
    }

    @Test
    void zeroAndUnusableDurations() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.quantile(0.5)).isZero();
        h.record(0);
        h.record(Double.NaN);
        h.record(-1);
        h.record(Double.POSITIVE_INFINITY);
        h.record(10);
        assertThat(h.count()).isEqualTo(2);
        assertThat(h.quantile(0.5)).isZero();
        assertThat(h.quantile(1)).isEqualTo(10.0);
    }
}
