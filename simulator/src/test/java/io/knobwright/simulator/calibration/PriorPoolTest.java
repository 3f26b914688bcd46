package io.knobwright.simulator.calibration;

import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.model.ModelParameters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Priors pooled from other workloads on the same hardware class. */
class PriorPoolTest {

    private static final String HW = "2cpu-8GiB-ssd";

    private static PriorPool agreeing(int workloads) {
        PriorPool pool = PriorPool.empty();
        for (int w = 0; w < workloads; w++) {
            double cpu = 1.5 * (1 + 0.02 * ((w % 3) - 1));
            pool = pool.with(HW, "w" + w, ToyModel.PRIORS.with("cpuScale", cpu), Set.of("cpuScale"));
        }
        return pool;
    }

    private static ModelParameters.Prior cpu(ModelParameters p) {
        return p.values().get("cpuScale");
    }

    @Test
    void agreeingWorkloadsCentreThePriorOnTheirValueAndNarrowItAsTheyAccumulate() {
        ModelParameters.Prior one = cpu(agreeing(1).priors(HW, ToyModel.PRIORS));
        ModelParameters.Prior three = cpu(agreeing(3).priors(HW, ToyModel.PRIORS));
        ModelParameters.Prior ten = cpu(agreeing(10).priors(HW, ToyModel.PRIORS));

        assertThat(one.priorLogSd()).isLessThan(0.5);
        assertThat(three.priorLogSd()).isLessThan(one.priorLogSd());
        assertThat(ten.priorLogSd()).isLessThan(three.priorLogSd()).isLessThan(0.2);
        assertThat(ten.priorMedian()).isCloseTo(1.5, within(0.05));
        assertThat(ten.value()).isEqualTo(ten.priorMedian());
        assertThat(one.priorMedian()).isBetween(1.0, 1.5);
    }

    @Test
    void disagreeingWorkloadsKeepThePriorWide() {
        PriorPool pool = PriorPool.empty();
        double[] fitted = {0.5, 2.0, 0.6, 1.8, 1.0, 0.4};
        for (int w = 0; w < fitted.length; w++) {
            pool = pool.with(HW, "w" + w, ToyModel.PRIORS.with("cpuScale", fitted[w]), Set.of("cpuScale"));
        }

        assertThat(cpu(pool.priors(HW, ToyModel.PRIORS)).priorLogSd()).isGreaterThan(cpu(agreeing(6)
                .priors(HW, ToyModel.PRIORS)).priorLogSd() * 3).isGreaterThan(0.4);
    }

    @Test
    void otherHardwareTheWorkloadItselfAndUninformedConstantsTeachNothing() {
        PriorPool pool = agreeing(4).with("64cpu-512GiB-nvme", "big", ToyModel.PRIORS.with("ioScale", 0.1),
                Set.of("ioScale"));

        ModelParameters priors = pool.priors(HW, ToyModel.PRIORS);
        assertThat(priors.values().get("ioScale")).isEqualTo(ToyModel.PRIORS.values().get("ioScale"));
        assertThat(priors.values().get("unusedConstant")).isEqualTo(ToyModel.PRIORS.values().get("unusedConstant"));
        assertThat(pool.workloads(HW)).isEqualTo(4);
        assertThat(pool.workloads("64cpu-512GiB-nvme")).isEqualTo(1);

        PriorPool single = PriorPool.empty().with(HW, "me", ToyModel.PRIORS.with("cpuScale", 3), Set.of("cpuScale"));
        assertThat(single.priors(HW, ToyModel.PRIORS, "me")).isEqualTo(ToyModel.PRIORS);
        assertThat(single.with(HW, "me", ToyModel.PRIORS.with("cpuScale", 1.1), Set.of("cpuScale")).workloads(HW))
                .as("a workload fitted again replaces its earlier fit").isEqualTo(1);
    }

    @Test
    void storedObservationsOfOtherWorkloadsSharpenANewWorkloadsFit() {
        // four workloads on the same hardware, all running 1.5x the CPU the toy model assumes
        List<Observation> observations = new ArrayList<>();
        var truth = ToyModel.at(1.5, 1.0);
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 4; i++) {
                double sb = 1100 + 100 * i;
                int clients = 1 + w + i;
                double tps = truth.predict(ToyModel.scenario("x", sb, clients)).throughput().mean();
                observations.add(new Observation(0, Instant.EPOCH, "sandbox:s", 0, "w" + w, HW,
                        Map.of("shared_buffers", sb + "MB"), clients, Map.of(), tps, 1, 2, 0.05, 3, Double.NaN,
                        Double.NaN, Double.NaN));
            }
        }
        observations.add(new Observation(0, Instant.EPOCH, "sandbox:s", 0, "failed", HW, Map.of(), 1, Map.of(), 0, 1, 2,
                0, 1, Double.NaN, Double.NaN, Double.NaN));
        PriorPool pool = PriorPool.of(observations, o -> ToyModel.scenario("x",
                Double.parseDouble(o.settings().get("shared_buffers").replace("MB", "")), o.clients()),
                new Calibrator(ToyModel::new, ToyModel.PRIORS));

        assertThat(pool.workloads(HW)).as("the run that measured nothing is skipped").isEqualTo(4);
        ModelParameters pooled = pool.priors(HW, ToyModel.PRIORS);
        assertThat(cpu(pooled).priorMedian()).isCloseTo(1.5, within(0.1));

        // one noisy run of a new workload: the pooled prior lands it nearer the truth than the default does
        var one = List.of(new CalibrationPoint(ToyModel.scenario("new", 1500, 3),
                truth.predict(ToyModel.scenario("new", 1500, 3)).throughput().mean() * 1.15, Double.NaN, 0.25, 1));
        double withDefault = new Calibrator(ToyModel::new, ToyModel.PRIORS).calibrate(one).parameters().get("cpuScale");
        double withPool = new Calibrator(ToyModel::new, pooled).calibrate(one).parameters().get("cpuScale");
        assertThat(Math.abs(Math.log(withPool / 1.5))).isLessThan(Math.abs(Math.log(withDefault / 1.5)));
    }
}
