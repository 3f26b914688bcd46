package io.knobwright.app.recommend;

import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;
import io.knobwright.model.workload.MetricPoint;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The collected series restricted to some hours of the day (a time window, decision 0154), so the workload profile
 * and the measured shape of that window come out of the same code as the whole day's.
 */
final class HoursOfDayHistory implements MetricHistory {

    private final MetricHistory all;
    private final Set<Integer> hours;
    private final ZoneId zone;

    HoursOfDayHistory(MetricHistory all, Set<Integer> hours, ZoneId zone) {
        this.all = all;
        this.hours = Set.copyOf(hours);
        this.zone = zone;
    }

    @Override
    public List<MetricPoint> points(long instanceId, Metric metric, Instant from, Instant to) {
        return all.points(instanceId, metric, from, to).stream()
                .filter(p -> hours.contains(p.at().atZone(zone).getHour())).toList();
    }
}
