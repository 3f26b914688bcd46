package io.knobwright.simulator.calibration;

import io.knobwright.model.simulation.Observation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationPointTest {

    private static final io.knobwright.simulator.model.Scenario S = ToyModel.scenario("s", 128, 4);

    @Test
    void aRunThatMeasuredNothingOrNonsenseCannotCalibrate() {
        assertThatThrownBy(() -> new CalibrationPoint(S, 0, 1, 0.1, 3)).hasMessageContaining("cannot calibrate");
        assertThatThrownBy(() -> new CalibrationPoint(S, Double.NaN, 1, 0.1, 3)).hasMessageContaining("positive, finite");
        assertThatThrownBy(() -> new CalibrationPoint(S, 10, 1, -0.1, 3)).hasMessageContaining("noise");
        assertThatThrownBy(() -> new CalibrationPoint(S, 10, 1, 0.1, 0)).hasMessageContaining("at least one run");
        assertThatThrownBy(() -> new CalibrationPoint(S, 10, -1, 0.1, 1)).hasMessageContaining("p95");
        assertThatThrownBy(() -> new CalibrationPoint(null, 10, 1, 0.1, 1)).isInstanceOf(NullPointerException.class);
        assertThat(new CalibrationPoint(S, 10, Double.NaN, 0.1, 1).measuredP95Ms()).isNaN();
    }

    @Test
    void moreReplicatesMakeAMedianMoreCertainAndOneRunAssumesTheKnownNoise() {
        CalibrationPoint one = new CalibrationPoint(S, 100, 5, 0, 1);
        CalibrationPoint three = new CalibrationPoint(S, 100, 5, 0.25, 3);
        CalibrationPoint nine = new CalibrationPoint(S, 100, 5, 0.25, 9);

        assertThat(one.runNoise()).isEqualTo(CalibrationPoint.UNKNOWN_NOISE);
        assertThat(Math.sqrt(one.logVariance())).isCloseTo(0.25 / 1.2816, within(1e-3));
        assertThat(three.logVariance()).isLessThan(one.logVariance());
        assertThat(nine.logVariance()).isCloseTo(three.logVariance() / 3, within(1e-12));
        assertThat(new CalibrationPoint(S, 100, 5, 0, 5).runNoise()).as("agreeing replicates are not perfect")
                .isEqualTo(CalibrationPoint.NOISE_FLOOR);
    }

    @Test
    void replicatedRunsBecomeAPointWithTheirMedianAndNoise() {
        var stats = io.knobwright.simulator.experiment.ReplicateStats.of(900, 1000, 1100);

        CalibrationPoint p = CalibrationPoint.of(S, stats, 12.5);

        assertThat(p.measuredTps()).isEqualTo(1000);
        assertThat(p.noise()).isEqualTo(stats.noise()).isPositive();
        assertThat(p.replicates()).isEqualTo(3);
        assertThat(p.measuredP95Ms()).isEqualTo(12.5);
    }

    @Test
    void aStoredObservationBecomesAPoint() {
        Observation o = new Observation(1, Instant.EPOCH, "sandbox:x", 0, "w", "hw", Map.of(), 4, Map.of(), 812, 3, Double.NaN,
                Double.NaN, 3, Double.NaN, Double.NaN, Double.NaN);

        CalibrationPoint p = CalibrationPoint.of(o, S);

        assertThat(p.measuredTps()).isEqualTo(812);
        assertThat(p.measuredP95Ms()).isNaN();
        assertThat(p.noise()).isZero();
        assertThat(p.replicates()).isEqualTo(3);
    }
}
