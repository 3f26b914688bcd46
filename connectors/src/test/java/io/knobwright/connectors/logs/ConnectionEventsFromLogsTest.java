package io.knobwright.connectors.logs;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.ConnectionStorm;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL 16 (embedded) with log_connections and log_disconnections on writes stderr, csvlog and jsonlog at
 * once while a "storm" of 30 short connections comes and goes; each file's import gives back those 30 arrivals with
 * their application name (as clients send it at connection time), user and database, and their 30 departures with a session time.
 */
class ConnectionEventsFromLogsTest {

    private static final int STORM = 30;
    private static final String PREFIX = "%m [%p] app=%a,user=%u,db=%d ";

    @TempDir
    static Path dir;
    private static Path logs;

    @BeforeAll
    static void aServerThatLogsConnections() throws Exception {
        logs = Files.createDirectories(dir.resolve("log"));
        try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().builder(16)
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr,csvlog,jsonlog")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "server.log")
                .setServerConfig("log_line_prefix", "'" + PREFIX + "'")
                .setServerConfig("log_connections", "on")
                .setServerConfig("log_disconnections", "on")
                .start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            for (int i = 0; i < STORM; i++) {
                Properties p = new Properties();
                p.setProperty("ApplicationName", "storm-app");
                // the driver puts the name into the startup packet (where log_connections sees it) only then; libpq
                // clients always do
                p.setProperty("assumeMinServerVersion", "16");
                try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"server.log", "server.csv", "server.json"})
    void everyFormatGivesBackTheConnectionsThatCameAndWent(String file) {
        LogSource source = LogImporter.inspect(logs.resolve(file), null, file.endsWith(".log") ? PREFIX : null);
        List<ConnectionEvent> events = new ArrayList<>();
        LogImporter.run(source, 1, i -> s -> { }, i -> events::add, new ImportControl());

        List<ConnectionEvent> arrivals = events.stream().filter(e -> e.kind() == ConnectionEvent.Kind.CONNECTED
                && e.application().equals("storm-app")).toList();
        assertThat(arrivals).hasSize(STORM).allSatisfy(e -> {
            assertThat(e.user()).isEqualTo("postgres");
            assertThat(e.database()).isEqualTo("postgres");
        });
        Set<String> stormPids = arrivals.stream().map(ConnectionEvent::process).collect(Collectors.toSet());
        List<ConnectionEvent> departures = events.stream().filter(e -> e.kind() == ConnectionEvent.Kind.DISCONNECTED
                && stormPids.contains(e.process())).toList();
        assertThat(departures).hasSize(STORM).allSatisfy(e -> {
            assertThat(e.sessionSeconds()).isGreaterThanOrEqualTo(0);
            assertThat(e.user()).isEqualTo("postgres");
        });

        ConnectionStorm storm = new ConnectionStorm();
        events.forEach(storm::add);
        ConnectionStorm.Summary summary = storm.summary();
        assertThat(summary.byApplication()).containsEntry("storm-app", STORM);
        assertThat(summary.peakPerSecond()).isPositive();
        assertThat(summary.medianSessionSeconds()).isNotNaN();
        System.out.println(file + ": " + String.join("; ", summary.lines()));
    }
}
