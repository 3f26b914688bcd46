package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcUrl;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal no test server can be held in long enough to give: a server still starting up. */
class PostgresFailuresTest {

    @Test
    void serverStartingUpIsToldApartFromARefusal() {
        ConnectionTarget target = new ConnectionTarget("jdbc:postgresql://db1/sales", "dba", null);
        SQLException failure = new SQLException("FATAL: the database system is starting up", "57P03");

        assertThat(PostgresFailures.translate(failure, JdbcUrl.parse(target.jdbcUrl(), 5432), target, target, ConnectorTimeouts.DEFAULT))
                .hasMessage("PostgreSQL at db1:5432 is starting up, shutting down or recovering and accepts no connections yet:"
                        + " try again in a moment.");
    }
}
