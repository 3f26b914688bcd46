package io.knobwright.app.health;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.SizePoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abnormal-growth alerts: a bulk load in the last days raises a warning naming its size and day, even on an instance
 * whose disk size nobody entered; one long ago, or steady growth, raises nothing.
 */
class AbnormalGrowthAlertsTest {

    private static final long GB = 1L << 30;
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static KnobwrightStore store;
    private static List<Instance> fleet;

    @BeforeAll
    static void fleetWithSizeHistories() {
        store = KnobwrightStore.inMemory("abnormal-growth-" + UUID.randomUUID(), false);
        Instance loadedYesterday = store.instances().save(instance("pg-loaded"));
        Instance loadedLongAgo = store.instances().save(instance("pg-loaded-in-june"));
        Instance steady = store.instances().save(instance("pg-steady"));
        growing(loadedYesterday, 2, 40);
        growing(loadedLongAgo, 100, 40);
        growing(steady, -1, 0);
        fleet = List.of(loadedYesterday, loadedLongAgo, steady);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Instance instance(String name) {
        return new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null, null, false);
    }

    /** 120 days growing 1 GB a day (with a little day-to-day wobble), plus {@code stepGb} added {@code daysAgo} days ago. */
    private static void growing(Instance instance, int daysAgo, long stepGb) {
        List<SizePoint> points = new ArrayList<>();
        for (int day = 120; day >= 0; day--) {
            double wobble = ((day * 7919) % 11 - 5) * 0.02 * GB;
            long step = day < daysAgo ? stepGb * GB : 0;
            points.add(new SizePoint(NOW.minus(Duration.ofDays(day)), Math.round((500 - day) * (double) GB + wobble + step)));
        }
        store.sizeSeries().replace(instance.id(), "total", SizeSeries.of(points));
    }

    @Test
    void aRecentBulkLoadIsAWarningWithItsSizeAndDayAndNothingElseIsRaised() {
        AbnormalGrowthAlerts alerts = new AbnormalGrowthAlerts(new DiskFullDays(new StorageForecastService(
                store.sizeSeries(), store.workloadSeries(), CLOCK)));

        List<Alert> raised = alerts.alerts(fleet, CLOCK);

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.instanceName()).isEqualTo("pg-loaded");
            assertThat(a.kind()).isEqualTo(AlertKind.ABNORMAL_GROWTH);
            assertThat(a.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(a.title()).startsWith("Unexpected growth: +4").contains("on 2026-12-0");
            assertThat(a.evidence()).anyMatch(line -> line.contains("storage forecast --instance pg-loaded"));
        });
    }
}
