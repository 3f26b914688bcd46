package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.policy.DurabilitySettings;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.value.Values;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constraints of decision 0149 hold on generated instances, workloads, settings, locks and options (decision
 * 0150). Each check recomputes what it checks from the answer and the shipped catalog, independently of the
 * recommender's own constraint classes.
 */
class RecommendationPropertiesTest {

    private static final double KB = 1024;
    private static final double MB = 1024 * KB;

    /**
     * Cases per property; the seeds are fixed, so every run checks the same cases and a failure replays.
     * {@code -Drecommend.cases=2000} runs a deeper search for counterexamples.
     */
    private static final int CASES = Integer.getInteger("recommend.cases", 100);
    private static final long FIRST_SEED = 14_0149L;

    @Test
    void everyRecommendationObeysEveryConstraint() {
        forEachCase(CASES, RecommendationPropertiesTest::obeysEveryConstraint);
    }

    @Test
    void theSameRequestAlwaysGetsTheSameAnswer() {
        forEachCase(Math.max(15, CASES / 6), request -> {
            RecommendationSet first = Requests.RECOMMENDER.recommend(request);
            RecommendationSet again = Recommender.builtIn().recommend(request);
            assertThat(again).isEqualTo(first);
        });
    }

    /** Runs the check on generated requests; a failure names the seed that rebuilds its request. */
    private static void forEachCase(int cases, java.util.function.Consumer<RecommendationRequest> check) {
        for (int i = 0; i < cases; i++) {
            long seed = FIRST_SEED + i;
            RecommendationRequest request = GeneratedRequests.request(seed);
            try {
                check.accept(request);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Case with seed " + seed + " (GeneratedRequests.request(" + seed + "L)): "
                        + describe(request) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String describe(RecommendationRequest r) {
        return r.catalog().engineVersion() + ", " + r.machine().cpus() + " CPUs, "
                + Texts.bytes(r.machine().memoryBytes()) + " RAM, " + r.workload().clients() + " clients, settings "
                + r.currentSettings() + ", locks " + r.locks() + ", " + r.options();
    }

    private static void obeysEveryConstraint(RecommendationRequest request) {
        RecommendationSet set = Requests.RECOMMENDER.recommend(request);
        ParameterCatalog catalog = request.catalog();
        Map<String, String> applied = new LinkedHashMap<>(request.currentSettings());

        assertThat(set.noChange()).isEqualTo(set.recommendations().isEmpty());
        for (Recommendation r : set.recommendations()) {
            ParameterSpec spec = catalog.find(r.parameter()).orElseThrow(() -> new AssertionError(
                    r.parameter() + " is not in the " + catalog.engineVersion() + " catalog"));
            assertThat(Values.problem(spec, r.to())).as("%s = %s valid on %s", r.parameter(), r.to(),
                    catalog.engineVersion()).isEmpty();
            String current = request.currentSettings().getOrDefault(r.parameter(), spec.defaultValue());
            assertThat(Values.same(spec, current, r.to())).as("%s = %s is already in force", r.parameter(), r.to())
                    .isFalse();
            for (LockRule lock : request.locks()) {
                assertThat(lock.parameter().matches(r.parameter())).as("%s touched despite lock %s", r.parameter(),
                        lock).isFalse();
            }
            if (!request.options().allowRestart()) {
                assertThat(spec.requiresRestart()).as("%s needs a restart, which was not allowed", r.parameter())
                        .isFalse();
            }
            boolean weakens = DurabilitySettings.weakening(r.parameter(), current, r.to()).isPresent();
            if (weakens) {
                assertThat(request.options().allowDurabilityTrade()).as("%s weakened without a trade allowed",
                        r.parameter()).isTrue();
                assertThat(r.dataLossWindow()).as("%s weakened without its loss spelled out", r.parameter())
                        .isNotBlank();
            }
            if (r.reason() == Recommendation.Reason.THROUGHPUT) {
                assertThat(r.effect().gain().low()).as("gain interval of %s above no change", r.parameter())
                        .isPositive();
                assertThat(r.effect().gain().mean()).isGreaterThanOrEqualTo(request.options().minimumGain());
            }
            assertThat(r.reasoning()).isNotBlank();
            applied.put(r.parameter(), r.to());
        }
        if (!set.noChange()) {
            assertThat(budget(catalog, applied, request)).as("memory of the recommended configuration within %s RAM",
                    request.machine().memoryBytes()).isLessThanOrEqualTo(request.machine().memoryBytes());
        }
    }

    /**
     * The budget formula of decision 0149, written out again from the values as the server reads them:
     * shared_buffers + work_mem x hash_mem_multiplier x (workers + 1) x active connections + autovacuum memory x
     * workers + wal_buffers + headroom.
     */
    static double budget(ParameterCatalog catalog, Map<String, String> settings, RecommendationRequest request) {
        double ram = request.machine().memoryBytes();
        double sb = bytes(catalog, settings, "shared_buffers");
        double wm = bytes(catalog, settings, "work_mem");
        double hmm = bytes(catalog, settings, "hash_mem_multiplier");
        double workers = bytes(catalog, settings, "max_parallel_workers_per_gather");
        double active = Math.max(1, Math.min(request.workload().clients(), bytes(catalog, settings, "max_connections")));
        double av = bytes(catalog, settings, "autovacuum_work_mem");
        double perWorker = av < 0 ? bytes(catalog, settings, "maintenance_work_mem") : av;
        double walBuffers = bytes(catalog, settings, "wal_buffers");
        double wal = walBuffers < 0 ? Math.min(Math.max(sb / 32, 64 * KB), 16 * MB) : walBuffers;
        double headroom = Math.min(Math.max(0.05 * ram, 256 * MB), 0.25 * ram);
        return sb + wm * hmm * (workers + 1) * active + perWorker * bytes(catalog, settings, "autovacuum_max_workers")
                + wal + headroom;
    }

    private static double bytes(ParameterCatalog catalog, Map<String, String> settings, String name) {
        ParameterSpec spec = catalog.find(name).orElseThrow();
        return CatalogValues.toModel(spec, settings.getOrDefault(name, spec.defaultValue()));
    }
}
