package io.knobwright.app.metrics;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.health.DiskFullDays;
import io.knobwright.model.fleet.Instance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code knobwright_disk_full_days}: days until an instance's total size reaches its disk, from the storage forecast
 * (decision 0129), for instances whose disk size is known and that have a size history. Figures are reused for an
 * hour ({@link DiskFullDays}), so a first scrape cut off by the budget resumes where it stopped at the next one.
 */
final class DiskFullSource implements MetricsSource {

    private final FleetService fleet;
    private final DiskFullDays days;

    DiskFullSource(FleetService fleet, DiskFullDays days) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.days = Objects.requireNonNull(days, "days");
    }

    @Override
    public String name() {
        return "storage_forecast";
    }

    @Override
    public List<MetricFamily> collect(Instant now) {
        List<MetricFamily.Sample> samples = new ArrayList<>();
        for (Instance instance : fleet.list()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            days.of(instance, now).ifPresent(f -> samples.add(MetricFamily.Sample.instance(instance.name(), f.days())));
        }
        return List.of(MetricFamily.gauge("knobwright_disk_full_days",
                "Days until the instance's total size reaches its disk size at the forecast's expected growth (0: reached;"
                        + " +Inf: not within " + DiskFullDays.HORIZON_DAYS + " days). Instances with a known disk size and a"
                        + " size history.",
                samples));
    }
}
