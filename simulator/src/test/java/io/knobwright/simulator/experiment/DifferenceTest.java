package io.knobwright.simulator.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DifferenceTest {

    @Test
    void aDifferenceWithinTheNoiseIsNoDifference() {
        // A: median 1000, noise 18%; B: 3% higher
        Difference d = Difference.of("A", new double[] {820, 1000, 1180}, "B", new double[] {1000, 1030, 1060});

        assertThat(d.verdict()).isEqualTo(Difference.Verdict.NO_DIFFERENCE);
        assertThat(d.noise()).isCloseTo(0.144, within(1e-9));
        assertThat(d.sentence()).isEqualTo("no difference: 3% is within the 14% run-to-run noise");
    }

    @Test
    void aDifferenceBeyondTheNoiseSaysWhichIsFasterAndByHowMuch() {
        Difference faster = Difference.of("A", new double[] {990, 1000, 1010}, "B", new double[] {1110, 1120, 1130});
        Difference slower = Difference.of("defaults", new double[] {990, 1000, 1010}, "work_mem=256MB",
                new double[] {600, 610, 620});

        assertThat(faster.verdict()).isEqualTo(Difference.Verdict.FASTER);
        assertThat(faster.change()).isCloseTo(0.12, within(1e-9));
        assertThat(faster.sentence()).isEqualTo("B is 12% faster than A");
        assertThat(slower.verdict()).isEqualTo(Difference.Verdict.SLOWER);
        assertThat(slower.sentence()).isEqualTo("work_mem=256MB is 39% slower than defaults");
    }

    @Test
    void singleRunsAreJudgedAgainstTheAssumedNoise() {
        Difference d = Difference.of("A", new double[] {1000}, "B", new double[] {1200});

        assertThat(d.noise()).isEqualTo(Difference.UNMEASURED_NOISE);
        assertThat(d.sentence()).isEqualTo("no difference: 20% is within the 25% run-to-run noise assumed for a single run");
        assertThat(Difference.of("A", new double[] {1000}, "B", new double[] {1300}).verdict())
                .isEqualTo(Difference.Verdict.FASTER);
    }

    @Test
    void aBaselineThatCompletedNothingCannotBeComparedWith() {
        assertThatThrownBy(() -> Difference.of("A", new double[] {0, 0}, "B", new double[] {5, 6}))
                .hasMessageContaining("A completed no transactions");
    }
}
