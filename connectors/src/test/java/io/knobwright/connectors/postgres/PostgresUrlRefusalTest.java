package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlRefusalTest {

    /** Nothing was contacted, so it is the user's input that is wrong (exit 1), not an unreachable server (3). */
    @Test
    void urlTheDriverCannotReadIsRefusedAsInputWithTheExpectedForm() {
        ConnectionTarget target = new ConnectionTarget("jdbc:postgresql://db1:fivefourthreetwo/postgres?password=s3cret", "dba", null);

        assertThatThrownBy(() -> new PostgresConnector().probe(target))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessage("The PostgreSQL driver cannot read the JDBC URL 'jdbc:postgresql://db1:fivefourthreetwo/postgres?password=***':"
                        + " it names no valid host, port or database. Nothing was contacted; correct the URL"
                        + " (e.g. jdbc:postgresql://host:5432/postgres).");
    }

    @Test
    void urlOfAnotherEngineIsRefusedAsInput() {
        ConnectionTarget target = new ConnectionTarget("jdbc:mariadb://db1/x?password=s3cret", "dba", null);

        assertThatThrownBy(() -> new PostgresConnector().probe(target))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageStartingWith("Not a PostgreSQL JDBC URL: 'jdbc:mariadb://db1/x?password=***'");
    }
}
