package io.knobwright.connectors.mysql;

import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.EngineConnector;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.connectors.catalog.MariaDbCatalogReader;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.MariaDbDialect;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.LiveSetting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * MariaDB and MySQL over MariaDB Connector/J (LGPL as a separate, unmodified jar; it speaks both
 * dialects, so one driver serves jdbc:mariadb: and jdbc:mysql: URLs). Which engine answered is read from
 * the server, not guessed from the scheme. Each call opens one connection and closes it before returning.
 */
public final class MySqlConnector implements EngineConnector {

    private final ConnectorTimeouts timeouts;
    private final MySqlHardwareProbe hardware = new MySqlHardwareProbe();
    private final MySqlSettingsReader settings = new MySqlSettingsReader();
    private final MySqlPrivilegeCheck privileges = new MySqlPrivilegeCheck();
    private final MariaDbCatalogReader catalogReader = MariaDbCatalogReader.withCuratedTables();

    public MySqlConnector() {
        this(ConnectorTimeouts.DEFAULT);
    }

    public MySqlConnector(ConnectorTimeouts timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    @Override
    public Set<Engine> engines() {
        return Set.of(Engine.MARIADB, Engine.MYSQL);
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return MariaDbDialect.INSTANCE.accepts(jdbcUrl);
    }

    @Override
    public ServerInfo probe(ConnectionTarget target) {
        return withConnection(target, connection -> {
            ServerIdentity server = ServerIdentity.read(connection);
            return new ServerInfo(server.version(), server.fullVersion(), hardware.read(connection, server));
        });
    }

    @Override
    public ConnectionReport check(ConnectionTarget target) {
        return withConnection(target, connection -> {
            ServerIdentity server = ServerIdentity.read(connection);
            ServerInfo info = new ServerInfo(server.version(), server.fullVersion(), hardware.read(connection, server));
            String login;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
                rs.next();
                login = rs.getString(1);
            }
            int read = settings.read(connection, server).size();
            return new ConnectionReport(info, login, read, privileges.check(connection));
        });
    }

    @Override
    public List<LiveSetting> readSettings(ConnectionTarget target) {
        return withConnection(target, connection -> settings.read(connection, ServerIdentity.read(connection)));
    }

    /** MariaDB describes its variables in information_schema.SYSTEM_VARIABLES; MySQL has no such view. */
    @Override
    public Optional<ParameterCatalog> readCatalog(ConnectionTarget target) {
        return withConnection(target, connection -> {
            ServerIdentity server = ServerIdentity.read(connection);
            return server.version().engine() == Engine.MARIADB ? Optional.of(catalogReader.read(connection)) : Optional.empty();
        });
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionTarget target, Work<T> work) {
        Objects.requireNonNull(target, "target");
        if (!accepts(target.jdbcUrl())) {
            throw ConnectorException.badInput("Not a MariaDB or MySQL JDBC URL: '" + JdbcUrlSecrets.mask(target.jdbcUrl())
                    + "'. It should look like jdbc:mariadb://host:3306/ or jdbc:mysql://host:3306/.", null);
        }
        JdbcGate.Admitted admitted = JdbcGate.admit(MariaDbDialect.INSTANCE, target, timeouts);
        try (Connection connection = admitted.connect()) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw MySqlFailures.translate(failure, admitted.engine(), admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }
}
