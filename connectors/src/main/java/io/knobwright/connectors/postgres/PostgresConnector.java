package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.EngineConnector;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcUrl;
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

    private static final int DEFAULT_PORT = 5432;
    private static final String SCHEME = "jdbc:postgresql:";

    private final ConnectorTimeouts timeouts;
    private final PostgresHardwareProbe hardware = new PostgresHardwareProbe();
    private final PostgresCatalogReader catalogReader = new PostgresCatalogReader();

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
        return jdbcUrl != null && jdbcUrl.startsWith(SCHEME);
    }

    @Override
    public ServerInfo probe(ConnectionTarget target) {
        return withConnection(target, connection -> {
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
        });
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
            throw new ConnectorException("Not a PostgreSQL JDBC URL: '" + JdbcUrl.redact(target.jdbcUrl())
                    + "'. It should look like jdbc:postgresql://host:5432/postgres.");
        }
        JdbcUrl url = JdbcUrl.parse(target.jdbcUrl(), DEFAULT_PORT);
        PostgresDriverProperties.GUARD.check(url);
        // The driver is used directly, not through DriverManager, so no other driver on the classpath can claim the URL
        org.postgresql.Driver driver = new org.postgresql.Driver();
        // pgjdbc returns no connection only for another scheme, refused above; a URL it cannot parse throws
        try (Connection connection = driver.connect(target.jdbcUrl(), PostgresDriverProperties.of(target, timeouts))) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, url, target, timeouts);
        }
    }
}
