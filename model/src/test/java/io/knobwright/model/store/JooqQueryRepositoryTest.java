package io.knobwright.model.store;

import io.knobwright.model.workload.BurstDetector;
import io.knobwright.model.workload.CapturedPlan;
import io.knobwright.model.workload.FingerprintDigest;
import io.knobwright.model.workload.FingerprintState;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.LogImportRecord;
import io.knobwright.model.workload.LoggedStatement;
import io.knobwright.model.workload.PlanShape;
import io.knobwright.model.workload.TopOrder;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A second import adds to the first exactly (counts, quantiles, hours), an import is stored whole, ranks are right. */
class JooqQueryRepositoryTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("queries-" + System.nanoTime(), false);
    private final Instant t0 = Instant.parse("2026-11-30T09:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    private FingerprintDigest digest() {
        return new FingerprintDigest(Fingerprinter.POSTGRESQL, ZoneOffset.UTC);
    }

    private static LoggedStatement stmt(Instant at, double ms, String sql) {
        return new LoggedStatement(at, "s1", "app", "shop", "web", ms, 1, sql);
    }

    private LogImportRecord imported(String key, FingerprintDigest d) {
        return new LogImportRecord(0, 1, "/var/log/pg.log", key, "stderr", "%m [%p] ", 1000, 10, 0, 0, d.size(), 0, "lin", t0);
    }

    @Test
    void aSecondImportAddsToTheFirstAsIfBothLogsWereOne() {
        FingerprintDigest first = digest();
        FingerprintDigest both = digest();
        for (int i = 0; i < 300; i++) {
            LoggedStatement s = stmt(t0.plusSeconds(i * 60L), 1 + i % 50, "select * from orders where id = " + i);
            first.add(s);
            both.add(s);
        }
        store.queries().recordImport(first.states(), imported("k1", first), List.of());

        FingerprintDigest second = digest();
        store.queries().states(1).forEach(second::restore);
        for (int i = 0; i < 200; i++) {
            LoggedStatement s = stmt(t0.plus(2, ChronoUnit.DAYS).plusSeconds(i), 100 + i, "SELECT * FROM orders WHERE id=" + i);
            second.add(s);
            both.add(s);
        }
        store.queries().recordImport(second.states(), imported("k2", second), List.of());

        FingerprintSummary stored = store.queries().top(1, TopOrder.CALLS, 10).getFirst();
        FingerprintSummary expected = both.summaries().getFirst();
        assertThat(stored.calls()).isEqualTo(500);
        assertThat(stored).usingRecursiveComparison().ignoringFields("hours").isEqualTo(expected);
        assertThat(stored.hours().byHourOfDay()).isEqualTo(expected.hours().byHourOfDay());
        assertThat(store.queries().imports(1)).extracting(LogImportRecord::contentKey).containsExactly("k2", "k1");
    }

    @Test
    void theSameFileCannotBeRecordedTwiceAndTheRefusedImportChangesNothing() {
        FingerprintDigest d = digest();
        d.add(stmt(t0, 5, "select 1"));
        store.queries().recordImport(d.states(), imported("same", d), List.of());
        assertThat(store.queries().importOf(1, "same")).isPresent();

        FingerprintDigest again = digest();
        store.queries().states(1).forEach(again::restore);
        again.add(stmt(t0, 5, "select 1"));
        assertThatThrownBy(() -> store.queries().recordImport(again.states(), imported("same", again), List.of()))
                .isInstanceOf(DataAccessException.class);
        assertThat(store.queries().top(1, TopOrder.CALLS, 5)).singleElement()
                .satisfies(s -> assertThat(s.calls()).isEqualTo(1));
    }

    @Test
    void topRanksByWhatIsAskedAndLeavesOutTheFoldedOnes() {
        FingerprintDigest d = new FingerprintDigest(Fingerprinter.POSTGRESQL, ZoneOffset.UTC, 10);
        for (int q = 0; q < 12; q++) {
            for (int c = 0; c <= q; c++) {
                d.add(stmt(t0.plusSeconds(c), q == 3 ? 10_000 : 1, "select * from t" + q));
            }
        }
        store.queries().recordImport(d.states(), imported("k", d), List.of());
        List<FingerprintState> states = store.queries().states(1);
        assertThat(states).anySatisfy(s -> assertThat(s.id()).isZero());

        assertThat(store.queries().top(1, TopOrder.CALLS, 2)).extracting(FingerprintSummary::normalized)
                .containsExactly("select * from t11", "select * from t10");
        assertThat(store.queries().top(1, TopOrder.MEAN, 1)).extracting(FingerprintSummary::normalized)
                .containsExactly("select * from t3");
        assertThat(store.queries().top(1, TopOrder.TOTAL, 100)).noneSatisfy(s -> assertThat(s.id()).isZero());
    }

    @Test
    void burstsAndPlansComeBackAsStored() {
        FingerprintDigest d = digest();
        d.add(stmt(t0, 1, "select 1"));
        BurstDetector.Burst burst = new BurstDetector.Burst("pid 42", 77, 150, 150, t0, t0.plusSeconds(2), 5,
                "select * from orders where customer = 7");
        store.queries().recordImport(d.states(), imported("k", d), List.of(burst));
        assertThat(store.queries().bursts(1, 10)).containsExactly(burst);

        String json = "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": \"orders\", \"Total Cost\": 12.5}}]";
        CapturedPlan plan = new CapturedPlan(1, "00000000000000ab", "select * from orders where id = $1", t0, true,
                PlanShape.ofExplainJson(json), json);
        store.queries().savePlan(plan);
        assertThat(store.queries().plans(1, t0.minusSeconds(1))).containsExactly(plan);
        assertThat(store.queries().plans(1, t0.plusSeconds(1))).isEmpty();
    }
}
