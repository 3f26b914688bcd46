package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.policy.DurabilitySettings;
import io.knobwright.model.value.Values;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constraints of decision 0153 hold on generated MySQL, MariaDB, SQL Server and Oracle instances (seeded loops,
 * decision 0150): every recommended value is valid in the catalog of the server's version and differs from the one
 * in force, no locked parameter moves, nothing needs a restart unless allowed, no durability setting is weakened
 * unless allowed (and then its data-loss window is spelled out), and the whole recommended configuration fits the
 * memory budget, recomputed here from the formula. The same request gives the same answer.
 */
class EngineRecommendationPropertiesTest {

    private static final int CASES = Integer.getInteger("recommend.cases", 300);
    private static final double KB = 1024;
    private static final double MB = 1024 * KB;
    private static final double GB = 1024 * MB;

    @Test
    void everyConstraintHoldsOnGeneratedInstancesOfEveryOtherEngine() {
        Map<Engine, Integer> recommended = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (long seed = 1; seed <= CASES; seed++) {
            RecommendationRequest request = GeneratedEngineRequests.request(seed);
            RecommendationSet set = Requests.RECOMMENDER.recommend(request);
            String replay = "GeneratedEngineRequests.request(" + seed + "L): " + set;
            ParameterCatalog catalog = request.catalog();
            Map<String, String> after = new HashMap<>(request.currentSettings());
            for (Recommendation r : set.recommendations()) {
                ParameterSpec spec = catalog.find(r.parameter()).orElseThrow(() -> new AssertionError(replay));
                assertThat(Values.problem(spec, r.to())).as(replay).isEmpty();
                String before = request.currentSettings().getOrDefault(r.parameter(), spec.defaultValue());
                assertThat(before == null || !Values.same(spec, before, r.to())).as("already in force: " + replay)
                        .isTrue();
                assertThat(request.locks()).as(replay).noneMatch(l -> l.parameter().matches(r.parameter()));
                if (!request.options().allowRestart()) {
                    assertThat(r.restartRequired()).as(replay).isFalse();
                }
                boolean weakens = DurabilitySettings.weakening(r.parameter(), before, r.to()).isPresent();
                if (r.restartRequired()) {
                    seen.merge("restart", 1, Integer::sum);
                }
                if (weakens) {
                    seen.merge("durability trade", 1, Integer::sum);
                    assertThat(request.options().allowDurabilityTrade()).as(replay).isTrue();
                    assertThat(r.dataLossWindow()).as(replay).isNotBlank();
                }
                after.put(r.parameter(), r.to());
            }
            if (!set.noChange()) {
                recommended.merge(catalog.engineVersion().engine(), 1, Integer::sum);
                assertThat(fits(request, after)).as("over the memory budget: " + replay).isTrue();
            }
            assertThat(set.warnings()).as(replay).anyMatch(w -> w.startsWith("Evidence:"));
            if (set.considered().stream().anyMatch(c -> c.why().contains("is locked"))) {
                seen.merge("lock refused a change", 1, Integer::sum);
            }
            if (set.considered().stream().anyMatch(c -> c.why().contains("restart"))) {
                seen.merge("restart refused a change", 1, Integer::sum);
            }
        }
        // the property would hold vacuously if nothing were ever recommended
        assertThat(recommended.keySet()).containsExactlyInAnyOrder(Engine.MYSQL, Engine.MARIADB, Engine.SQLSERVER,
                Engine.ORACLE);
        // and each rule met a case where it mattered
        assertThat(seen.keySet()).containsExactlyInAnyOrder("restart", "durability trade", "lock refused a change",
                "restart refused a change");
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        for (long seed = 1; seed <= 40; seed++) {
            RecommendationRequest request = GeneratedEngineRequests.request(seed);
            assertThat(Recommender.builtIn().recommend(request)).as("seed " + seed)
                    .isEqualTo(Requests.RECOMMENDER.recommend(request));
        }
    }

    /** The budget formulas of decision 0153, written out again from the settings after the change. */
    private static boolean fits(RecommendationRequest request, Map<String, String> settings) {
        ParameterCatalog catalog = request.catalog();
        double ram = request.machine().memoryBytes();
        Engine engine = catalog.engineVersion().engine();
        if (engine == Engine.SQLSERVER) {
            double reserve = GB + Math.min(ram, 16 * GB) / 4 + Math.max(0, ram - 16 * GB) / 8;
            return bytes(catalog, settings, "max server memory (MB)") <= Math.max(ram - reserve, ram / 2);
        }
        if (engine == Engine.ORACLE) {
            double target = bytes(catalog, settings, "memory_target");
            double used = target > 0 ? target : Math.max(bytes(catalog, settings, "sga_target"),
                    bytes(catalog, settings, "sga_max_size")) + bytes(catalog, settings, "pga_aggregate_target");
            return used <= 0.8 * ram;
        }
        double session = 0;
        for (String p : List.of("sort_buffer_size", "join_buffer_size", "read_buffer_size", "read_rnd_buffer_size")) {
            session += bytes(catalog, settings, p);
        }
        double tmp = Math.min(bytes(catalog, settings, "tmp_table_size"), bytes(catalog, settings, "max_heap_table_size"));
        double globals = 0;
        for (String p : List.of("key_buffer_size", "innodb_log_buffer_size", "aria_pagecache_buffer_size",
                "query_cache_size")) {
            globals += bytes(catalog, settings, p);
        }
        double peak = request.measurements().stream().filter(m -> m.metric().equals(Measurements.PEAK_CONNECTIONS))
                .mapToDouble(Measurement::value).findFirst().orElse(0);
        double active = Math.max(1, (long) Math.min(Math.max(request.workload().clients(), peak),
                bytes(catalog, settings, "max_connections")));
        double headroom = Math.min(Math.max(0.05 * ram, 256 * MB), 0.25 * ram);
        return bytes(catalog, settings, "innodb_buffer_pool_size") + (session + tmp) * active + globals + headroom
                <= ram;
    }

    /** The value in force (given, else the catalog's default) in bytes, or as a number; 0 where the server lacks it. */
    private static double bytes(ParameterCatalog catalog, Map<String, String> settings, String name) {
        ParameterSpec spec = catalog.find(name).orElse(null);
        if (spec == null) {
            return 0;
        }
        String text = settings.getOrDefault(name, spec.defaultValue());
        return text == null ? 0 : CatalogValues.toModel(spec, text);
    }
}
