package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DailyQueryDigestTest {

    @Test
    void statementsCountOnTheirOwnLocalDay() {
        DailyQueryDigest digest = new DailyQueryDigest(ZoneId.of("Europe/Berlin"));
        digest.add(7, Instant.parse("2026-12-01T22:30:00Z"), 2, 1); // 23:30 in Berlin: the 1st
        digest.add(7, Instant.parse("2026-12-01T23:30:00Z"), 4, -1); // 00:30 in Berlin: the 2nd
        digest.add(7, Instant.parse("2026-12-02T10:00:00Z"), 6, 3);

        List<QueryDay> days = digest.days().stream().sorted(Comparator.comparing(QueryDay::day)).toList();

        assertThat(days).extracting(QueryDay::day).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        assertThat(days.get(0).calls()).isEqualTo(1);
        assertThat(days.get(0).rows()).isEqualTo(1);
        assertThat(days.get(1).calls()).isEqualTo(2);
        assertThat(days.get(1).totalMs()).isEqualTo(10);
        assertThat(days.get(1).rows()).isEqualTo(3);
        assertThat(days.get(1).p95Ms()).isCloseTo(6, within(0.12));
    }

    @Test
    void mergedDigestsAndAddedDaysAreWhatOneDigestWouldSay() {
        DailyQueryDigest a = new DailyQueryDigest(ZoneId.of("UTC"));
        DailyQueryDigest b = new DailyQueryDigest(ZoneId.of("UTC"));
        DailyQueryDigest one = new DailyQueryDigest(ZoneId.of("UTC"));
        for (int i = 1; i <= 200; i++) {
            Instant at = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i);
            (i % 2 == 0 ? a : b).add(1, at, i, -1);
            one.add(1, at, i, -1);
        }
        QueryDay fromA = a.days().getFirst();
        a.merge(b);

        assertThat(a.days().getFirst().calls()).isEqualTo(200);
        assertThat(a.days().getFirst().p95Ms()).isEqualTo(one.days().getFirst().p95Ms());
        assertThat(fromA.plus(b.days().getFirst()).p95Ms()).isEqualTo(one.days().getFirst().p95Ms());
        assertThat(fromA.plus(b.days().getFirst()).totalMs()).isEqualTo(one.days().getFirst().totalMs());
    }
}
