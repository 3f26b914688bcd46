package io.knobwright.connectors;

import io.knobwright.connectors.mysql.MySqlConnector;
import io.knobwright.connectors.postgres.PostgresConnector;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorsTest {

    private final ConnectorRegistry registry = Connectors.defaultRegistry();

    @Test
    void defaultRegistryServesPostgresMariaDbAndMySqlUrls() {
        assertThat(registry.forUrl("jdbc:postgresql://h/db")).isInstanceOf(PostgresConnector.class);
        assertThat(registry.forUrl("jdbc:mariadb://h/db")).isInstanceOf(MySqlConnector.class);
        assertThat(registry.forUrl("jdbc:mysql://h/db").engines()).containsExactlyInAnyOrder(Engine.MYSQL, Engine.MARIADB);
    }

    @Test
    void unsupportedUrlIsRefusedWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> registry.forUrl("jdbc:sqlserver://h:1433;databaseName=x;password=Hunter2"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageNotContaining("Hunter2")
                .hasMessageContaining("Supported: jdbc:postgresql://");
    }

    @Test
    void eachRegistryHasItsOwnConnectors() {
        assertThat(Connectors.defaultRegistry().forUrl("jdbc:postgresql://h/db")).isNotSameAs(registry.forUrl("jdbc:postgresql://h/db"));
    }
}
