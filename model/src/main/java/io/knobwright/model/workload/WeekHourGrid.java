package io.knobwright.model.workload;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The mean of a metric in each hour of each weekday (7 x 24 cells, Monday first) in one time zone, and the hours of
 * the day that are its peak. A cell with no point is NaN.
 */
public final class WeekHourGrid {

    private final Metric metric;
    private final ZoneId zone;
    private final double[] cells;
    private final double[] hourOfDay;

    private WeekHourGrid(Metric metric, ZoneId zone, double[] cells, double[] hourOfDay) {
        this.metric = metric;
        this.zone = zone;
        this.cells = cells;
        this.hourOfDay = hourOfDay;
    }

    public static WeekHourGrid of(Metric metric, List<MetricPoint> points, ZoneId zone) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(zone, "zone");
        double[] sum = new double[7 * 24];
        int[] count = new int[7 * 24];
        double[] hourSum = new double[24];
        int[] hourCount = new int[24];
        for (MetricPoint p : points) {
            ZonedDateTime t = p.at().atZone(zone);
            int cell = (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
            sum[cell] += p.value();
            count[cell]++;
            hourSum[t.getHour()] += p.value();
            hourCount[t.getHour()]++;
        }
        double[] cells = new double[7 * 24];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = hourCount[h] == 0 ? Double.NaN : hourSum[h] / hourCount[h];
        }
        return new WeekHourGrid(metric, zone, cells, hours);
    }

    public Metric metric() {
        return metric;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The mean in that hour (0-23) of that weekday, NaN when no point fell in it. */
    public double mean(DayOfWeek day, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("An hour of the day is 0-23, not " + hour);
        }
        return cells[(day.getValue() - 1) * 24 + hour];
    }

    /** The mean of every point that fell in that hour of the day, whatever the weekday; NaN without any. */
    public double hourOfDayMean(int hour) {
        return hourOfDay[hour];
    }

    /** The largest cell mean, 0 when the grid is empty. */
    public double max() {
        return Arrays.stream(cells).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    public boolean isEmpty() {
        return Arrays.stream(cells).allMatch(Double::isNaN);
    }

    /**
     * The hours of the day (0-23, ascending) whose mean reaches {@link WorkloadThresholds#PEAK_SHARE} of the busiest
     * hour's mean; empty when nothing was measured or everything is zero.
     */
    public List<Integer> peakHours() {
        double top = Arrays.stream(hourOfDay).filter(v -> !Double.isNaN(v)).max().orElse(0);
        List<Integer> peaks = new ArrayList<>();
        if (top <= 0) {
            return peaks;
        }
        for (int h = 0; h < 24; h++) {
            if (hourOfDay[h] >= WorkloadThresholds.PEAK_SHARE * top) {
                peaks.add(h);
            }
        }
        return List.copyOf(peaks);
    }

    /** Rows Monday..Sunday of 24 means each (NaN where empty), for JSON and tables. */
    public List<List<Double>> rows() {
        List<List<Double>> rows = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            List<Double> row = new ArrayList<>(24);
            for (int h = 0; h < 24; h++) {
                row.add(cells[d * 24 + h]);
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }
}
