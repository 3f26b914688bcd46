package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sizes over time, oldest first, at most one point per instant (the later given wins). Sampling may be irregular
 * and have gaps: the forecaster works on days and fills short gaps itself.
 */
public record SizeSeries(List<SizePoint> points) {

    public SizeSeries {
        List<SizePoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(SizePoint::at));
        List<SizePoint> unique = new ArrayList<>(sorted.size());
        for (SizePoint p : sorted) {
            if (!unique.isEmpty() && unique.getLast().at().equals(p.at())) {
                unique.set(unique.size() - 1, p);
            } else {
                unique.add(p);
            }
        }
        points = List.copyOf(unique);
    }

    public static SizeSeries of(List<SizePoint> points) {
        return new SizeSeries(points);
    }

    /** Both series' points; where both have a point at the same instant, {@code later}'s. */
    public SizeSeries merge(SizeSeries later) {
        List<SizePoint> all = new ArrayList<>(points);
        all.addAll(later.points);
        return new SizeSeries(all);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
