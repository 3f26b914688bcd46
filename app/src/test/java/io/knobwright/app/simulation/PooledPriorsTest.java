package io.knobwright.app.simulation;

import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.simulator.calibration.ObservedScenarios;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calibration that starts from priors pooled from other workloads on the same hardware class. The runs are synthetic:
 * the built-in model at a known θ (a host whose fsync, OS-cache copies and CPU differ from the defaults) with 3% noise,
 * on workloads rebuilt exactly as {@link ObservedScenarios} rebuilds them, so only θ is unknown.
 */
class PooledPriorsTest {

    private static final String HW = "2cpu-24GiB-ssd";
    private static final ModelParameters TRUTH = BuiltInModel.defaultParameters().with("cpuScale", 1.6)
            .with("fsyncScale", 0.25).with("osCacheCopyMs", 0.04).with("diskParallelism", 8);
    private static final PerformanceModel TRUE_MODEL = new BuiltInModel(TRUTH);

    /** The configurations every workload is measured under (settings, clients). */
    private static final List<Map<String, String>> CONFIGS = List.of(Map.of(), Map.of("shared_buffers", "2GB"),
            Map.of("synchronous_commit", "off"), Map.of("shared_buffers", "6GB", "synchronous_commit", "off"),
            Map.of("shared_buffers", "1GB", "work_mem", "64MB"));
    private static final int[] CLIENTS = {8, 8, 4, 16, 2};

    /** Observations in memory, as the store keeps them (ids ascending). */
    private static final class Observations implements ObservationRepository {
        final List<Observation> all = new ArrayList<>();
        private long ids;

        @Override
        public Observation add(Observation o) {
            Observation stored = o.withId(++ids);
            all.add(stored);
            return stored;
        }

        @Override
        public List<Observation> ofWorkload(String workloadKey) {
            return all.stream().filter(o -> o.workloadKey().equals(workloadKey)).toList();
        }

        @Override
        public List<Observation> ofInstance(long instanceId) {
            return all.stream().filter(o -> o.instanceId() == instanceId).toList();
        }

        @Override
        public List<Observation> ofHardwareClass(String hardwareClass, int limit) {
            List<Observation> in = all.stream().filter(o -> o.hardwareClass().equals(hardwareClass)).toList();
            return in.subList(Math.max(0, in.size() - limit), in.size());
        }
    }

    private static Map<String, Double> counters(int w) {
        return Map.of("pagesHitPerTx", 12.0 + 9 * w, "pagesReadPerTx", 1.0 + w, "tuplesReturnedPerTx", 5.0 + 4 * w,
                "tuplesUpdatedPerTx", 1.0 + w % 3, "walBytesPerTx", 400.0 + 150 * w, "dataBytes", (2.0 + w % 4) * (1L << 30));
    }

