package io.knobwright.app.health;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.store.KnobwrightStore;
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

/** Disk-full alerts from the storage forecast: the nearer the date, the graver; no forecast, no alert. */
class DiskFullAlertsTest {

    private static final long GB = 1L << 30;
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static KnobwrightStore store;
    private static List<Instance> fleet;

    @BeforeAll
    static void fleetWithSizeHistories() {
        store = KnobwrightStore.inMemory("disk-full-" + UUID.randomUUID(), false);
        Instance soon = store.instances().save(instance("pg-soon", true));
        Instance weeks = store.instances().save(instance("pg-weeks", true));
        Instance flat = store.instances().save(instance("pg-flat", true));
        Instance noDisk = store.instances().save(instance("pg-no-disk", false));
        Instance noHistory = store.instances().save(instance("pg-no-history", true));
        growing(soon, 995, 5);     // 29 GB left at 5 GB a day: about 6 days
        growing(weeks, 900, 5);    // 124 GB left: about 25 days
        growing(flat, 400, 0);
        growing(noDisk, 995, 5);
        fleet = List.of(soon, weeks, flat, noDisk, noHistory);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Instance instance(String name, boolean diskKnown) {
        return new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                diskKnown ? new HardwareFacts(8, 32 * GB, DiskType.SSD, 1024 * GB) : null, false);
    }

    /** 120 days of steady growth ending at {@code lastGb} today. */
    private static void growing(Instance instance, long lastGb, long gbPerDay) {
        List<SizePoint> points = new ArrayList<>();
        for (int day = 120; day >= 0; day--) {
            points.add(new SizePoint(NOW.minus(Duration.ofDays(day)), (lastGb - gbPerDay * day) * GB));
        }
        store.sizeSeries().replace(instance.id(), "total", SizeSeries.of(points));
    }

    @Test
    void aDiskFillingWithinAWeekIsCriticalAndWithinAMonthAWarning() {
        DiskFullAlerts alerts = new DiskFullAlerts(new DiskFullDays(new StorageForecastService(store.sizeSeries(),
                store.workloadSeries(), CLOCK)));

        List<Alert> raised = alerts.alerts(fleet, CLOCK);

        assertThat(raised).extracting(Alert::instanceName).containsExactlyInAnyOrder("pg-soon", "pg-weeks");
        assertThat(raised).allMatch(a -> a.kind() == AlertKind.DISK_FULL);
        Alert soon = raised.stream().filter(a -> a.instanceName().equals("pg-soon")).findFirst().orElseThrow();
        Alert weeks = raised.stream().filter(a -> a.instanceName().equals("pg-weeks")).findFirst().orElseThrow();
        assertThat(soon.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(weeks.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(weeks.title()).matches("Disk full in about 2[3-7] days");
        assertThat(weeks.evidence()).anyMatch(line -> line.contains("900.0 GB of a 1024.0 GB disk"));
    }
}
