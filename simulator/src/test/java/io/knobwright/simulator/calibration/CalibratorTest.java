package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Calibration of the toy model against synthetic runs whose truth is known. */
class CalibratorTest {

    private final Calibrator calibrator = new Calibrator(ToyModel::new, ToyModel.PRIORS);

    /** Runs of {@code truth} on each scenario, times exp(bias) and a log-normal measurement error of the stated noise. */
    static List<CalibrationPoint> measure(PerformanceModel truth, List<Scenario> scenarios, ToDoubleFunction<Prediction> bias,
                                          double noise, int replicates, Random random) {
        List<CalibrationPoint> points = new ArrayList<>();
        for (Scenario s : scenarios) {
            Prediction p = truth.predict(s);
            CalibrationPoint clean = new CalibrationPoint(s, 1, Double.NaN, noise, replicates);
            double error = random == null ? 0 : random.nextGaussian() * Math.sqrt(clean.logVariance());
            double tps = p.throughput().mean() * Math.exp(bias.applyAsDouble(p) + error);
            points.add(new CalibrationPoint(s, tps, p.get(Metric.LATENCY_P95_MS).orElseThrow().mean(), noise, replicates));
        }
        return points;
    }

    /** shared_buffers from 64 MB to 1.5 GB (miss ratio 94% to 0%) at 1-16 clients: CPU and I/O separate. */
    static List<Scenario> sweep(int count, long seed) {
        Random random = new Random(seed);
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double sb = 64 + random.nextDouble() * 1400;
            int clients = 1 + random.nextInt(16);
            out.add(ToyModel.scenario("c" + i, sb, clients));
        }
        return out;
    }

    @Test
    void fitRecoversTheConstantsThatMadeTheRuns() {
        List<CalibrationPoint> points = measure(ToyModel.at(1.4, 0.6), sweep(6, 1), p -> 0, 0.01, 5, null);

        CalibratedModel model = calibrator.calibrate(points);

        assertThat(model.parameters().get("cpuScale")).isCloseTo(1.4, within(0.05));
        assertThat(model.parameters().get("ioScale")).isCloseTo(0.6, within(0.03));
        assertThat(model.fittedConstants()).containsExactlyInAnyOrder("cpuScale", "ioScale");
    }

    @Test
    void constantsNoRunCanMoveKeepTheirPriorValue() {
        List<CalibrationPoint> points = measure(ToyModel.at(1.4, 0.6), sweep(4, 2), p -> 0, 0.05, 3, null);

        CalibratedModel model = calibrator.calibrate(points);

        assertThat(model.fittedConstants()).doesNotContain("spillScale", "unusedConstant");
        assertThat(model.parameters().get("spillScale")).isEqualTo(1.0);
        assertThat(model.parameters().get("unusedConstant")).isEqualTo(1.0);
    }

    @Test
    void aCalibratedPredictionSaysSoAndExplainsTheCorrection() {
        List<Scenario> scenarios = List.of(ToyModel.scenario("a", 64, 2), ToyModel.scenario("b", 300, 8),
                ToyModel.scenario("c", 600, 1), ToyModel.scenario("d", 900, 16), ToyModel.scenario("e", 1200, 4));
        List<CalibrationPoint> points = measure(ToyModel.at(1.4, 0.6), scenarios, p -> 0, 0.05, 3, null);

        CalibratedModel model = calibrator.calibrate(points);
        Prediction p = model.predict(ToyModel.scenario("candidate", 512, 8));

        assertThat(model.name()).isEqualTo("toy, calibrated on 5 runs");
        assertThat(p.model()).isEqualTo(model.name());
        assertThat(p.explanations()).extracting(Explanation::mechanism).containsExactly("toy queue", "calibration");
        String text = p.explain(Metric.THROUGHPUT_TPS).getLast().text();
        assertThat(text).startsWith("calibrated on 5 runs of this workload: model constants ")
                .contains("cpuScale 1.4×").contains("ioScale 0.6").contains("residual correction ")
                .contains("Bayesian linear model");
        assertThat(model.correctionKind()).isEqualTo("Bayesian linear model");
    }

    @Test
    void pooledPriorsAreNamedInTheModelAndItsExplanation() {
        List<Scenario> scenarios = List.of(ToyModel.scenario("a", 64, 2), ToyModel.scenario("b", 300, 8));
        List<CalibrationPoint> points = measure(ToyModel.at(1.4, 0.6), scenarios, p -> 0, 0.05, 3, null);
        Calibrator pooled = new Calibrator(ToyModel::new, ToyModel.PRIORS,
                "priors pooled from 4 other workloads on 2cpu-24GiB-ssd");

        CalibratedModel model = pooled.calibrate(points);

        assertThat(model.name()).isEqualTo("toy, calibrated on 2 runs (priors pooled from 4 other workloads on 2cpu-24GiB-ssd)");
        assertThat(model.predict(ToyModel.scenario("c", 512, 4)).explain(Metric.THROUGHPUT_TPS).getLast().text())
                .startsWith("calibrated on 2 runs of this workload")
                .endsWith("; priors pooled from 4 other workloads on 2cpu-24GiB-ssd");
    }

    @Test
    void theCorrectionLearnsABiasTheConstantsCannotExplain() {
        // the truth is 30% slower whenever a lot of reads miss: no constant of the toy model makes that shape
        ToDoubleFunction<Prediction> bias = p -> p.features().get("missRatio") > 0.5 ? Math.log(0.7) : 0;
        List<Scenario> train = sweep(16, 4);
        List<CalibrationPoint> points = measure(ToyModel.at(1.2, 0.8), train, bias, 0.03, 3, new Random(4));
        List<CalibrationPoint> test = measure(ToyModel.at(1.2, 0.8), sweep(20, 44), bias, 0.03, 3, null);

        CalibratedModel model = calibrator.calibrate(points);
        double corrected = 0;
        double uncorrected = 0;
        for (CalibrationPoint t : test) {
            corrected += Math.abs(model.predict(t.scenario()).throughput().mean() / t.measuredTps() - 1);
            uncorrected += Math.abs(model.base().predict(t.scenario()).throughput().mean() / t.measuredTps() - 1);
        }

        assertThat(model.correctionKind()).isEqualTo("Gaussian process");
        assertThat(corrected / test.size()).isLessThan(0.6 * uncorrected / test.size()).isLessThan(0.08);
    }

    @Test
    void fiveRunsThatAgreeByChanceDoNotMakeTheIntervalNarrowerThanTheModelsMisfit() {
        // the truth wanders +-25% from the model in a way no feature explains, and each run's replicates agreed
        // closely (2% noise): the intervals must still cover most new measurements, as on the real bench they did not
        ToDoubleFunction<Prediction> wander = p -> 0.25 * Math.sin(p.throughput().mean());
        List<CalibrationPoint> points = measure(ToyModel.at(1.2, 0.8), sweep(5, 7), wander, 0.02, 3, null);
        List<CalibrationPoint> fresh = measure(ToyModel.at(1.2, 0.8), sweep(40, 70), wander, 0.02, 3, null);

        CalibratedModel model = calibrator.calibrate(points);
        long covered = fresh.stream().filter(t -> model.predict(t.scenario()).throughput().covers(t.measuredTps())).count();

        // intervals from the correction alone covered 8% here; five runs estimate the misfit roughly, hence not 80%
        assertThat(covered / (double) fresh.size()).isGreaterThanOrEqualTo(0.6);
        assertThat(Calibrator.misfitVariance(new double[]{0.1, -0.1, 0.2}, 1)).isCloseTo(0.03, within(1e-12));
    }

    @Test
    void heldOutCoverageOfTheEightyPercentIntervalIsNearEighty() {
        int covered = 0;
        int total = 0;
        double mape = 0;
        for (long seed = 10; seed < 13; seed++) {
            List<CalibrationPoint> points = measure(ToyModel.at(1.3, 0.7), sweep(12, seed), p -> 0, 0.15, 3,
                    new Random(seed));
            HeldOutError error = calibrator.heldOut(points);
            covered += (int) Math.round(error.coverage80() * error.n());
            total += error.n();
            mape += error.mape() / 3;
        }
        double coverage = covered / (double) total;
        System.out.println("held-out 80% coverage over " + total + " runs: " + coverage + ", MAPE " + mape);

        assertThat(coverage).isBetween(0.68, 0.95);
        assertThat(mape).isLessThan(0.15);
    }

    @Test
    void heldOutWithFewRunsSaysTheMeasureIsNotYetThere() {
        List<CalibrationPoint> points = measure(ToyModel.at(1.3, 0.7), sweep(2, 5), p -> 0, 0.1, 3, null);

        HeldOutError error = calibrator.heldOut(points);

        assertThat(error.mape()).isNaN();
        assertThat(error.coverage80()).isNaN();
        assertThat(error.summary()).isEqualTo("2 measured runs: held-out error needs at least 3");
    }

    @Test
    void heldOutGetsTheDirectionOfLargeChangesRight() {
        // up 72%, 56%, 37%; 3% down and 0.1% up are no difference at 10% noise
        List<Scenario> scenarios = List.of(ToyModel.scenario("current", 128, 8), ToyModel.scenario("big", 1200, 8),
                ToyModel.scenario("bigger", 1000, 8), ToyModel.scenario("small", 64, 8),
                ToyModel.scenario("same", 130, 8), ToyModel.scenario("mid", 700, 8));
        List<CalibrationPoint> points = measure(ToyModel.at(1.3, 0.7), scenarios, p -> 0, 0.1, 3, null);

        HeldOutError error = calibrator.heldOut(points);

        assertThat(error.n()).isEqualTo(6);
        assertThat(error.directionRight()).isEqualTo(1.0);
        assertThat(error.mape()).isLessThan(0.15);
        assertThat(error.points().getFirst().directionRight()).as("the reference has no change").isFalse();
        assertThat(error.summary()).startsWith("held out over 6 runs: throughput off by ");
    }

    @Test
    void aReferenceOutsideTheRunsIsRefused() {
        List<CalibrationPoint> points = measure(ToyModel.at(1.3, 0.7), sweep(3, 7), p -> 0, 0.1, 3, null);

        assertThatThrownBy(() -> calibrator.heldOut(points, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of the 3 runs");
        assertThatThrownBy(() -> calibrator.calibrate(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one measured run");
    }

    @Test
    void aModelThatCannotPriceARunSaysWhich() {
        PerformanceModel broken = new PerformanceModel() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Prediction predict(Scenario s) {
                Prediction p = new ToyModel(ToyModel.PRIORS).predict(s);
                return new Prediction(s.name(), java.util.Map.of(Metric.THROUGHPUT_TPS,
                        io.knobwright.simulator.model.Estimate.exact(0)), List.of(), List.of(), "broken", p.features());
            }
        };
        Calibrator c = new Calibrator(theta -> broken, ToyModel.PRIORS);
        List<CalibrationPoint> points = List.of(new CalibrationPoint(ToyModel.scenario("zero", 128, 1), 100, 5, 0.1, 3));

        assertThatThrownBy(() -> c.calibrate(points)).isInstanceOf(SimulationException.class)
                .hasMessageContaining("broken predicts 0.0 tps for zero");
    }

    @Test
    void theSameRunsGiveTheSameModel() {
        List<CalibrationPoint> points = measure(ToyModel.at(1.1, 0.9), sweep(9, 8), p -> 0, 0.1, 3, new Random(8));
        Scenario s = ToyModel.scenario("candidate", 300, 4);

        assertThat(calibrator.calibrate(points).predict(s)).isEqualTo(calibrator.calibrate(points).predict(s));
    }
}
