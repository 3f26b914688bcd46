package io.knobwright.connectors.workload;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A part the server cannot answer becomes a note and the rest goes on; a lost connection fails the poll. */
class CollectorSessionTest {

    private static final CollectorSession.Guard PLAIN = new CollectorSession.Guard() {
        @Override
        public <T> T around(Connection connection, CollectorSession.Part<T> part) throws SQLException {
            return part.read(connection);
        }
    };

    private static Integer one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aMissingViewIsANoteInOneLineAndTheNextPartStillRuns() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:collector-" + System.nanoTime())) {
            CollectorSession session = new CollectorSession(c, PLAIN);
            java.util.Optional<Integer> digests = session.optional("statement digests",
                    conn -> one(conn, "SELECT * FROM pg_stat_statements"));
            assertThat(digests).isEmpty();
            Integer answer = session.required(conn -> one(conn, "SELECT 41 + 1"));
            assertThat(answer).isEqualTo(42);
            session.note("performance_schema is off");
            assertThat(session.notes()).hasSize(2);
            assertThat(session.notes().getFirst()).startsWith("statement digests not collected: ").doesNotContain("\n");
        }
    }

    @Test
    void aLostConnectionFailsThePollInsteadOfBecomingANote() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:collector-" + System.nanoTime());
        CollectorSession session = new CollectorSession(c, PLAIN);
        c.close();
        assertThatThrownBy(() -> session.optional("sizes", conn -> one(conn, "SELECT 1"))).isInstanceOf(SQLException.class);
        assertThat(session.notes()).isEmpty();
    }
}
