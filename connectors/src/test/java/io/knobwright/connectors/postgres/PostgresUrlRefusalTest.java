package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlRefusalTest {

    @Test
    void urlTheDriverCannotReadIsRefusedWithTheExpectedForm() {
        ConnectionTarget target = new ConnectionTarget("jdbc:postgresql://db1:fivefourthreetwo/postgres?password=s3cret", "dba", null);

        assertThatThrownBy(() -> new PostgresConnector().probe(target))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("The PostgreSQL driver cannot read the JDBC URL 'jdbc:postgresql://db1:fivefourthreetwo/postgres?password=***':"
                        + " check host, port and database (jdbc:postgresql://host:5432/postgres).");
    }
}
