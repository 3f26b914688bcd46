package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.policy.DurabilitySettings;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.value.Values;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflict resolution (decision 0154) on generated day/night workloads (decision 0150's seeded loops): the same input
 * gives the same resolution whatever the windows' order and with a fresh recommender; every window's resolved
 * configuration obeys the constraints of decision 0149, checked again from the values; parameters that need a restart
 * are never switched by the clock or set per role.
 */
class WindowResolutionPropertiesTest {

    private static final int CASES = Integer.getInteger("recommend.windows.cases", 50);
    private static final long FIRST_SEED = 14_0154L;
    private static final double MB = 1024.0 * 1024;

    /** The base request (instance, settings, locks, options) with a day window and a night batch, sometimes an evening. */
    record DayAndNight(RecommendationRequest request, List<WorkloadWindow> windows) {
    }

    static DayAndNight dayAndNight(long seed) {
        RecommendationRequest base = GeneratedRequests.request(seed);
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        WorkloadShape day = base.workload();
        List<QueryClass> reports = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
            double input = Math.exp(r.nextDouble(Math.log(32), Math.log(2048))) * MB;
            boolean sort = r.nextBoolean();
            reports.add(new QueryClass("report " + i, 1, r.nextDouble(20, 2000), r.nextDouble(1000, 100_000),
                    sort ? input : 0, sort ? 0 : input, 0, 0, false));
        }
        WorkloadShape night = new WorkloadShape("nightly batch", reports, day.dataBytes(), r.nextDouble(1.2),
                1 + r.nextInt(8), 0, 0);
        int attribution = r.nextInt(4);
        List<WorkloadWindow> windows = new ArrayList<>();
        boolean evening = r.nextInt(3) == 0;
        windows.add(window(hours(7, evening ? 19 : 1), evening ? 0.5 : 0.75, "app", "shop", attribution, day));
        if (evening) {
            windows.add(window(hours(19, 1), 0.25, "web", "shop", attribution,
                    day.withClients(Math.max(1, day.clients() / 3))));
        }
        windows.add(window(hours(1, 7), 0.25, "batch", "reports", attribution, night));
        return new DayAndNight(base, windows);
    }

    /** 0: nothing known of roles; 1: one role per window; 2: one role, one database per window; 3: mixed roles. */
    private static WorkloadWindow window(List<Integer> hours, double weight, String role, String database,
                                         int attribution, WorkloadShape shape) {
        Map<String, Double> roles = switch (attribution) {
            case 1 -> Map.of(role, 10.0);
            case 2 -> Map.of("app", 10.0);
            case 3 -> Map.of(role, 6.0, "other", 4.0);
            default -> Map.of();
        };
        Map<String, Double> databases = attribution == 2 ? Map.of(database, 10.0) : Map.of();
        return new WorkloadWindow(new DayWindow(hours, weight, shape.clients(), 100, 0.2, 0, roles, databases), shape);
    }

    private static List<Integer> hours(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int h = from; h != to; h = (h + 1) % 24) {
            out.add(h);
        }
        return out;
    }

    @Test
    void theSameDayAndNightAlwaysGetTheSameResolution() {
        int conflicts = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = FIRST_SEED + i;
            DayAndNight c = dayAndNight(seed);
            ConflictResolver.Outcome first = new WindowedRecommender(Requests.RECOMMENDER).resolve(c.request(),
                    c.windows());
            List<WorkloadWindow> shuffled = new ArrayList<>(c.windows().reversed());
            java.util.Collections.rotate(shuffled, (int) (seed % shuffled.size()));
            ConflictResolver.Outcome again = new WindowedRecommender(Recommender.builtIn()).resolve(c.request(),
                    shuffled);
            assertThat(again.conflicts()).as("seed %d", seed).isEqualTo(first.conflicts());
            assertThat(again.configs()).as("seed %d", seed).isEqualTo(first.configs());
            conflicts += first.conflicts().size();
        }
        assertThat(conflicts).as("the generated days have conflicts to resolve").isPositive();
    }

    @Test
    void everyResolvedWindowConfigurationObeysEveryConstraintAndRestartsNeverFollowTheClock() {
        Map<WindowConflict.Resolution, Integer> seen = new EnumMap<>(WindowConflict.Resolution.class);
        for (int i = 0; i < CASES; i++) {
            long seed = FIRST_SEED + i;
            DayAndNight c = dayAndNight(seed);
            ConflictResolver.Outcome outcome = new WindowedRecommender(Requests.RECOMMENDER).resolve(c.request(),
                    c.windows());
            try {
                for (WindowConflict conflict : outcome.conflicts()) {
                    seen.merge(conflict.resolution(), 1, Integer::sum);
                    checkRule(conflict);
                }
                if (outcome.complete()) {
                    for (int w = 0; w < outcome.configs().size(); w++) {
                        obeysConstraints(outcome.requests().get(w), outcome.today(), outcome.configs().get(w));
                    }
                }
            } catch (AssertionError e) {
                throw new AssertionError("Case with seed " + seed + " (WindowResolutionPropertiesTest.dayAndNight("
                        + seed + "L)): " + e.getMessage(), e);
            }
        }
        // the figures for the report: how often each rule applied (UNRESOLVED: today's settings already over the
        // budget in a window that no change repairs, or a latency guard no value passes)
        System.out.println("Resolutions over " + CASES + " generated days: " + seen);
        assertThat(seen.keySet()).as("the generated days reach more than one rule").hasSizeGreaterThan(1);
    }

    private static void checkRule(WindowConflict conflict) {
        switch (conflict.resolution()) {
            case PER_ROLE, PER_DATABASE -> assertThat(conflict.applyMode()).as(conflict.parameter())
                    .isEqualTo(io.knobwright.model.catalog.ApplyMode.ONLINE);
            case TIME_WINDOWS -> assertThat(ConflictResolver.switchable(conflict.applyMode()))
                    .as("%s (%s) follows the clock", conflict.parameter(), conflict.applyMode()).isTrue();
            case COMPROMISE, UNRESOLVED -> assertThat(conflict.statements()).isEmpty();
        }
        assertThat(conflict.explanation()).isNotBlank();
        assertThat(conflict.notChosen()).isNotEmpty();
    }

    /** Recomputed from the values, as RecommendationPropertiesTest does for one workload, in one window. */
    private static void obeysConstraints(RecommendationRequest request, Configuration today, Configuration config) {
        ParameterCatalog catalog = request.catalog();
        for (String p : config.changedFrom(today)) {
            ParameterSpec spec = catalog.find(p).orElseThrow();
            String to = config.text(p);
            assertThat(Values.problem(spec, to)).as("%s = %s valid", p, to).isEmpty();
            for (LockRule lock : request.locks()) {
                assertThat(lock.parameter().matches(p)).as("%s touched despite lock %s", p, lock).isFalse();
            }
            if (!request.options().allowRestart()) {
                assertThat(spec.requiresRestart()).as("%s needs a restart, not allowed", p).isFalse();
            }
            if (DurabilitySettings.weakening(p, today.text(p), to).isPresent()) {
                assertThat(request.options().allowDurabilityTrade()).as("%s weakened", p).isTrue();
            }
        }
        if (!config.changedFrom(today).isEmpty()) {
            assertThat(RecommendationPropertiesTest.budget(catalog, config.texts(), request))
                    .as("memory within %s RAM with %d clients", request.machine().memoryBytes(),
                            request.workload().clients())
                    .isLessThanOrEqualTo(request.machine().memoryBytes());
        }
    }
}
