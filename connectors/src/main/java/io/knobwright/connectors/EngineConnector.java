package io.knobwright.connectors;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.LiveSetting;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Talks to one family of engines over JDBC. All methods block: call them off the FX thread. */
public interface EngineConnector {

    /** Engines this connector can serve (MySQL and MariaDB share one). */
    Set<Engine> engines();

    /** True when this connector understands the JDBC URL's scheme. */
    boolean accepts(String jdbcUrl);

    /** Opens a connection, reads version and hardware facts, closes it. Fails fast with a clear message. */
    ServerInfo probe(ConnectionTarget target);

    /**
     * The connection test of "connect your first instance": on one connection, the server's version and hardware,
     * how many settings the login reads, and the privileges Knobwright needs, each missing one with its GRANT.
     * Fails like {@link #probe}, with a {@link ConnectorException} whose {@link ConnectorException#reason()} says why.
     */
    ConnectionReport check(ConnectionTarget target);

    /** Every current setting with its source and pending-restart state. */
    List<LiveSetting> readSettings(ConnectionTarget target);

    /**
     * The server's own description of every parameter it knows (type, unit, range, accepted values, default,
     * how a change applies): for that server it outranks the shipped catalog. Empty where the engine has no
     * view that describes its parameters (MySQL).
     */
    Optional<ParameterCatalog> readCatalog(ConnectionTarget target);
}
