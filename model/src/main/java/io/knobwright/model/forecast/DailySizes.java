package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A size series as one value per UTC day, from its first measured day to its last: the last measurement of each day
 * (a size is a gauge: the latest reading stands for the day's end), days without one filled linearly between their
 * neighbours and marked as not measured, so backtests score only measured days.
 */
record DailySizes(LocalDate first, double[] values, boolean[] measured) {

    static DailySizes of(SizeSeries series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No sizes to forecast from");
        }
        LocalDate first = day(series.points().getFirst().at());
        LocalDate last = day(series.points().getLast().at());
        int n = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double[] values = new double[n];
        boolean[] measured = new boolean[n];
        for (SizePoint p : series.points()) {
            int i = (int) (day(p.at()).toEpochDay() - first.toEpochDay());
            values[i] = p.bytes();
            measured[i] = true;
        }
        int previous = 0;
        for (int i = 1; i < n; i++) {
            if (measured[i]) {
                for (int j = previous + 1; j < i; j++) {
                    values[j] = values[previous] + (values[i] - values[previous]) * (j - previous) / (i - previous);
                }
                previous = i;
            }
        }
        return new DailySizes(first, values, measured);
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    int size() {
        return values.length;
    }

    LocalDate date(int index) {
        return first.plusDays(index);
    }

    /** The first {@code days} days, as the series stood at the end of the last of them. */
    DailySizes prefix(int days) {
        double[] v = java.util.Arrays.copyOf(values, days);
        boolean[] m = java.util.Arrays.copyOf(measured, days);
        return new DailySizes(first, v, m);
    }

    /** The days from index {@code from} on (a series that begins there). */
    DailySizes suffix(int from) {
        return new DailySizes(date(from), java.util.Arrays.copyOfRange(values, from, values.length),
                java.util.Arrays.copyOfRange(measured, from, measured.length));
    }

    /** The last measured day index at or before {@code index} (0 when none: the first day is always measured). */
    int measuredAtOrBefore(int index) {
        int i = Math.min(index, values.length - 1);
        while (i > 0 && !measured[i]) {
            i--;
        }
        return Math.max(i, 0);
    }

    int measuredDays() {
        int count = 0;
        for (boolean m : measured) {
            count += m ? 1 : 0;
        }
        return count;
    }
}
