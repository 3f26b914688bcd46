package io.knobwright.app.simulation;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.sandbox.SandboxServer;
import io.knobwright.model.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named embedded PostgreSQL that Knobwright starts for an experiment and stops after it, with the data the
 * experiment needs. Because Knobwright controls this server, any setting may be tried here, restart-only ones
 * (shared_buffers, max_connections, ...) included: they go into the start configuration, and {@link #restart} stops
 * the server and starts it again on the same data with other settings. Its data is deleted on {@link #close}.
 *
 * <p>Its major version is that of the PostgreSQL binaries Knobwright ships; when the instance the sandbox stands for
 * runs another major, {@link #versionNote} says so, because plans, costs and defaults differ between majors.
 */
public final class Sandbox implements AutoCloseable {

    /** What the sandbox holds; loaded once after the first start. */
    public interface Data {
        /** Creates the tables and rows on a connection to the sandbox's "postgres" database. */
        void load(Connection connection) throws SQLException;

        /** "pgbench tables at scale 10", "setup.sql" */
        String describe();

        /** The statements of a SQL file, run as one script (the simple query protocol takes several statements). */
        static Data sqlFile(Path file) {
            Objects.requireNonNull(file, "file");
            return new Data() {
                @Override
                public void load(Connection connection) throws SQLException {
                    String sql;
                    try {
                        sql = Files.readString(file);
                    } catch (IOException e) {
                        throw UserError.input("Cannot read the sandbox's setup file " + file + ": " + e.getMessage());
                    }
                    try (Statement st = connection.createStatement()) {
                        st.execute(sql);
                    }
                }

                @Override
                public String describe() {
                    return String.valueOf(file.getFileName());
                }
            };
        }

        /** Nothing: the workload brings its own tables, or needs none. */
        static Data none() {
            return new Data() {
                @Override
                public void load(Connection connection) {
                    // nothing to load
                }

                @Override
                public String describe() {
                    return "no data";
                }
            };
        }
    }

    private final String name;
    private final SandboxServer server;
    private final String instanceVersion;
    private final String data;

    private Sandbox(String name, SandboxServer server, String instanceVersion, String data) {
        this.name = name;
        this.server = server;
        this.instanceVersion = instanceVersion;
        this.data = data;
    }

    /**
     * Starts a sandbox with {@code settings} in its configuration and loads {@code data} into it, then VACUUM ANALYZE.
     *
     * @param instanceVersion the version of the instance it stands for ("15", "15.4"), or null when none
     * @throws UserError when PostgreSQL does not start with these settings (a bad value, say) or the data fails to load
     */
    public static Sandbox start(String name, Map<String, String> settings, Data data, String instanceVersion) {
        if (name == null || name.isBlank()) {
            throw UserError.input("A sandbox needs a name.");
        }
        Objects.requireNonNull(data, "data");
        SandboxServer server = SandboxServer.start(settings);
        try {
            try (Connection c = server.connect()) {
                data.load(c);
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE");
                }
            } catch (SQLException e) {
                throw UserError.input("The sandbox '" + name.strip() + "' could not load " + data.describe() + ": "
                        + firstLine(e));
            }
            return new Sandbox(name.strip(), server, instanceVersion, data.describe());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Stops the server and starts it on the same data with {@code newSettings} (its caches start cold). */
    public void restart(Map<String, String> newSettings) {
        server.restart(newSettings);
    }

    public String name() {
        return name;
    }

    /** "sandbox:NAME", the target an observation names. */
    public String target() {
        return "sandbox:" + name;
    }

    /** What it was loaded with. */
    public String data() {
        return data;
    }

    /** The settings it was last started with, as given. */
    public Map<String, String> settings() {
        return server.settings();
    }

    public String version() {
        return server.version();
    }

    public int major() {
        return server.major();
    }

    public ConnectionTarget connectionTarget() {
        return server.target();
    }

    public Connection connect() throws SQLException {
        return server.connect();
    }

    /** Why its measurements may not carry over to the instance: another major version; empty when they match. */
    public Optional<String> versionNote() {
        if (instanceVersion == null || instanceVersion.isBlank()) {
            return Optional.empty();
        }
        String instance = instanceVersion.strip();
        if (majorOf(instance).equals(String.valueOf(major()))) {
            return Optional.empty();
        }
        return Optional.of("The sandbox runs PostgreSQL " + major() + " and the instance PostgreSQL " + majorOf(instance)
                + ": plans, costs and defaults differ between major versions, so its measurements carry over less surely.");
    }

    /** "15.4" -> "15"; before 10 the major had two parts ("9.6.24" -> "9.6"). */
    static String majorOf(String version) {
        String[] parts = version.split("\\.");
        if (parts.length > 1 && parts[0].equals("9")) {
            return parts[0] + "." + parts[1];
        }
        return parts[0];
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        server.close();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
