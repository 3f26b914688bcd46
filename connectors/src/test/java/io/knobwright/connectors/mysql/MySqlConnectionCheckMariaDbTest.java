package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.FailureReason;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.PrivilegeFinding;
import io.knobwright.connectors.PrivilegeFinding.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The connection test of "connect your first instance" against the machine's MariaDB 10.11: an account of its own
 * without privileges (dropped afterwards), a wrong password, an unknown account, no password, a closed port and an
 * unresolvable host.
 */
class MySqlConnectionCheckMariaDbTest {

    private static final String USER = "kw_welcome_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "Welcome-" + UUID.randomUUID();
    private static final String ACCOUNT = "'" + USER + "'@'%'";
    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final MySqlConnector connector = new MySqlConnector();

    @BeforeAll
    static void accountWithoutPrivileges() throws SQLException {
        LocalServices.requireMariaDb();
        asRoot("CREATE USER " + ACCOUNT + " IDENTIFIED BY '" + PASSWORD + "'");
    }

    @AfterAll
    static void dropAccount() throws SQLException {
        asRoot("DROP USER IF EXISTS " + ACCOUNT);
    }

    @Test
    void anAccountWithoutPrivilegesIsToldEachMissingOneWithTheGrantThatGivesIt() throws SQLException {
        ConnectionReport report = connector.check(new ConnectionTarget(URL, USER, PASSWORD));

        assertThat(report.server().fullVersion()).contains("10.11");
        assertThat(report.login()).isEqualTo(USER + "@%");
        assertThat(report.settingsRead()).isGreaterThan(400);
        assertThat(report.privileges()).filteredOn(p -> p.need().equals("SHOW GLOBAL VARIABLES / STATUS"))
                .extracting(PrivilegeFinding::status).containsExactly(Status.GRANTED);
        assertThat(report.missing()).extracting(PrivilegeFinding::need, PrivilegeFinding::remedy).containsExactly(
                tuple("PROCESS", "GRANT PROCESS ON *.* TO " + ACCOUNT + ";"),
                tuple("SELECT on performance_schema", "GRANT SELECT ON performance_schema.* TO " + ACCOUNT + ";"));
        // switched on or off by the server's configuration, which a test does not change: the finding follows it
        assertThat(report.unavailable()).extracting(PrivilegeFinding::need)
                .isEqualTo(performanceSchemaOn() ? java.util.List.of() : java.util.List.of("performance_schema = ON"));
    }

    @Test
    void runningTheNamedGrantsLeavesNothingMissing() throws SQLException {
        String other = "'" + USER + "_g'@'%'";
        asRoot("CREATE USER " + other + " IDENTIFIED BY '" + PASSWORD + "'");
        try {
            ConnectionReport before = connector.check(new ConnectionTarget(URL, USER + "_g", PASSWORD));
            assertThat(before.missing()).hasSize(2);
            asRoot(before.missing().stream().map(PrivilegeFinding::remedy).toArray(String[]::new));

            assertThat(connector.check(new ConnectionTarget(URL, USER + "_g", PASSWORD)).missing()).isEmpty();
        } finally {
            asRoot("DROP USER IF EXISTS " + other);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget(URL, USER, PASSWORD + "-wrong")));

        assertThat(e.reason()).isEqualTo(FailureReason.WRONG_PASSWORD_OR_USER);
        assertThat(e.reason().headline()).isEqualTo("Authentication failed: wrong password, or no such user");
        assertThat(e.getMessage()).startsWith("MariaDB at 127.0.0.1:3306 refused user '" + USER + "': wrong password")
                .doesNotContain(PASSWORD);
    }

    @Test
    void anUnknownAccountLooksLikeAWrongPasswordAsTheServerIntends() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget(URL, USER + "_nobody", PASSWORD)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(FailureReason.WRONG_PASSWORD_OR_USER);
    }

    @Test
    void noPasswordForAnAccountThatNeedsOneSaysSo() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget(URL, USER, null)));

        assertThat(e.reason()).isEqualTo(FailureReason.PASSWORD_REQUIRED);
        assertThat(e.getMessage()).startsWith("MariaDB at 127.0.0.1:3306 refused user '" + USER + "' without a password");
    }

    @Test
    void aClosedPortIsARefusedConnection() {
        int port = LocalServices.freePort();

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget("jdbc:mariadb://127.0.0.1:" + port + "/", USER, PASSWORD)));

        assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
    }

    @Test
    void anUnresolvableHostIsADnsFailure() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget("jdbc:mariadb://db.knobwright.invalid:3306/", USER, PASSWORD)));

        assertThat(e.reason()).isEqualTo(FailureReason.HOST_NOT_FOUND);
    }

    @Test
    void accountsAreQuotedForAGrant() {
        assertThat(MySqlPrivilegeCheck.account("o'brien@10.0.%")).isEqualTo("'o''brien'@'10.0.%'");
        assertThat(MySqlPrivilegeCheck.account("nohost")).isEqualTo("'nohost'@'%'");
    }

    private static boolean performanceSchemaOn() throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalServices.MARIADB_URL, "root", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@performance_schema")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static void asRoot(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalServices.MARIADB_URL, "root", ""); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
