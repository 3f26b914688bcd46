package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueryTrendTest {

    private static List<QueryTrend.Day> days(int baselineDays, long calls, double baselineP95, double recentP95) {
        List<QueryTrend.Day> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < baselineDays + 3; i++) {
            double p95 = i < baselineDays ? baselineP95 : recentP95;
            days.add(new QueryTrend.Day(first.plusDays(i), calls, p95 / 2, p95));
        }
        return days;
    }

    @Test
    void aP95ThatGrewTwoAndAHalfTimesIsARegression() {
        QueryTrend.Verdict v = QueryTrend.check("9f2c", days(10, 1000, 12, 30));

        assertThat(v.regressed()).isTrue();
        assertThat(v.ratio()).isCloseTo(2.5, within(1e-9));
        assertThat(v.baselineCalls()).isEqualTo(10_000);
        assertThat(v.recentCalls()).isEqualTo(3_000);
        assertThat(v.reason()).contains("x2.50").contains("regression");
    }

    @Test
    void aSteadyQueryIsNoRegression() {
        assertThat(QueryTrend.check("9f2c", days(10, 1000, 12, 13)).regressed()).isFalse();
    }

    @Test
    void tooFewCallsAreNotJudgedHoweverSlowTheyGot() {
        QueryTrend.Verdict v = QueryTrend.check("9f2c", days(10, 20, 12, 120));

        assertThat(v.regressed()).isFalse();
        assertThat(v.reason()).contains("too few calls");
    }

    @Test
    void onlyTheBaselineDaysBeforeTheRecentWindowCount() {
        List<QueryTrend.Day> days = new ArrayList<>(days(20, 1000, 10, 20));
        // a slow day a month before the recent window is outside the 14-day baseline
        days.add(new QueryTrend.Day(LocalDate.of(2026, 10, 1), 100_000, 500, 1000));

        QueryTrend.Verdict v = QueryTrend.check("9f2c", days);

        assertThat(v.baselineP95Ms()).isCloseTo(10, within(1e-9));
        assertThat(v.baselineCalls()).isEqualTo(14_000);
        assertThat(v.regressed()).isTrue();
    }
}
