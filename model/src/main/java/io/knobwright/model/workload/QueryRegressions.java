package io.knobwright.model.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Trends and regressions of an instance's fingerprints from their daily history ({@link QueryDay}): the recent
 * window (the last day by default) against a baseline (the days before it, seven by default). Decision 0127.
 * <ul>
 * <li>The baseline is the <em>median</em> of its days (mean time, p95, calls), so a regression that began a day or
 * two before the recent window, or one odd day, does not move it much; the recent window is pooled (its mean is total
 * time over calls; its p95 comes from the merged histograms).</li>
 * <li>Evidence: a latency regression needs {@link Settings#minCalls} calls both in the baseline and in the recent
 * window, the ratio {@link Settings#latencyRatio} and a rise of {@link Settings#minDeltaMs} ms (0.02 ms becoming
 * 0.05 ms is noise, not a regression). A calls regression needs the recent calls per day to be
 * {@link Settings#callsRatio} times the baseline median, and at least {@code minCalls} a day.</li>
 * <li>A fingerprint with no baseline calls is <em>new</em>, one without recent calls <em>vanished</em>: both are
 * told as trends, not regressions (there is nothing to compare).</li>
 * <li>"since" is the first day of the run of days, ending with the last one, on which the metric stayed past the
 * threshold.</li>
 * <li>Days are those on which the instance has any history: a fingerprint absent on such a day ran 0 times;
 * days before the history began are not zeros.</li>
 * </ul>
 * Pure logic: no clock, no store.
 */
public final class QueryRegressions {

    /**
     * The rules.
     *
     * @param baselineDays days before the recent window that form the baseline
     * @param recentDays   days, ending with the last day of the history, that form the recent window
     * @param minCalls     calls needed in the baseline and in the recent window before latency is judged
     * @param latencyRatio recent / baseline mean or p95 that counts as a regression
     * @param minDeltaMs   the least rise in ms of mean or p95 that counts
     * @param callsRatio   recent / baseline calls per day that counts as a regression
     * @param trendShare   a slope of at least this share of the level per day is a trend (growing, shrinking)
     */
    public record Settings(int baselineDays, int recentDays, long minCalls, double latencyRatio, double minDeltaMs,
                           double callsRatio, double trendShare) {

        public static final Settings DEFAULT = new Settings(WorkloadThresholds.REGRESSION_BASELINE_DAYS,
                WorkloadThresholds.REGRESSION_RECENT_DAYS, WorkloadThresholds.REGRESSION_MIN_CALLS,
                WorkloadThresholds.REGRESSION_RATIO, WorkloadThresholds.REGRESSION_MIN_DELTA_MS,
                WorkloadThresholds.REGRESSION_CALLS_RATIO, WorkloadThresholds.TREND_SHARE_PER_DAY);

        public Settings {
            if (baselineDays < 1 || recentDays < 1 || minCalls < 1 || !(latencyRatio > 1) || !(minDeltaMs >= 0)
                    || !(callsRatio > 1) || !(trendShare > 0)) {
                throw new IllegalArgumentException("Regression settings need at least one baseline and one recent day,"
                        + " one call, ratios above 1 and a positive trend share");
            }
        }
    }

    /** What got worse. */
    public enum Metric {
        MEAN_MS("meanMs", "mean time", "ms"), P95_MS("p95Ms", "p95 time", "ms"), CALLS("calls", "calls per day", "");

        private final String key;
        private final String words;
        private final String unit;

        Metric(String key, String words, String unit) {
            this.key = key;
            this.words = words;
            this.unit = unit;
        }

        /** The name in JSON. */
        public String key() {
            return key;
        }

        public String words() {
            return words;
        }

        public String unit() {
            return unit;
        }
    }

    /** The direction of a fingerprint's calls over the days. */
    public enum Direction {
        NEW, VANISHED, GROWING, SHRINKING, STEADY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One metric of one fingerprint that got worse.
     *
     * @param before the baseline (median of its days)
     * @param after  the recent window (pooled)
     * @param since  the first day of the run of days past the threshold
     */
    public record Regression(long fingerprint, Metric metric, double before, double after, LocalDate since,
                             long baselineCalls, long recentCalls) {

        public double ratio() {
            return before > 0 ? after / before : Double.POSITIVE_INFINITY;
        }

        /** "p95 time 0.41 ms -> 12.3 ms (x30.0) since 2026-12-05". */
        public String describe() {
            return String.format(Locale.ROOT, "%s %s -> %s (x%.1f) since %s", metric.words(), figure(before),
                    figure(after), ratio(), since);
        }

        private String figure(double v) {
            String n = metric == Metric.CALLS ? String.format(Locale.ROOT, "%,.0f", v)
                    : v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
            return metric.unit().isEmpty() ? n : n + " " + metric.unit();
        }
    }

    /**
     * The shape of one fingerprint's days in the window (baseline and recent days together).
     *
     * @param callsPerDay       calls on each day of the window with history, oldest first (0 where it did not run)
     * @param meanMsPerDay      mean time on each of those days, NaN where it did not run
     * @param callsSlope        least-squares slope of calls per day, in calls per day per day
     * @param meanMsSlope       least-squares slope of the mean time, in ms per day (days it ran), NaN under two days
     */
    public record Trend(long fingerprint, Direction direction, List<Long> callsPerDay, List<Double> meanMsPerDay,
                        double callsSlope, double meanMsSlope) {

        public Trend {
            callsPerDay = List.copyOf(callsPerDay);
            meanMsPerDay = List.copyOf(meanMsPerDay);
        }
    }

    /**
     * The verdict of one fingerprint: its trend, what regressed (possibly nothing), and in words why.
     *
     * @param judgement "p95 time 0.4 ms -> 12 ms (x30) since ...", "too few calls to judge (...)", "steady", ...
     */
    public record Verdict(long fingerprint, Trend trend, List<Regression> regressions, String judgement) {

        public Verdict {
            regressions = List.copyOf(regressions);
        }

        public boolean regressed() {
            return !regressions.isEmpty();
        }
    }

    /**
     * The whole judgement of an instance.
     *
     * @param lastDay the last day of the history (the recent window ends with it); null without history
     * @param days    the days with history in the window, oldest first
     */
    public record Judgement(LocalDate lastDay, List<LocalDate> days, Map<Long, Verdict> verdicts) {

        public Judgement {
            days = List.copyOf(days);
            verdicts = Map.copyOf(verdicts);
        }

        /** Every regression, the largest ratio first. */
        public List<Regression> regressions() {
            return verdicts.values().stream().flatMap(v -> v.regressions().stream())
                    .sorted(Comparator.comparingDouble(Regression::ratio).reversed()
                            .thenComparingLong(Regression::fingerprint).thenComparing(Regression::metric))
                    .toList();
        }

        public java.util.Optional<Trend> trend(long fingerprint) {
            return java.util.Optional.ofNullable(verdicts.get(fingerprint)).map(Verdict::trend);
        }
    }

    private QueryRegressions() {
    }

    /**
     * Judges every fingerprint of {@code history} (one instance's days, any order; where a log and the collector both
     * gave a fingerprint's day, pass the one to trust). The recent window ends with the last day of the history.
     */
    public static Judgement judge(Collection<QueryDay> history, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        if (history.isEmpty()) {
            return new Judgement(null, List.of(), Map.of());
        }
        LocalDate last = history.stream().map(QueryDay::day).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate recentFrom = last.minusDays(settings.recentDays() - 1L);
        LocalDate windowFrom = recentFrom.minusDays(settings.baselineDays());
        TreeSet<LocalDate> covered = new TreeSet<>();
        Map<Long, Map<LocalDate, QueryDay>> byPrint = new HashMap<>();
        for (QueryDay d : history) {
            if (d.day().isBefore(windowFrom)) {
                continue;
            }
            covered.add(d.day());
            byPrint.computeIfAbsent(d.fingerprint(), k -> new HashMap<>()).merge(d.day(), d, QueryDay::plus);
        }
        List<LocalDate> days = List.copyOf(covered);
        Map<Long, Verdict> verdicts = new HashMap<>();
        byPrint.forEach((id, own) -> verdicts.put(id, verdict(id, own, days, recentFrom, settings)));
        return new Judgement(last, days, verdicts);
    }

    static Verdict verdict(long id, Map<LocalDate, QueryDay> own, List<LocalDate> days, LocalDate recentFrom,
                           Settings s) {
        List<Long> calls = new ArrayList<>(days.size());
        List<Double> means = new ArrayList<>(days.size());
        List<QueryDay> baseline = new ArrayList<>();
        List<QueryDay> recent = new ArrayList<>();
        List<Long> baselineDailyCalls = new ArrayList<>();
        int recentDaysCovered = 0;
        for (LocalDate day : days) {
            QueryDay d = own.get(day);
            long c = d == null ? 0 : d.calls();
            calls.add(c);
            means.add(d == null || d.calls() == 0 ? Double.NaN : d.meanMs());
            if (day.isBefore(recentFrom)) {
                baselineDailyCalls.add(c);
                if (d != null && d.calls() > 0) {
                    baseline.add(d);
                }
            } else {
                recentDaysCovered++;
                if (d != null && d.calls() > 0) {
                    recent.add(d);
                }
            }
        }
        long baselineCalls = baseline.stream().mapToLong(QueryDay::calls).sum();
        long recentCalls = recent.stream().mapToLong(QueryDay::calls).sum();
        double callsSlope = slope(calls.stream().mapToDouble(Long::doubleValue).toArray());
        double meanSlope = slope(means.stream().mapToDouble(Double::doubleValue).toArray());
        double callsLevel = calls.stream().mapToLong(Long::longValue).average().orElse(0);

        Direction direction;
        if (baselineCalls == 0 && recentCalls > 0) {
            direction = Direction.NEW;
        } else if (recentCalls == 0) {
            direction = Direction.VANISHED;
        } else if (callsLevel > 0 && callsSlope >= s.trendShare() * callsLevel) {
            direction = Direction.GROWING;
        } else if (callsLevel > 0 && callsSlope <= -s.trendShare() * callsLevel) {
            direction = Direction.SHRINKING;
        } else {
            direction = Direction.STEADY;
        }
        Trend trend = new Trend(id, direction, calls, means, callsSlope, meanSlope);
        if (direction == Direction.NEW) {
            return new Verdict(id, trend, List.of(), "new: " + recentCalls + " calls recently, none before");
        }
        if (direction == Direction.VANISHED) {
            return new Verdict(id, trend, List.of(), "vanished: " + baselineCalls + " calls before, none recently");
        }

        List<Regression> found = new ArrayList<>();
        LocalDate lastDay = days.getLast();
        // calls: the recent calls per day against the median baseline day
        double callsBefore = median(baselineDailyCalls.stream().mapToDouble(Long::doubleValue).toArray());
        double callsAfter = recentCalls / (double) Math.max(1, recentDaysCovered);
        if (callsBefore > 0 && callsAfter >= s.minCalls() && callsAfter >= s.callsRatio() * callsBefore) {
            found.add(new Regression(id, Metric.CALLS, callsBefore, callsAfter,
                    since(days, own, lastDay, d -> d.calls() >= s.callsRatio() * callsBefore), baselineCalls, recentCalls));
        }
        boolean enough = baselineCalls >= s.minCalls() && recentCalls >= s.minCalls();
        if (enough) {
            double meanBefore = median(baseline.stream().mapToDouble(QueryDay::meanMs).toArray());
            double meanAfter = recent.stream().mapToDouble(QueryDay::totalMs).sum() / recentCalls;
            if (worse(meanBefore, meanAfter, s)) {
                found.add(new Regression(id, Metric.MEAN_MS, meanBefore, meanAfter,
                        since(days, own, lastDay, d -> worse(meanBefore, d.meanMs(), s)), baselineCalls, recentCalls));
            }
            double p95Before = median(baseline.stream().mapToDouble(QueryDay::p95Ms).filter(v -> !Double.isNaN(v)).toArray());
            LatencyHistogram pooled = new LatencyHistogram();
            recent.forEach(d -> pooled.merge(d.histogram()));
            double p95After = pooled.count() == 0 ? Double.NaN : pooled.quantile(0.95);
            if (!Double.isNaN(p95Before) && !Double.isNaN(p95After) && worse(p95Before, p95After, s)) {
                found.add(new Regression(id, Metric.P95_MS, p95Before, p95After,
                        since(days, own, lastDay, d -> worse(p95Before, d.p95Ms(), s)), baselineCalls, recentCalls));
            }
        }
        String judgement;
        if (!found.isEmpty()) {
            judgement = String.join("; ", found.stream().map(Regression::describe).toList());
        } else if (!enough) {
            judgement = "too few calls to judge latency (" + baselineCalls + " in the baseline, " + recentCalls
                    + " recently; " + s.minCalls() + " each are needed)";
        } else {
            judgement = direction.label();
        }
        return new Verdict(id, trend, found, judgement);
    }

    private static boolean worse(double before, double after, Settings s) {
        return !Double.isNaN(before) && !Double.isNaN(after) && after >= s.latencyRatio() * before
                && after - before >= s.minDeltaMs();
    }

    /** The first day of the run, ending with the last day, on which the fingerprint ran and {@code past} held. */
    private static LocalDate since(List<LocalDate> days, Map<LocalDate, QueryDay> own, LocalDate lastDay,
                                   java.util.function.Predicate<QueryDay> past) {
        LocalDate since = lastDay;
        for (int k = days.size() - 1; k >= 0; k--) {
            QueryDay d = own.get(days.get(k));
            if (d == null || d.calls() == 0 || !past.test(d)) {
                break;
            }
            since = days.get(k);
        }
        return since;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Least-squares slope over equally spaced points, skipping NaN; NaN under two points. */
    static double slope(double[] ys) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int x = 0; x < ys.length; x++) {
            if (Double.isNaN(ys[x])) {
                continue;
            }
            n++;
            sx += x;
            sy += ys[x];
            sxx += (double) x * x;
            sxy += x * ys[x];
        }
        double denominator = n * sxx - sx * sx;
        return n < 2 || denominator == 0 ? Double.NaN : (n * sxy - sx * sy) / denominator;
    }
}
