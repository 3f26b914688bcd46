package io.knobwright.app.recommend;

import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.simulator.recommend.QueryTiming;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which planner changes are worth asking the planner about, and how its answers become per-query timings. */
class PlannerProbingTest {

    private static final HardwareFacts SSD_8_CPUS_32GB = new HardwareFacts(8, 32L << 30, DiskType.SSD, 1L << 40);

    private static List<LiveSetting> settings(Map<String, String[]> values) {
        return values.entrySet().stream().map(e -> new LiveSetting(e.getKey(), e.getValue()[0], e.getValue()[1],
                "default", false)).toList();
    }

    private static FingerprintSummary query(long calls, double meanMs) {
        return new FingerprintSummary(calls, "select ...", "select 1", calls, calls * meanMs, meanMs, meanMs, meanMs,
                -1, java.time.Instant.EPOCH, java.time.Instant.EPOCH, new io.knobwright.model.workload.WeekHourCounts());
    }

    @Test
    void defaultsOnAnSsdHostWithShortQueriesAskAboutAllFourChanges() {
        var candidates = PlannerProbing.candidates(SSD_8_CPUS_32GB, settings(Map.of(
                "random_page_cost", new String[]{"4", null}, "effective_cache_size", new String[]{"524288", "8kB"},
                "jit", new String[]{"on", null}, "max_parallel_workers_per_gather", new String[]{"2", null})),
                List.of(query(10_000, 0.4), query(50, 30)));

        assertThat(candidates).extracting(PlannerProbing.Candidate::setting, PlannerProbing.Candidate::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("random_page_cost", "1.1"),
                        org.assertj.core.groups.Tuple.tuple("effective_cache_size", "24GB"),
                        org.assertj.core.groups.Tuple.tuple("jit", "off"),
                        org.assertj.core.groups.Tuple.tuple("max_parallel_workers_per_gather", "4"));
    }

    @Test
    void whatAlreadyFitsTheHostIsNotAskedAbout() {
        var candidates = PlannerProbing.candidates(new HardwareFacts(8, 32L << 30, DiskType.HDD, 1L << 40),
                settings(Map.of("random_page_cost", new String[]{"4", null},
                        "effective_cache_size", new String[]{"3000000", "8kB"}, "jit", new String[]{"on", null},
                        "max_parallel_workers_per_gather", new String[]{"4", null})),
                List.of(query(100, 900)));

        // HDD: random reads do cost more; 3,000,000 x 8kB is within 10% of 24GB; long queries may gain from JIT
        assertThat(candidates).isEmpty();
    }

    @Test
    void aPlanThatDidNotChangeCountsAsUnchangedTimeAndAnUntimedQueryIsLeftOut() {
        List<WhatIfService.PlanChange> changes = List.of(
                new WhatIfService.PlanChange("q1", "select a", true, "Seq Scan", "Index Scan", 100, 20, 40, 8, 0.25,
                        4000, "Seq Scan → Index Scan"),
                new WhatIfService.PlanChange("q2", "select b", false, "Index Scan", "Index Scan", 5, 5, 0.5, 0.7, 0.75,
                        600, ""),
                new WhatIfService.PlanChange("q3", "update c", true, "Seq Scan", "Index Scan", 50, 10, Double.NaN,
                        Double.NaN, 0, 10, "Seq Scan → Index Scan"));

        List<QueryTiming> timings = PlannerProbing.timings(changes, 4_000);

        assertThat(timings).containsExactly(new QueryTiming("q1 select a", 1000, 40, 8),
                new QueryTiming("q2 select b", 3000, 0.5, 0.5));
    }

    @Test
    void memorySettingsAreReadInTheUnitTheServerReportsAndWrittenAsADbaWould() {
        assertThat(PlannerProbing.bytes(java.util.Optional.of(new LiveSetting("effective_cache_size", "524288", "8kB",
                "default", false)), 0)).isEqualTo(4L << 30);
        assertThat(PlannerProbing.size(12L << 30)).isEqualTo("12GB");
        assertThat(PlannerProbing.size(768L << 20)).isEqualTo("768MB");
    }
}
