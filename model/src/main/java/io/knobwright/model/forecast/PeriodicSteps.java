package io.knobwright.model.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Steps that recur with a period (decision 0129): a partition dropped every 10 days, a purge on the 1st of the month,
 * an import every fortnight. They are seasonality, not change points: the forecast repeats them ({@code bytes} every
 * {@code periodDays} days after day index {@code lastIndex}), so what gets extrapolated is the net growth per cycle.
 * A weekly cycle needs none of this: the weekday profile already holds it. {@link #NONE} when nothing recurs.
 */
record PeriodicSteps(int periodDays, double bytes, int lastIndex, List<ChangePoint> occurrences) {

    static final PeriodicSteps NONE = new PeriodicSteps(0, 0, -1, List.of());
    /** A recurrence needs this many occurrences on its grid before it is trusted. */
    static final int MIN_OCCURRENCES = 3;
    /** ...and this share of the steps of its direction on the grid (a gap can shift one by a day or two). */
    private static final double MIN_SHARE_ON_GRID = 0.75;
    /** ...and this share of the grid's slots between the first and the last occurrence filled. */
    private static final double MIN_SLOTS_FILLED = 0.6;

    PeriodicSteps {
        occurrences = List.copyOf(occurrences);
    }

    boolean present() {
        return periodDays > 0;
    }

    /** The recurring step expected on day index {@code t} (after {@code lastIndex}), else 0. */
    double on(int t) {
        return present() && t > lastIndex && (t - lastIndex) % periodDays == 0 ? bytes : 0;
    }

    /**
     * Looks for a recurrence among the steps at day indexes {@code at} (ascending) with sizes {@code excess}, the drops
     * and the loads apart; the larger recurrence wins. {@code n} is the series' length: a recurrence whose next
     * occurrence is overdue by more than its tolerance has stopped.
     */
    static PeriodicSteps find(int[] at, double[] excess, List<ChangePoint> steps, int n) {
        PeriodicSteps best = NONE;
        for (int sign : new int[] {-1, 1}) {
            List<Integer> group = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                if (Math.signum(excess[i]) == sign) {
                    group.add(i);
                }
            }
            PeriodicSteps found = ofGroup(group, at, excess, steps, n);
            if (found.present() && Math.abs(found.bytes * found.occurrences.size())
                    > Math.abs(best.bytes * best.occurrences.size())) {
                best = found;
            }
        }
        return best;
    }

    private static PeriodicSteps ofGroup(List<Integer> group, int[] at, double[] excess, List<ChangePoint> steps, int n) {
        if (group.size() < MIN_OCCURRENCES) {
            return NONE;
        }
        double[] intervals = new double[group.size() - 1];
        for (int i = 1; i < group.size(); i++) {
            intervals[i - 1] = at[group.get(i)] - at[group.get(i - 1)];
        }
        int period = (int) Math.round(Stats.median(intervals));
        if (period < 2) {
            return NONE;
        }
        int tolerance = Math.max(1, (int) Math.round(period / 7.0));
        int anchor = at[group.getLast()];
        if (n - 1 - anchor > period + tolerance) {
            return NONE;
        }
        List<Integer> hits = new ArrayList<>();
        boolean[] slotFilled = new boolean[(anchor - at[group.getFirst()]) / period + 2];
        for (int i : group) {
            int back = anchor - at[i];
            int slot = (int) Math.round(back / (double) period);
            if (Math.abs(back - slot * period) <= tolerance) {
                hits.add(i);
                slotFilled[Math.min(slot, slotFilled.length - 1)] = true;
            }
        }
        int lastSlot = (int) Math.round((anchor - at[hits.getFirst()]) / (double) period);
        int filled = 0;
        for (int s = 0; s <= lastSlot && s < slotFilled.length; s++) {
            filled += slotFilled[s] ? 1 : 0;
        }
        if (hits.size() < MIN_OCCURRENCES || hits.size() < MIN_SHARE_ON_GRID * group.size()
                || filled < MIN_SLOTS_FILLED * (lastSlot + 1)) {
            return NONE;
        }
        // The size of the next one: the median of the latest few (a purge's size follows the data it drops).
        double[] recent = hits.subList(Math.max(0, hits.size() - 5), hits.size()).stream().mapToDouble(i -> excess[i]).toArray();
        List<ChangePoint> occurrences = hits.stream().map(steps::get).toList();
        return new PeriodicSteps(period, Stats.median(Arrays.copyOf(recent, recent.length)), anchor, occurrences);
    }
}
