package io.knobwright.model.store;

import io.knobwright.model.workload.DailyQueryDigest;
import io.knobwright.model.workload.QueryDay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Days add up across imports, a collector roll-up replaces its day, the log wins over the collector, retention. */
class JooqQueryHistoryTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("history-" + System.nanoTime(), false);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @AfterEach
    void close() {
        store.close();
    }

    private static List<QueryDay> logged(int from, int to) {
        DailyQueryDigest d = new DailyQueryDigest(ZoneOffset.UTC);
        for (int i = from; i < to; i++) {
            d.add(42, Instant.parse("2026-12-01T08:00:00Z").plusSeconds(i), i, 1);
        }
        return d.days();
    }

    @Test
    void twoLogsOfTheSameDayAddUpToWhatOneLogOfBothWouldSay() {
        store.queryHistory().add(1, logged(1, 101), Map.of(42L, "select ?"));
        store.queryHistory().add(1, logged(101, 201), Map.of(42L, "select ? -- another text is not taken"));

        List<QueryDay> days = store.queryHistory().days(1, DAY.minusDays(1));

        QueryDay both = logged(1, 201).getFirst();
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.calls()).isEqualTo(200);
            assertThat(d.totalMs()).isEqualTo(both.totalMs());
            assertThat(d.rows()).isEqualTo(200);
            assertThat(d.p95Ms()).isEqualTo(both.p95Ms());
        });
        assertThat(store.queryHistory().texts(1, List.of(42L, 43L))).isEqualTo(Map.of(42L, "select ?"));
    }

    @Test
    void aCollectorRollUpReplacesItsDayAndTheLogsDayIsReadWhereBothHaveOne() {
        QueryDay polled = new QueryDay(42, DAY, QueryDay.Source.STATEMENTS, 10, 30, 10, null);
        QueryDay other = new QueryDay(7, DAY, QueryDay.Source.STATEMENTS, 5, 5, -1, null);
        store.queryHistory().replaceDay(1, QueryDay.Source.STATEMENTS, DAY, List.of(polled, other), Map.of(7L, "update t"));
        store.queryHistory().replaceDay(1, QueryDay.Source.STATEMENTS, DAY, List.of(polled, other), Map.of());
        assertThat(store.queryHistory().days(1, DAY)).extracting(QueryDay::calls).containsExactlyInAnyOrder(10L, 5L);

        store.queryHistory().add(1, logged(1, 101), Map.of());

        assertThat(store.queryHistory().days(1, DAY))
                .extracting(QueryDay::fingerprint, QueryDay::source, QueryDay::calls)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(42L, QueryDay.Source.LOG, 100L),
                        org.assertj.core.groups.Tuple.tuple(7L, QueryDay.Source.STATEMENTS, 5L));
        assertThat(store.queryHistory().days(2, DAY)).isEmpty();
    }

    @Test
    void pruningDropsOldDaysAndTheTextsLeftWithoutDays() {
        store.queryHistory().replaceDay(1, QueryDay.Source.STATEMENTS, DAY.minusDays(100),
                List.of(new QueryDay(7, DAY.minusDays(100), QueryDay.Source.STATEMENTS, 5, 5, -1, null)), Map.of(7L, "old"));
        store.queryHistory().add(1, logged(1, 11), Map.of(42L, "select ?"));

        assertThat(store.queryHistory().prune(DAY.minusDays(90))).isEqualTo(1);

        assertThat(store.queryHistory().days(1, DAY.minusDays(365))).extracting(QueryDay::fingerprint).containsOnly(42L);
        assertThat(store.queryHistory().texts(1, List.of(7L, 42L))).containsOnlyKeys(42L);
    }
}
