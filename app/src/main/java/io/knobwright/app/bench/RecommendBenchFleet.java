package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

/**
 * The fleet `bench recommend` runs over: {@link BenchFleet}'s generated instances with settings, and for every
 * PostgreSQL instance two days of the demo workload's series, hourly, as `monitor collect` stores them (each with its
 * own seed, so the shapes differ). Two days rather than fourteen keep the seeding to seconds; the profile reads
 * whatever its window holds.
 */
public final class RecommendBenchFleet {

    private RecommendBenchFleet() {
    }

    /** Closing the context drops the store. */
    public static AppContext open(int size) {
        return BenchFleet.open("recommend", size, true, (store, stored) -> {
            Instant to = Instant.now().plus(Duration.ofHours(1));
            for (Instance instance : stored) {
                if (instance.engine() != Engine.POSTGRESQL) {
                    continue;
                }
                InMemoryMetricHistory demo = new DemoWorkload(Instant.now(), 1, ZoneOffset.UTC, instance.id())
                        .history(instance.id());
                for (Metric metric : Metric.values()) {
                    var all = demo.points(instance.id(), metric, to.minus(Duration.ofDays(2)), to);
                    var hourly = IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
                    if (!hourly.isEmpty()) {
                        store.workloadSeries().importPoints(instance.id(), metric, hourly);
                    }
                }
            }
        });
    }
}
