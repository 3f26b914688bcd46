package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The machine's MariaDB 10.11 service (root, empty password): read only, except a throwaway user. */
class MySqlConnectorMariaDbTest {

    private static final long GENEROUS_NANOS = Duration.ofSeconds(10).toNanos();
    private static final String PASSWORD = ThrowawayMariaDbUsers.PASSWORD;
    private static final ConnectionTarget ROOT = new ConnectionTarget(LocalServices.MARIADB_URL, "root", "");

    private final MySqlConnector connector = new MySqlConnector();

    @BeforeAll
    static void serviceIsUp() {
        LocalServices.requireMariaDb();
    }

    @Test
    void readCatalogOfMariaDbIsItsSystemVariablesDescription() {
        ParameterCatalog own = connector.readCatalog(ROOT).orElseThrow();

        assertThat(own.engineVersion()).isEqualTo(new EngineVersion(Engine.MARIADB, "10.11"));
        assertThat(own.origin()).startsWith("information_schema.SYSTEM_VARIABLES of MariaDB 10.11.");
        assertThat(own.find("innodb_buffer_pool_size").orElseThrow().unit()).isNotNull();
        assertThat(own.size()).isGreaterThan(500);
    }

    @Test
    void probeRecognisesMariaDb1011AndItsCpuCount() {
        ServerInfo info = connector.probe(ROOT);

        assertThat(info.version()).isEqualTo(new EngineVersion(Engine.MARIADB, "10.11"));
        assertThat(info.version().hasCatalog()).isTrue();
        assertThat(info.fullVersion()).startsWith("10.11.").containsIgnoringCase("mariadb");
        // thread_pool_size is automatic on this server, so it is the CPU count MariaDB saw at startup
        assertThat(info.hardware().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(info.hardware().memoryBytes()).isZero();
        // what it does report counts as probed, so a refresh may update it; RAM stays for a user to enter
        assertThat(info.hardware().source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        assertThat(info.hardware().source(HardwareFact.RAM)).isEqualTo(FactSource.UNKNOWN);
        assertThat(info.hardware().diskType()).isEqualTo(DiskType.UNKNOWN);
    }

    @Test
    void mysqlSchemeReachesTheSameServerThroughTheMariaDbDriver() {
        ServerInfo info = connector.probe(new ConnectionTarget("jdbc:mysql://127.0.0.1:3306/test", "root", ""));

        assertThat(info.version().engine()).isEqualTo(Engine.MARIADB);
    }

    @Test
    void readSettingsReturnsGlobalVariablesWithNormalisedSources() {
        List<LiveSetting> settings = connector.readSettings(ROOT);
        Map<String, LiveSetting> byName = settings.stream().collect(Collectors.toMap(LiveSetting::name, Function.identity()));

        assertThat(settings).hasSizeGreaterThan(500);
        assertThat(byName.get("innodb_buffer_pool_size").value()).matches("\\d+");
        assertThat(byName.get("max_connections").value()).matches("\\d+");
        assertThat(byName.get("thread_pool_size").source()).isEqualTo("auto");
        assertThat(byName).doesNotContainKey("timestamp"); // session-only, not configuration
        assertThat(settings).extracting(LiveSetting::source).contains("default", "configuration file");
        assertThat(settings).noneMatch(LiveSetting::pendingRestart);
        assertThat(settings).allSatisfy(s -> assertThat(s.unit()).isNull());
    }

    @Test
    void aRefusalNamesTheUserGivenInTheUrl() throws Exception {
        ThrowawayMariaDbUsers.withUser(user -> {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> connector.probe(
                    new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/?USER=" + user, null, "Wrong-Battery-18")));

            assertThat(e.getMessage()).startsWith("MariaDB at 127.0.0.1:3306 refused user '" + user + "': wrong password,");
        });
    }

    @Test
    void wrongPasswordIsRefusedNamingTheUserWithoutShowingThePassword() throws Exception {
        String wrongPassword = "Wrong-Battery-17";
        ThrowawayMariaDbUsers.withUser(user -> {
            long start = System.nanoTime();
            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> connector.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/", user, wrongPassword)));

            assertThat(e.getMessage()).startsWith("MariaDB at 127.0.0.1:3306 refused user '" + user + "': wrong password,")
                    .contains("Access denied for user '" + user + "'@'127.0.0.1'");
            assertThat(stackTraceOf(e)).doesNotContain(wrongPassword);
            assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
            // With the right password the same account gets in: the refusal was about the password
            assertThat(connector.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/", user, PASSWORD)).version().engine())
                    .isEqualTo(Engine.MARIADB);
        });
    }

    @Test
    void connectionsAreClosedAfterEachCall() throws Exception {
        ThrowawayMariaDbUsers.withUser(user -> {
            ConnectionTarget target = new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/", user, PASSWORD);
            for (int i = 0; i < 3; i++) {
                connector.probe(target);
                connector.readSettings(target);
            }
            try (Connection c = ThrowawayMariaDbUsers.root(); PreparedStatement st = c.prepareStatement(
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?")) {
                st.setString(1, user);
                int open = Integer.MAX_VALUE;
                // The server notices a closed connection a moment after the client closed it
                for (int i = 0; i < 50 && open > 0; i++) {
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        open = rs.getInt(1);
                    }
                    if (open > 0) {
                        Thread.sleep(100);
                    }
                }
                assertThat(open).isZero();
            }
        });
    }

    @Test
    void missingDatabaseIsNamedInTheMessage() {
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/no_such_db", "root", "")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("MariaDB at 127.0.0.1:3306 has no database 'no_such_db': check the database name at the end of"
                        + " the JDBC URL, or leave it out.");
    }

    @Test
    void urlRequiringTlsOnAServerWithoutTlsSaysSo() {
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget(LocalServices.MARIADB_URL + "?sslMode=trust", "root", "")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("MariaDB at 127.0.0.1:3306 does not offer SSL but the JDBC URL requires it: remove sslMode from the URL,"
                        + " or enable TLS on the server.");
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
