package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueryRegressionsTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 20);
    private static final QueryRegressions.Settings RULES = QueryRegressions.Settings.DEFAULT;
    private final Random noise = new Random(7);

    /** A day of {@code calls} statements whose times scatter ±10% around {@code meanMs}. */
    private QueryDay day(long id, int dayIndex, int calls, double meanMs) {
        LatencyHistogram h = new LatencyHistogram();
        double total = 0;
        for (int i = 0; i < calls; i++) {
            double ms = meanMs * (0.9 + 0.2 * noise.nextDouble());
            h.record(ms);
            total += ms;
        }
        return new QueryDay(id, FIRST.plusDays(dayIndex), QueryDay.Source.LOG, calls, total, calls, h.toBytes());
    }

    private List<QueryDay> steady(long id, int days, int calls, double meanMs) {
        List<QueryDay> all = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            all.add(day(id, d, calls, meanMs));
        }
        return all;
    }

    @Test
    void aSteadyQueryIsNeitherARegressionNorATrend() {
        QueryRegressions.Judgement j = QueryRegressions.judge(steady(1, 8, 1_000, 4), RULES);

        QueryRegressions.Verdict v = j.verdicts().get(1L);
        assertThat(v.regressed()).isFalse();
        assertThat(v.trend().direction()).isEqualTo(QueryRegressions.Direction.STEADY);
        assertThat(v.trend().callsPerDay()).hasSize(8).containsOnly(1_000L);
        assertThat(v.trend().callsSlope()).isCloseTo(0, within(1e-9));
        assertThat(v.judgement()).isEqualTo("steady");
        assertThat(j.regressions()).isEmpty();
    }

    @Test
    void callsGrowingTwentyPercentADayAreAGrowingTrendWithItsSlopeButNoRegression() {
        List<QueryDay> days = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            days.add(day(1, d, 1_000 + 200 * d, 4));
        }

        QueryRegressions.Verdict v = QueryRegressions.judge(days, RULES).verdicts().get(1L);

        assertThat(v.trend().direction()).isEqualTo(QueryRegressions.Direction.GROWING);
        assertThat(v.trend().callsSlope()).isCloseTo(200, within(1e-6));
        assertThat(v.trend().meanMsSlope()).isCloseTo(0, within(0.05));
        // the last day (2,400) is 1.9 times the baseline's median day (1,600): under the x3 rule for calls
        assertThat(v.regressed()).isFalse();
    }

    @Test
    void aQueryTenTimesSlowerOnTheLastDayRegressesOnMeanAndP95WithFiguresAndTheDay() {
        List<QueryDay> days = new ArrayList<>(steady(1, 7, 1_000, 2));
        days.add(day(1, 7, 1_000, 20));
        days.addAll(steady(2, 8, 1_000, 3)); // another query, unchanged

        QueryRegressions.Judgement j = QueryRegressions.judge(days, RULES);

        assertThat(j.lastDay()).isEqualTo(FIRST.plusDays(7));
        List<QueryRegressions.Regression> found = j.regressions();
        assertThat(found).extracting(QueryRegressions.Regression::fingerprint).containsOnly(1L);
        assertThat(found).extracting(QueryRegressions.Regression::metric)
                .containsExactlyInAnyOrder(QueryRegressions.Metric.MEAN_MS, QueryRegressions.Metric.P95_MS);
        QueryRegressions.Regression mean = found.stream()
                .filter(r -> r.metric() == QueryRegressions.Metric.MEAN_MS).findFirst().orElseThrow();
        assertThat(mean.before()).isCloseTo(2, within(0.1));
        assertThat(mean.after()).isCloseTo(20, within(1.0));
        assertThat(mean.ratio()).isCloseTo(10, within(0.6));
        assertThat(mean.since()).isEqualTo(FIRST.plusDays(7));
        assertThat(mean.describe()).startsWith("mean time 2.").contains("-> 20.").contains("since 2026-11-27");
        assertThat(j.verdicts().get(2L).regressed()).isFalse();
    }

    @Test
    void aRegressionThatBeganTwoDaysAgoKeepsTheBaselineOfTheDaysBeforeAndSaysSince() {
        List<QueryDay> days = new ArrayList<>(steady(1, 6, 1_000, 2));
        days.add(day(1, 6, 1_000, 10));
        days.add(day(1, 7, 1_000, 10));

        QueryRegressions.Regression mean = QueryRegressions.judge(days, RULES).regressions().stream()
                .filter(r -> r.metric() == QueryRegressions.Metric.MEAN_MS).findFirst().orElseThrow();

        assertThat(mean.before()).isCloseTo(2, within(0.1)); // the median of the baseline is not moved by one slow day
        assertThat(mean.since()).isEqualTo(FIRST.plusDays(6));
    }

    @Test
    void tooFewCallsAreNotJudgedHoweverSlowTheyGot() {
        List<QueryDay> days = new ArrayList<>(steady(1, 7, 5, 2));
        days.add(day(1, 7, 5, 200));

        QueryRegressions.Verdict v = QueryRegressions.judge(days, RULES).verdicts().get(1L);

        assertThat(v.regressed()).isFalse();
        assertThat(v.judgement()).contains("too few calls").contains("35 in the baseline, 5 recently");
    }

    @Test
    void aSlowdownOfAFewMicrosecondsIsNoise() {
        List<QueryDay> days = new ArrayList<>(steady(1, 7, 10_000, 0.02));
        days.add(day(1, 7, 10_000, 0.08));

        assertThat(QueryRegressions.judge(days, RULES).regressions()).isEmpty();
    }

    @Test
    void callsFiveTimesTheBaselineAreACallsRegression() {
        List<QueryDay> days = new ArrayList<>(steady(1, 7, 1_000, 2));
        days.add(day(1, 7, 5_000, 2));

        List<QueryRegressions.Regression> found = QueryRegressions.judge(days, RULES).regressions();

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.metric()).isEqualTo(QueryRegressions.Metric.CALLS);
            assertThat(r.before()).isEqualTo(1_000);
            assertThat(r.after()).isEqualTo(5_000);
            assertThat(r.ratio()).isEqualTo(5);
        });
    }

    @Test
    void aNewFingerprintIsToldAsNewNotAsARegression() {
        List<QueryDay> days = new ArrayList<>(steady(1, 8, 1_000, 2));
        days.add(day(9, 7, 50_000, 300));

        QueryRegressions.Judgement j = QueryRegressions.judge(days, RULES);

        assertThat(j.verdicts().get(9L).trend().direction()).isEqualTo(QueryRegressions.Direction.NEW);
        assertThat(j.verdicts().get(9L).judgement()).startsWith("new: 50000 calls");
        assertThat(j.verdicts().get(9L).trend().callsPerDay()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 50_000L);
        assertThat(j.regressions()).isEmpty();
    }

    @Test
    void aVanishedFingerprintIsToldAsVanished() {
        List<QueryDay> days = new ArrayList<>(steady(1, 8, 1_000, 2));
        days.addAll(steady(5, 7, 1_000, 2)); // ran every day but the last

        QueryRegressions.Verdict v = QueryRegressions.judge(days, RULES).verdicts().get(5L);

        assertThat(v.trend().direction()).isEqualTo(QueryRegressions.Direction.VANISHED);
        assertThat(v.regressed()).isFalse();
        assertThat(v.trend().callsPerDay().getLast()).isZero();
        assertThat(v.trend().meanMsPerDay().getLast()).isNaN();
    }

    @Test
    void daysBeforeTheBaselineAndBeforeTheHistoryBeganAreNotZeros() {
        List<QueryDay> days = new ArrayList<>(steady(1, 3, 1_000, 2)); // three days of history only
        days.add(new QueryDay(1, FIRST.minusDays(30), QueryDay.Source.LOG, 1_000_000, 1e9, -1, null));

        QueryRegressions.Verdict v = QueryRegressions.judge(days, RULES).verdicts().get(1L);

        assertThat(v.trend().callsPerDay()).containsExactly(1_000L, 1_000L, 1_000L);
        assertThat(v.regressed()).isFalse();
    }

    @Test
    void collectorDaysWithoutDurationsAreJudgedOnMeanAndCallsOnly() {
        List<QueryDay> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(new QueryDay(3, FIRST.plusDays(d), QueryDay.Source.STATEMENTS, 500, 500 * 3.0, 500, null));
        }
        days.add(new QueryDay(3, FIRST.plusDays(7), QueryDay.Source.STATEMENTS, 500, 500 * 9.0, 500, null));

        assertThat(QueryRegressions.judge(days, RULES).regressions()).singleElement().satisfies(r -> {
            assertThat(r.metric()).isEqualTo(QueryRegressions.Metric.MEAN_MS);
            assertThat(r.ratio()).isCloseTo(3, within(1e-9));
        });
    }

    @Test
    void noHistoryIsAnEmptyJudgement() {
        QueryRegressions.Judgement j = QueryRegressions.judge(List.of(), RULES);

        assertThat(j.lastDay()).isNull();
        assertThat(j.regressions()).isEmpty();
    }
}
