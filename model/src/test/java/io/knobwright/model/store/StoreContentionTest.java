package io.knobwright.model.store;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which failures a unit of work survives by running again (decision 0043): those of a store whose server went away
 * or that other processes hold for a moment, as long as nothing may have been committed.
 */
class StoreContentionTest {

    @TempDir
    Path temp;

    private static DataAccessException h2(int errorCode) {
        return new DataAccessException("store", new SQLException("H2 says no", "HY000", errorCode));
    }

    @Test
    void aTransactionCutOffBeforeItsCommitRunsAgainAndIsStoredOnce() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("contention-" + UUID.randomUUID(), false)) {
            AtomicInteger runs = new AtomicInteger();

            store.inTransaction(tx -> {
                tx.instances().save(TestInstances.inventoryOnly("saved-once"));
                if (runs.incrementAndGet() == 1) {
                    throw h2(ErrorCode.CONNECTION_BROKEN_1); // the server went away before the commit
                }
            });

            assertThat(runs).hasValue(2);
            assertThat(store.instances().findAll()).extracting(i -> i.name()).containsExactly("saved-once");
        }
    }

    @Test
    void aReadIsTriedAgainUntilTheStoreAnswers() {
        StoreContention contention = new StoreContention(temp);
        AtomicInteger runs = new AtomicInteger();

        String answer = contention.unit(() -> {
            if (runs.incrementAndGet() < 3) {
                throw h2(ErrorCode.ERROR_OPENING_DATABASE_1); // "Lock file recently modified" while reconnecting
            }
            return "fleet";
        });

        assertThat(answer).isEqualTo("fleet");
        assertThat(runs).hasValue(3);
    }

    @Test
    void aWriteWhoseCommitFailedIsNotRepeatedAndTheUserIsToldToLook() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            try (Connection c = pool.getConnection()) {
                c.createStatement().execute("CREATE TABLE note (text VARCHAR(20))");
            }
            DSLContext dsl = DSL.using(new DefaultConfiguration().set(new CommitWatch(commitThenLoseTheAnswer(pool)))
                    .set(SQLDialect.H2).set(new DefaultExecuteListenerProvider(CommitWatch.writes())));
            StoreContention contention = new StoreContention(temp);
            AtomicInteger runs = new AtomicInteger();

            assertThatThrownBy(() -> contention.unit(() -> {
                runs.incrementAndGet();
                dsl.transaction(tx -> tx.dsl().execute("INSERT INTO note VALUES ('hello')"));
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("may or may not have been saved")
                    .hasMessageContaining("run the command again if the change is missing");

            assertThat(runs).as("not repeated: it was committed").hasValue(1);
            try (Connection c = pool.getConnection(); var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM note")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        } finally {
            pool.dispose();
        }
    }

    /** Connections whose commit succeeds and whose answer is then lost, as when the serving process exits. */
    private static DataSource commitThenLoseTheAnswer(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (ds, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                Object r = invoke(m, connection, a);
                                if (m.getName().equals("commit")) {
                                    throw new SQLException("Connection is broken: \"session closed\"", "08006",
                                            ErrorCode.CONNECTION_BROKEN_1);
                                }
                                return r;
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void aStoreThatStaysBusyEndsInOneMessage() {
        StoreContention contention = new StoreContention(temp, Duration.ZERO, Duration.ZERO);

        assertThatThrownBy(() -> contention.unit(() -> {
            throw h2(ErrorCode.LOCK_TIMEOUT_1);
        })).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The store at " + temp + " stayed busy for 0 s")
                .hasMessageContaining("(last: H2 says no)")
                .hasMessageContaining("close the other Knobwright windows and commands");
    }

    @Test
    void aFileHeldWithoutSharingIsNamedAfterAShortWait() {
        StoreContention contention = new StoreContention(temp, Duration.ofMinutes(1), Duration.ZERO);

        assertThatThrownBy(() -> contention.opening(() -> {
            throw h2(ErrorCode.DATABASE_ALREADY_OPEN_1);
        })).isInstanceOf(StoreException.class).hasMessageContaining("is locked by another program that opened it without sharing");
    }

    @Test
    void aMomentWithoutALockFileAfterALongTakeOverIsWaitedOutNotTakenForAProgramThatDoesNotShare() {
        StoreContention contention = new StoreContention(temp, Duration.ofMinutes(1), Duration.ofMillis(300));
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

        String opened = contention.opening(() -> {
            attempts.incrementAndGet();
            if (System.nanoTime() - start < Duration.ofMillis(400).toNanos()) {
                throw h2(ErrorCode.LOCK_TIMEOUT_1); // the take-over, longer than the patience for a non-sharing holder
            }
            if (attempts.get() % 3 != 0) {
                throw h2(ErrorCode.DATABASE_ALREADY_OPEN_1); // no lock file for a moment
            }
            return "open";
        });

        assertThat(opened).isEqualTo("open");
    }

    @Test
    void otherFailuresPassUnchangedAndAnInnerUnitLeavesTheRetryingToTheOuterOne() {
        StoreContention contention = new StoreContention(temp);
        IllegalArgumentException bad = new IllegalArgumentException("bad value");
        assertThatThrownBy(() -> contention.unit(() -> {
            throw bad;
        })).isSameAs(bad);

        AtomicInteger inner = new AtomicInteger();
        AtomicInteger outer = new AtomicInteger();
        String result = contention.unit(() -> {
            outer.incrementAndGet();
            return contention.unit(() -> {
                if (inner.incrementAndGet() == 1) {
                    throw h2(ErrorCode.CONNECTION_BROKEN_1);
                }
                return "done";
            });
        });
        assertThat(result).isEqualTo("done");
        assertThat(outer).as("the whole outer unit ran again").hasValue(2);
    }
}