    private static Observation unmeasured(String workload, String hardwareClass, Map<String, String> settings, int clients,
                                          Map<String, Double> counters, double tps) {
        return new Observation(0, Instant.EPOCH, "sandbox:s", 0, workload, hardwareClass, settings, clients, counters, tps,
                2, 8, 0.03, 3, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The scenario of one run, rebuilt as the pool rebuilds it. */
    private static Scenario scenario(Observation o) {
        return ObservedScenarios.of(List.of(o)).scenario(o).orElseThrow();
    }

    /** Runs {@code configs} of workload {@code w}, measured at the true θ with 3% noise. */
    private static List<Observation> measure(Observations repo, String key, int w, String hardwareClass,
                                             PerformanceModel truth, List<Integer> configs, Random noise) {
        List<Observation> out = new ArrayList<>();
        for (int c : configs) {
            Observation draft = unmeasured(key, hardwareClass, CONFIGS.get(c), CLIENTS[c], counters(w), 1);
            double tps = truth.predict(scenario(draft)).throughput().mean() * Math.exp(0.03 * noise.nextGaussian());
            out.add(repo.add(unmeasured(key, hardwareClass, CONFIGS.get(c), CLIENTS[c], counters(w), tps)));
        }
        return out;
    }

    private static Observations foreign(int workloads, Random noise) {
        Observations repo = new Observations();
        for (int w = 0; w < workloads; w++) {
            measure(repo, "foreign-" + w, w, HW, TRUE_MODEL, List.of(0, 1, 2, 3, 4), noise);
        }
        return repo;
    }

    private static List<InstanceModels.MeasuredRun> runs(List<Observation> observations) {
        return observations.stream().map(o -> new InstanceModels.MeasuredRun(scenario(o), o)).toList();
    }

    /** Mean absolute log error of throughput over the held-out configurations of workload {@code w}. */
    private static double heldOutError(PerformanceModel model, int w, List<Integer> heldOut) {
        double sum = 0;
        for (int c : heldOut) {
            Scenario s = scenario(unmeasured("own", HW, CONFIGS.get(c), CLIENTS[c], counters(w), 1));
            sum += Math.abs(Math.log(model.predict(s).throughput().mean() / TRUE_MODEL.predict(s).throughput().mean()));
        }
        return sum / heldOut.size();
    }

    @Test
    void aNewWorkloadWithTwoRunsPredictsItsOtherConfigurationsBetterWithPriorsPooledFromItsHardwareClass() {
        Random noise = new Random(7);
        Observations repo = foreign(PooledPriors.MAX_WORKLOADS, noise);
        double pooledError = 0;
        double defaultError = 0;
        CalibratedInstanceModels pooling = CalibratedInstanceModels.builtIn(repo);
        for (int own = 20; own < 23; own++) {
            List<Observation> mine = measure(repo, "own-" + own, own, HW, TRUE_MODEL, List.of(0, 1), noise);
            repo.all.removeAll(mine); // the instance's own runs come with the request, not from the pool
            var pooled = pooling.model(runs(mine));
            var plain = CalibratedInstanceModels.builtIn().model(runs(mine));
            pooledError += heldOutError(pooled, own, List.of(2, 3, 4));
            defaultError += heldOutError(plain, own, List.of(2, 3, 4));
            String source = "priors pooled from " + PooledPriors.MAX_WORKLOADS + " other workloads on " + HW;
            assertThat(pooled.name()).endsWith("(" + source + ")");
            assertThat(pooled.predict(runs(mine).getFirst().scenario()).explain(Metric.THROUGHPUT_TPS).getLast().text())
                    .endsWith("; " + source);
            assertThat(plain.name()).doesNotContain("pooled");
        }
        System.out.printf("held-out mean |log error|: pooled %.3f, default priors %.3f%n", pooledError / 3,
                defaultError / 3);
        assertThat(pooledError).isLessThan(defaultError * 0.8);
    }

    @Test
    void observationsFromAnotherHardwareClassDoNotChangeThePriors() {
        Observations repo = foreign(3, new Random(3));
        PooledPriors before = new PooledPriors(repo, BuiltInModel::new, BuiltInModel.defaultParameters());
        PooledPriors.Pooled alone = before.priors(HW, Set.of("own"));

        PerformanceModel otherHost = new BuiltInModel(BuiltInModel.defaultParameters().with("fsyncScale", 4.0)
                .with("osCacheCopyMs", 0.005));
        for (int w = 0; w < 3; w++) {
            measure(repo, "elsewhere-" + w, w, "16cpu-128GiB-nvme", otherHost, List.of(0, 1, 2, 3, 4), new Random(w));
        }
        PooledPriors.Pooled withOthers = new PooledPriors(repo, BuiltInModel::new, BuiltInModel.defaultParameters())
                .priors(HW, Set.of("own"));

        assertThat(alone.workloads()).isEqualTo(3);
        assertThat(withOthers.priors()).isEqualTo(alone.priors());
        assertThat(withOthers.source()).isEqualTo("priors pooled from 3 other workloads on " + HW);
        assertThat(alone.priors()).isNotEqualTo(BuiltInModel.defaultParameters());
    }

    @Test
    void theWorkloadsOwnRunsAreNotItsPrior() {
        Observations repo = foreign(2, new Random(5));
        PooledPriors pool = new PooledPriors(repo, BuiltInModel::new, BuiltInModel.defaultParameters());

        assertThat(pool.priors(HW, Set.of("foreign-0")).workloads()).isEqualTo(1);
        assertThat(pool.priors(HW, Set.of("foreign-0", "foreign-1")).workloads()).isZero();
        assertThat(pool.priors(HW, Set.of("foreign-0", "foreign-1")).priors()).isEqualTo(BuiltInModel.defaultParameters());
    }

    @Test
    void unknownHardwareClassesAndUnreadableOldRunsAreSkippedNotFatal() {
        Observations repo = foreign(2, new Random(11));
        // a run of an older version whose setting text this one cannot read; a workload that counted nothing; one whose
        // settings do not fit the machine; rows filed under classes no machine has
        repo.add(unmeasured("foreign-0", HW, Map.of("shared_buffers", "lots"), 4, counters(0), 500));
        repo.add(unmeasured("no-counters", HW, Map.of(), 4, Map.of(), 500));
        repo.add(unmeasured("too-big", HW, Map.of("shared_buffers", "30GB"), 4, counters(1), 500));
        String hostile = "2cpu-24GiB-ssd'); DROP TABLE observation; --";
        repo.add(unmeasured("hostile", hostile, Map.of(), 4, counters(1), 500));
        repo.add(unmeasured("unknown", "?cpu-8GiB-unknown", Map.of(), 4, counters(1), 500));
        PooledPriors pool = new PooledPriors(repo, BuiltInModel::new, BuiltInModel.defaultParameters());

        assertThat(pool.priors(HW, Set.of("own")).workloads()).isEqualTo(2);
        assertThat(pool.priors(hostile, Set.of("own")).workloads()).isZero();
        assertThat(pool.priors("?cpu-8GiB-unknown", Set.of("own")).workloads()).isZero();
        assertThat(pool.priors("?cpu-8GiB-unknown", Set.of("own")).priors()).isEqualTo(BuiltInModel.defaultParameters());
    }

    @Test
    void otherWorkloadsAreCalibratedOnceUntilTheirRunsChange() {
        Random noise = new Random(13);
        Observations repo = foreign(10, noise);
        List<Observation> mine = measure(repo, "own", 30, HW, TRUE_MODEL, List.of(0, 1), noise);
        repo.all.removeAll(mine);
        AtomicInteger built = new AtomicInteger();
        Function<ModelParameters, PerformanceModel> counting = theta -> {
            built.incrementAndGet();
            return new BuiltInModel(theta);
        };
        CalibratedInstanceModels models = new CalibratedInstanceModels(counting, BuiltInModel.defaultParameters(), repo);

        long started = System.nanoTime();
        models.model(runs(mine));
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        int first = built.getAndSet(0);
        started = System.nanoTime();
        models.model(runs(mine));
        long secondMs = (System.nanoTime() - started) / 1_000_000;
        int second = built.getAndSet(0);
        measure(repo, "foreign-9", 9, HW, TRUE_MODEL, List.of(2), noise);
        models.model(runs(mine));
        int afterNewRun = built.getAndSet(0);
        System.out.printf("10 other workloads x 5 runs (" + PooledPriors.MAX_WORKLOADS + " pooled): first calibration %d ms (%d models), cached %d ms (%d models)%n",
                firstMs, first, secondMs, second);

        assertThat(second).isLessThan(first / 5);
        assertThat(afterNewRun).isGreaterThan(second).isLessThan(first * 2 / 3);
    }

    @Test
    void onlyTheMostRecentlyMeasuredOtherWorkloadsArePooled() {
        Observations repo = foreign(PooledPriors.MAX_WORKLOADS + 2, new Random(17));
        PooledPriors pool = new PooledPriors(repo, BuiltInModel::new, BuiltInModel.defaultParameters());

        assertThat(pool.priors(HW, Set.of("own")).workloads()).isEqualTo(PooledPriors.MAX_WORKLOADS);
        // the two oldest are the ones left out: leaving a newer one out changes the priors, an older one does not
        assertThat(pool.priors(HW, Set.of("own", "foreign-0")).priors()).isEqualTo(pool.priors(HW, Set.of("own")).priors());
        assertThat(pool.priors(HW, Set.of("own", "foreign-5")).priors()).isNotEqualTo(pool.priors(HW, Set.of("own")).priors());
    }
}
