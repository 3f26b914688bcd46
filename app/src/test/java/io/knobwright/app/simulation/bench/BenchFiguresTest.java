package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Estimate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchFiguresTest {

    @Test
    void aChangeSmallerThanTheNoiseIsNoDifferenceAndALargerOneHasItsDirection() {
        double threshold = BenchFigures.noiseThreshold(0.10, 3, 3);
        // 1.2533 * 0.10 / sqrt(3) = 7.2% per median; 2 * sqrt(2) * 7.2% = 20.5% in log space
        assertThat(threshold).isCloseTo(0.2047, within(0.001));
        assertThat(BenchFigures.Direction.of(1.15, threshold)).isEqualTo(BenchFigures.Direction.NONE);
        assertThat(BenchFigures.Direction.of(1.30, threshold)).isEqualTo(BenchFigures.Direction.UP);
        assertThat(BenchFigures.Direction.of(0.75, threshold)).isEqualTo(BenchFigures.Direction.DOWN);
    }

    @Test
    void aReferenceOfMoreRunsNarrowsTheNoiseOfTheDifference() {
        // 3 held-out runs against the defaults' 5: 2 * 1.2533 * 0.10 * sqrt(1/3 + 1/5) = 18.3%
        assertThat(BenchFigures.noiseThreshold(0.10, 3, 5)).isCloseTo(0.1831, within(0.001))
                .isLessThan(BenchFigures.noiseThreshold(0.10, 3, 3))
                .isGreaterThan(BenchFigures.noiseThreshold(0.10, 5, 5));
    }

    @Test
    void aPredictedChangeWhereNothingMeasurableHappenedCountsAsWrong() {
        double threshold = BenchFigures.noiseThreshold(0.10, 3, 3);
        Estimate defaults = Estimate.relative(100, 0.2);
        BenchFigures.Outcome predictedUp = new BenchFigures.Outcome("c1", Estimate.relative(140, 0.2),
                new BenchFigures.Replicates(new double[] {101, 99, 104}));
        BenchFigures.Outcome predictedSame = new BenchFigures.Outcome("c2", Estimate.relative(103, 0.2),
                new BenchFigures.Replicates(new double[] {98, 102, 105}));

        assertThat(BenchFigures.directionRight(predictedUp, defaults, 100, threshold)).isFalse();
        assertThat(BenchFigures.directionRight(predictedSame, defaults, 100, threshold)).isTrue();
    }

    @Test
    void aPredictedChangeWithTheSignOfAMeasuredChangeBeyondTheNoiseIsRightWhateverItsSize() {
        double threshold = BenchFigures.noiseThreshold(0.10, 3, 3); // 20.5%
        assertThat(BenchFigures.directionRight(1.03, 1.40, threshold)).as("+3% predicted, +40% measured").isTrue();
        assertThat(BenchFigures.directionRight(0.97, 1.40, threshold)).as("-3% predicted, +40% measured").isFalse();
        assertThat(BenchFigures.directionRight(0.60, 0.70, threshold)).as("both down").isTrue();
        assertThat(BenchFigures.directionRight(1.10, 0.70, threshold)).as("up predicted, down measured").isFalse();
        assertThat(BenchFigures.directionRight(1.15, 0.90, threshold)).as("both within the noise").isTrue();
        assertThat(BenchFigures.directionRight(1.40, 1.10, threshold)).as("+40% where nothing measurable happened")
                .isFalse();
    }

    @Test
    void theStrictCountAlsoAsksThePredictedChangeToPassTheNoise() {
        Estimate defaults = Estimate.relative(100, 0.2);
        BenchFigures.Outcome small = new BenchFigures.Outcome("c1", Estimate.relative(103, 0.2),
                new BenchFigures.Replicates(new double[] {140, 141, 139}));

        BenchFigures.Summary s = BenchFigures.summarise(List.of(small), defaults, 100, 0.05, 0.1);

        assertThat(s.directionRight()).isEqualTo(1);
        assertThat(s.strictRight()).isZero();
    }

    @Test
    void summaryGivesMapeCoverageAndDirectionsOverThePredictedConfigurations() {
        Estimate defaults = Estimate.relative(100, 0.2);
        List<BenchFigures.Outcome> outcomes = List.of(
                new BenchFigures.Outcome("a", new Estimate(200, 180, 220), new BenchFigures.Replicates(new double[] {190, 210, 200})),
                new BenchFigures.Outcome("b", new Estimate(50, 45, 55), new BenchFigures.Replicates(new double[] {100, 100, 100})));

        BenchFigures.Summary s = BenchFigures.summarise(outcomes, defaults, 100, 0.05, 0.1);

        assertThat(s.mape()).isCloseTo((0 + 0.5) / 2, within(1e-9));
        assertThat(s.coverage()).isEqualTo(0.5);
        assertThat(s.directionRight()).as("a: up and up; b: predicted down, measured none").isEqualTo(1);
    }

    @Test
    void replicatesGiveTheirMedianAndCoefficientOfVariation() {
        BenchFigures.Replicates r = new BenchFigures.Replicates(new double[] {90, 110, 100});
        assertThat(r.median()).isEqualTo(100);
        assertThat(r.cv()).isCloseTo(0.10, within(1e-9));
        assertThat(BenchFigures.pooledCv(List.of(r, new BenchFigures.Replicates(new double[] {50})))).isCloseTo(0.10,
                within(1e-9));
    }
}
