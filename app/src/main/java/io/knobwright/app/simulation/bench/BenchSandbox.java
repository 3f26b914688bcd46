package io.knobwright.app.simulation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedded PostgreSQL on one data directory that the bench restarts under each configuration, so restart-only
 * settings (shared_buffers) can vary while the generated data stays. Held constant across configurations: fsync on
 * (synchronous_commit must cost what it costs), autovacuum off (the data is vacuumed after init; a worker waking in a
 * 6-second run is noise, not the configuration), track_io_timing on.
 */
final class BenchSandbox implements AutoCloseable {

    /** Settings every configuration shares. */
    static final Map<String, String> FIXED = Map.of(
            "fsync", "on", "full_page_writes", "on", "autovacuum", "off", "track_io_timing", "on",
            "max_connections", "40", "jit", "off", "log_min_messages", "warning",
            "max_parallel_workers_per_gather", "0");

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;
    private Map<String, String> current = Map.of();

    BenchSandbox(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Stops the server if running and starts it with the fixed settings plus {@code settings}. */
    void restart(Map<String, String> settings) throws IOException {
        stop();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setPGStartupWait(java.time.Duration.ofSeconds(60));
        Map<String, String> all = new LinkedHashMap<>(FIXED);
        all.putAll(settings);
        all.forEach(builder::setServerConfig);
        postgres = builder.start();
        current = Map.copyOf(all);
    }

    Map<String, String> settings() {
        return current;
    }

    Connection connect(String database) throws SQLException {
        if (postgres == null) {
            throw new IllegalStateException("The sandbox is not running");
        }
        return postgres.getDatabase("postgres", database).getConnection();
    }

    void createDatabase(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("CREATE DATABASE " + database);
        }
    }

    void stop() throws IOException {
        if (postgres != null) {
            EmbeddedPostgres p = postgres;
            postgres = null;
            p.close();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
