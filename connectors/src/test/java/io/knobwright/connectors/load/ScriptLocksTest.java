package io.knobwright.connectors.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptLocksTest {

    private static ScriptLocks.Locked on(List<ScriptLocks.Locked> locks, String table) {
        return locks.stream().filter(l -> l.statement().contains(table)).findFirst().orElseThrow();
    }

    @Test
    void tpcbLikeLocksItsBranchTellerAndAccountRowsUntilTheCommit() {
        List<ScriptLocks.Locked> locks = ScriptLocks.of(LoadScript.tpcbLike(), 5);
        assertThat(locks).hasSize(3);
        // five branches and fifty tellers picked uniformly; the account among 500,000
        assertThat(on(locks, "pgbench_branches").rows()).isCloseTo(5, within(0.25));
        assertThat(on(locks, "pgbench_tellers").rows()).isCloseTo(50, within(3.0));
        assertThat(on(locks, "pgbench_accounts").rows()).isGreaterThan(250_000);
        // held from the update through the insert and the commit; the teller's one statement longer
        assertThat(on(locks, "pgbench_branches").statementsHeld()).isEqualTo(3);
        assertThat(on(locks, "pgbench_tellers").statementsHeld()).isEqualTo(4);
        assertThat(on(locks, "pgbench_accounts").statementsHeld()).isEqualTo(6);
    }

    @Test
    void aReadOnlyScriptLocksNothing() {
        assertThat(ScriptLocks.of(LoadScript.selectOnly(), 5)).isEmpty();
    }

    @Test
    void skewedPicksMakeFewerRowsInEffectThanTheRange() {
        LoadScript skewed = LoadScript.parse("queue.sql", """
                \\set id random_exponential(1, 100, 5)
                BEGIN;
                UPDATE counters SET n = n + 1 WHERE id = :id;
                END;
                """);
        LoadScript uniform = LoadScript.parse("queue.sql", """
                \\set id random(1, 100)
                BEGIN;
                UPDATE counters SET n = n + 1 WHERE id = :id;
                END;
                """);
        assertThat(ScriptLocks.of(uniform, 1).getFirst().rows()).isCloseTo(100, within(8.0));
        assertThat(ScriptLocks.of(skewed, 1).getFirst().rows()).isLessThan(50);
    }

    @Test
    void withoutBeginEachStatementHoldsItsRowForItselfOnly() {
        LoadScript autocommit = LoadScript.parse("a.sql", """
                \\set id random(1, 10)
                SELECT * FROM jobs WHERE id = :id FOR UPDATE;
                DELETE FROM jobs WHERE id = :id;
                """);
        List<ScriptLocks.Locked> locks = ScriptLocks.of(autocommit, 1);
        assertThat(locks).hasSize(2).allSatisfy(l -> assertThat(l.statementsHeld()).isEqualTo(1));
    }

    @Test
    void aRowPerClientOrAKeyNotFromAVariableIsNotShared() {
        LoadScript own = LoadScript.parse("own.sql", """
                \\set v random(1, 1000)
                BEGIN;
                UPDATE sessions SET seen = now() WHERE client = :client_id;
                UPDATE settings SET v = :v WHERE name = 'x';
                SELECT * FROM jobs WHERE id = :v;
                END;
                """);
        assertThat(ScriptLocks.of(own, 1)).isEmpty();
    }

    @Test
    void inAMixARowLockedByOneAlternativeCollidesAsOftenAsItsShareSquared() {
        LoadScript hot = LoadScript.parse("hot.sql", """
                \\set b random(1, 10)
                BEGIN;
                UPDATE branches SET n = n + 1 WHERE bid = :b;
                END;
                """);
        LoadScript mix = LoadScript.mix("mix", List.of(new LoadScript.Weighted(hot, 1),
                new LoadScript.Weighted(LoadScript.selectOnly(), 1)));
        assertThat(ScriptLocks.of(mix, 1)).singleElement()
                .satisfies(l -> assertThat(l.rows()).isCloseTo(40, within(3.0)));
    }
}
