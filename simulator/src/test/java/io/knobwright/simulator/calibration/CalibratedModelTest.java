package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a calibrated model answers beside the base model's numbers. */
class CalibratedModelTest {

    private final Calibrator calibrator = new Calibrator(ToyModel::new, ToyModel.PRIORS);

    @Test
    void aConstantBiasRaisesThroughputAndLowersLatencyByTheSameFactor() {
        // 20% faster than any constant allows: cpuScale's prior keeps the fit from taking all of it
        List<CalibrationPoint> points = CalibratorTest.measure(ToyModel.at(1, 1), CalibratorTest.sweep(6, 21),
                p -> Math.log(1.2), 0.05, 5, null);
        CalibratedModel model = calibrator.calibrate(points);
        Scenario s = ToyModel.scenario("candidate", 400, 6);

        Prediction base = model.base().predict(s);
        Prediction calibrated = model.predict(s);
        double factor = calibrated.throughput().mean() / base.throughput().mean();

        assertThat(calibrated.throughput().mean()).isCloseTo(1.2 * ToyModel.at(1, 1).predict(s).throughput().mean(),
                within(0.05 * calibrated.throughput().mean()));
        assertThat(calibrated.get(Metric.LATENCY_P95_MS).orElseThrow().mean())
                .isCloseTo(base.get(Metric.LATENCY_P95_MS).orElseThrow().mean() / factor, within(1e-6));
        assertThat(calibrated.get(Metric.BUFFER_HIT_RATIO)).isEqualTo(base.get(Metric.BUFFER_HIT_RATIO));
        assertThat(calibrated.features()).isEqualTo(base.features());
        Estimate p95 = calibrated.get(Metric.LATENCY_P95_MS).orElseThrow();
        Estimate baseP95 = base.get(Metric.LATENCY_P95_MS).orElseThrow();
        assertThat(p95.high() / p95.mean()).as("latency keeps its own doubt, widened").isGreaterThan(baseP95.high() / baseP95.mean());
    }

    @Test
    void aScenarioFarFromEveryRunGetsAFiniteWideIntervalInsteadOfFailing() {
        // runs that barely differ (shared_buffers 128 MB give or take 20 kB), then a question far outside them: the
        // linear correction's variance grew with the square of the distance until the interval held Infinity
        List<CalibrationPoint> points = CalibratorTest.measure(ToyModel.at(1.2, 0.8), List.of(
                ToyModel.scenario("a", 128, 4), ToyModel.scenario("b", 128.01, 4), ToyModel.scenario("c", 128.02, 4)),
                p -> 0, 0.05, 3, null);
        CalibratedModel model = calibrator.calibrate(points);
        Scenario far = ToyModel.scenario("far", 1024, 4);

        Estimate tps = model.predict(far).throughput();

        assertThat(tps.high()).isFinite();
        assertThat(tps.low()).isPositive();
        assertThat(tps.mean() / model.base().predict(far).throughput().mean()).isBetween(0.25, 4.0);
        assertThat(tps.high() / tps.low()).as("the doubt is shown, and bounded").isBetween(1.5, 40.0);
    }

    @Test
    void moreRunsNarrowTheInterval() {
        Scenario s = ToyModel.scenario("candidate", 400, 6);
        Estimate fromThree = calibrator.calibrate(CalibratorTest.measure(ToyModel.at(1.2, 0.8),
                CalibratorTest.sweep(3, 22), p -> 0, 0.15, 3, new Random(22))).predict(s).throughput();
        Estimate fromTwenty = calibrator.calibrate(CalibratorTest.measure(ToyModel.at(1.2, 0.8),
                CalibratorTest.sweep(20, 23), p -> 0, 0.15, 3, new Random(23))).predict(s).throughput();

        assertThat(fromTwenty.high() / fromTwenty.low()).isLessThan(fromThree.high() / fromThree.low());
        assertThat(fromTwenty.covers(ToyModel.at(1.2, 0.8).predict(s).throughput().mean())).isTrue();
    }

    @Test
    void aSweepPredictsWhatSinglePredictionsDo() {
        CalibratedModel model = calibrator.calibrate(CalibratorTest.measure(ToyModel.at(1.2, 0.8),
                CalibratorTest.sweep(9, 24), p -> 0, 0.1, 3, new Random(24)));
        List<Scenario> sweep = CalibratorTest.sweep(5, 25);

        assertThat(model.predictAll(sweep)).isEqualTo(sweep.stream().map(model::predict).toList());
        assertThat(model.runs()).isEqualTo(9);
        assertThat(model.correctionKind()).isEqualTo("Gaussian process");
    }

    @Test
    void runsOfOneConfigurationOnlyMoveTheLevel() {
        // nothing varies between the runs, so no feature is left for the Gaussian process: it learns the level alone
        Scenario s = ToyModel.scenario("today", 256, 4);
        double truth = ToyModel.at(1, 1).predict(s).throughput().mean() * 0.8;
        List<CalibrationPoint> same = java.util.stream.IntStream.range(0, 9)
                .mapToObj(i -> new CalibrationPoint(s, truth * (1 + 0.02 * (i % 3 - 1)), Double.NaN, 0.05, 3)).toList();

        CalibratedModel model = calibrator.calibrate(same);

        assertThat(model.correctionKind()).isEqualTo("Gaussian process");
        assertThat(model.predict(s).throughput().mean()).isCloseTo(truth, within(0.03 * truth));
        assertThat(model.predict(s).throughput().covers(truth)).isTrue();
    }

    @Test
    void oneRunIsEnoughToCalibrateAndTheNameSaysSo() {
        CalibratedModel model = calibrator.calibrate(List.of(new CalibrationPoint(ToyModel.scenario("only", 256, 4), 900,
                Double.NaN, 0, 1)));

        assertThat(model.name()).isEqualTo("toy, calibrated on 1 run");
        assertThat(model.predict(ToyModel.scenario("only", 256, 4)).explain(Metric.THROUGHPUT_TPS).getLast().text())
                .startsWith("calibrated on 1 run of this workload");
    }
}
