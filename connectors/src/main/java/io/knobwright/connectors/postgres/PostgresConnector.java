package io.knobwright.connectors.postgres;

import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.EngineConnector;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL over pgjdbc. Each call opens one connection and closes it before returning.
 *
 * <p>Settings come from pg_settings as this session sees them. Parameters the driver sets when it logs in
 * (client_encoding, DateStyle, TimeZone, extra_float_digits, application_name) therefore carry the
 * session's value with source "client", not the server's configured value.
 */
public final class PostgresConnector implements EngineConnector {


    private final ConnectorTimeouts timeouts;
    private final PostgresHardwareProbe hardware = new PostgresHardwareProbe();
    private final PostgresCatalogReader catalogReader = new PostgresCatalogReader();
    private final PostgresPrivilegeCheck privileges = new PostgresPrivilegeCheck();

    public PostgresConnector() {
        this(ConnectorTimeouts.DEFAULT);
    }

    public PostgresConnector(ConnectorTimeouts timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    @Override
    public Set<Engine> engines() {
        return Set.of(Engine.POSTGRESQL);
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return PostgresDialect.INSTANCE.accepts(jdbcUrl);
    }

    @Override
    public ServerInfo probe(ConnectionTarget target) {
        return withConnection(target, this::probe);
    }

    @Override
    public ConnectionReport check(ConnectionTarget target) {
        return withConnection(target, connection -> {
            ServerInfo info = probe(connection);
            String login;
            int settings;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_user, (SELECT count(*) FROM pg_settings)::int")) {
                rs.next();
                login = rs.getString(1);
                settings = rs.getInt(2);
            }
            return new ConnectionReport(info, login, settings, privileges.check(connection));
        });
    }

    private ServerInfo probe(Connection connection) throws SQLException {
        String fullVersion;
        int versionNum;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            rs.next();
            fullVersion = rs.getString(1);
            versionNum = rs.getInt(2);
        }
        // server_version_num (150020) also survives "18beta1" and vendor suffixes in server_version
        String numeric = versionNum >= 100000 ? (versionNum / 10000) + "." + (versionNum % 10000) : fullVersion;
        EngineVersion version = EngineVersion.fromServerVersion(Engine.POSTGRESQL, numeric);
        HardwareFacts facts = hardware.read(connection);
        return new ServerInfo(version, fullVersion, facts);
    }

    @Override
    public List<LiveSetting> readSettings(ConnectionTarget target) {
        return withConnection(target, connection -> {
            List<LiveSetting> settings = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, setting, unit, source, pending_restart FROM pg_settings ORDER BY name")) {
                while (rs.next()) {
                    settings.add(new LiveSetting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
            return List.copyOf(settings);
        });
    }

    @Override
    public Optional<ParameterCatalog> readCatalog(ConnectionTarget target) {
        return withConnection(target, connection -> Optional.of(catalogReader.read(connection)));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionTarget target, Work<T> work) {
        Objects.requireNonNull(target, "target");
        if (!accepts(target.jdbcUrl())) {
            throw ConnectorException.badInput("Not a PostgreSQL JDBC URL: '" + JdbcUrlSecrets.mask(target.jdbcUrl())
                    + "'. It should look like jdbc:postgresql://host:5432/postgres.", null);
        }
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, timeouts);
        try (Connection connection = admitted.connect()) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }
}
