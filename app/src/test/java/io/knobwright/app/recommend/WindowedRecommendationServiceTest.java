package io.knobwright.app.recommend;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The service over the real store: a measured day of OLTP and a nightly batch gets the windows and their conflicts. */
class WindowedRecommendationServiceTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("windowed-" + UUID.randomUUID(), true);
    private final AppContext context = new AppContext(store, () -> { }, new CatalogRepository(),
            new ConnectorRegistry(List.of()), name -> null);

    @AfterEach
    void close() {
        context.close();
        store.close();
    }

    @Test
    void aStoredDayAndNightIsRecommendedPerWindowWithTheSameAnswerTwice() {
        Instance instance = context.fleet().list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && i.hardware().cpus() > 0 && i.hardware().memoryBytes() > 0)
                .filter(i -> context.fleet().latestSnapshot(i.id()).isPresent())
                .findFirst().orElseThrow();
        // the same zone as the service: the system default, so hours 01-07 are the batch's in both
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        InMemoryMetricHistory series = MeasuredWindowsTest.dayAndNight(instance.id(), true, now,
                java.time.ZoneId.systemDefault());
        for (Metric metric : Metric.values()) {
            var points = series.points(instance.id(), metric, now.minus(Duration.ofDays(15)), now);
            if (!points.isEmpty()) {
                store.workloadSeries().importPoints(instance.id(), metric, points);
            }
        }

        RecommendationService.Outcome first = context.recommendations().recommend(instance,
                RecommendationOptions.CONSERVATIVE);
        RecommendationSet again = context.recommendations().recommend(instance, RecommendationOptions.CONSERVATIVE)
                .set();

        assertThat(first.notes()).anyMatch(n -> n.startsWith("time windows of the day: 01-07: 4 clients"));
        assertThat(again).isEqualTo(first.set());
        System.out.println(instance.name() + " " + instance.hardware() + ": conflicts " + first.set().conflicts());
    }
}
