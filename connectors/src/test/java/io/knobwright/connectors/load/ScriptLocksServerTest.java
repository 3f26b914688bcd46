package io.knobwright.connectors.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The premise of the simulator's hot rows, on the local PostgreSQL 15: a row a script's write locks stays locked, for
 * every other transaction, through the statements after it until the commit, which is the stretch
 * {@link ScriptLocks} counts as held.
 */
class ScriptLocksServerTest {

    private static LoadTestDatabase database;

    private static final LoadScript SCRIPT = LoadScript.parse("hot.sql", """
            \\set id random(1, 1)
            BEGIN;
            UPDATE hot SET n = n + 1 WHERE id = :id;
            SELECT count(*) FROM hot;
            END;
            """);

    @BeforeAll
    static void create() throws SQLException {
        database = new LoadTestDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE hot (id int PRIMARY KEY, n bigint NOT NULL)");
            s.execute("INSERT INTO hot VALUES (1, 0), (2, 0)");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    private static void update(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE hot SET n = n + 1 WHERE id = " + id);
        }
    }

    @Test
    void theLockedRowWaitsForTheHoldersCommitNotForItsStatement() throws SQLException {
        List<ScriptLocks.Locked> locks = ScriptLocks.of(SCRIPT, 1);
        assertThat(locks).singleElement().satisfies(l -> {
            assertThat(l.rows()).isEqualTo(1.0);
            assertThat(l.statementsHeld()).isEqualTo(3); // the update, the select, the commit
        });

        List<LoadScript.Sql> statements = SCRIPT.statements();
        try (Connection holder = database.connect(); Connection other = database.connect()) {
            try (Statement s = other.createStatement()) {
                s.execute("SET lock_timeout = '300ms'");
            }
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute(statements.get(1).render(Map.of("id", 1L))); // the UPDATE, as the script sends it
                s.execute(statements.get(2).render(Map.of())); // a statement later, the row is still held
            }
            assertThatThrownBy(() -> update(other, 1)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
            update(other, 2); // another row of the table is free
            holder.commit();
            update(other, 1); // released by the commit
        }
    }
}
