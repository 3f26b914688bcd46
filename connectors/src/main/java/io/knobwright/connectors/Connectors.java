package io.knobwright.connectors;

import io.knobwright.connectors.mysql.MySqlConnector;
import io.knobwright.connectors.postgres.PostgresConnector;

import java.util.List;

/** The connectors Knobwright ships, for the composition root. */
public final class Connectors {

    private Connectors() {
    }

    /** A new registry with a new connector per engine family and default timeouts. */
    public static ConnectorRegistry defaultRegistry() {
        return new ConnectorRegistry(List.of(new PostgresConnector(), new MySqlConnector()));
    }
}
