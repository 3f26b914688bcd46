package io.knobwright.connectors;

import io.knobwright.model.fleet.JdbcUrlSecrets;

import java.util.List;

/** Picks the connector for a JDBC URL. */
public final class ConnectorRegistry {

    private final List<EngineConnector> connectors;

    public ConnectorRegistry(List<EngineConnector> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    public EngineConnector forUrl(String jdbcUrl) {
        return connectors.stream()
                .filter(c -> c.accepts(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> ConnectorException.badInput("No connector understands '" + JdbcUrlSecrets.mask(jdbcUrl)
                        + "'. Supported: jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db, jdbc:mysql://host:port/db.",
                        null));
    }
}
