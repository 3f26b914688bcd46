package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.FailureReason;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.PrivilegeFinding;
import io.knobwright.connectors.PrivilegeFinding.Status;
import io.knobwright.connectors.SilentServer;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The connection test of "connect your first instance" against the machine's PostgreSQL 15 (trust authentication):
 * a role and a database of its own, made without privileges and dropped afterwards, and the failures a user meets
 * first (closed port, unknown host, silent server, unknown role).
 */
class PostgresConnectionCheckLocalServiceTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String ROLE = "kw_welcome_" + SUFFIX;
    private static final String DATABASE = "kw_welcome_db_" + SUFFIX;
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

    private final PostgresConnector connector = new PostgresConnector();

    @BeforeAll
    static void roleWithoutPrivileges() throws SQLException {
        LocalServices.requirePostgres();
        as("postgres", "CREATE ROLE " + ROLE + " LOGIN", "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropRole() throws SQLException {
        as("postgres", "DROP DATABASE IF EXISTS " + DATABASE, "DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void aRoleWithoutPrivilegesIsToldEachMissingOneWithTheGrantThatGivesIt() {
        ConnectionReport report = connector.check(new ConnectionTarget(URL, ROLE, null));

        assertThat(report.server().fullVersion()).startsWith("15.");
        assertThat(report.login()).isEqualTo(ROLE);
        assertThat(report.settingsRead()).isGreaterThan(300);
        assertThat(report.missing()).extracting(PrivilegeFinding::need, PrivilegeFinding::remedy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pg_read_all_settings", "GRANT pg_read_all_settings TO " + ROLE + ";"),
                org.assertj.core.groups.Tuple.tuple("pg_read_all_stats", "GRANT pg_read_all_stats TO " + ROLE + ";"));
        assertThat(report.unavailable()).singleElement().satisfies(statements -> {
            assertThat(statements.need()).isEqualTo("pg_stat_statements");
            assertThat(statements.remedy()).startsWith("Not installed in database " + DATABASE
                    + ": run CREATE EXTENSION pg_stat_statements; there");
        });
    }

    @Test
    void runningTheNamedGrantsLeavesNothingMissing() throws SQLException {
        String other = ROLE + "_granted";
        as("postgres", "CREATE ROLE " + other + " LOGIN");
        try {
            ConnectionReport before = connector.check(new ConnectionTarget(URL, other, null));
            as("postgres", before.missing().stream().map(PrivilegeFinding::remedy).toArray(String[]::new));

            ConnectionReport after = connector.check(new ConnectionTarget(URL, other, null));

            assertThat(after.missing()).isEmpty();
            assertThat(after.privileges()).filteredOn(p -> p.need().startsWith("pg_read_all"))
                    .extracting(PrivilegeFinding::status).containsOnly(Status.GRANTED);
        } finally {
            as("postgres", "DROP ROLE IF EXISTS " + other);
        }
    }

    @Test
    void theSuperuserHasEveryPrivilege() {
        ConnectionReport report = connector.check(new ConnectionTarget(LocalServices.POSTGRES_URL, "postgres", null));

        assertThat(report.missing()).isEmpty();
    }

    @Test
    void anUnknownRoleIsToldApartFromAWrongPassword() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget(URL, ROLE + "_nobody", null)));

        assertThat(e.reason()).isEqualTo(FailureReason.NO_SUCH_USER);
        assertThat(e.getMessage()).isEqualTo("PostgreSQL at 127.0.0.1:5432 has no role '" + ROLE + "_nobody': check the user name.");
    }

    @Test
    void aClosedPortIsARefusedConnection() {
        int port = LocalServices.freePort();

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null)));

        assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(e.reason().headline()).isEqualTo("Host unreachable: connection refused (nothing listens on that port)");
    }

    @Test
    void anUnresolvableHostIsADnsFailure() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(new ConnectionTarget("jdbc:postgresql://db.knobwright.invalid:5432/postgres", "postgres", null)));

        assertThat(e.reason()).isEqualTo(FailureReason.HOST_NOT_FOUND);
        assertThat(e.getMessage()).startsWith("The host name in db.knobwright.invalid:5432 does not resolve");
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        PostgresConnector impatient = new PostgresConnector(new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (SilentServer silent = new SilentServer().holdingConnections()) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> impatient.check(
                    new ConnectionTarget("jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres", "postgres", null)));

            assertThat(e.reason()).isEqualTo(FailureReason.TIMED_OUT);
            assertThat(e.reason().group()).isEqualTo(FailureReason.Group.UNREACHABLE);
        }
    }

    private static void as(String user, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalServices.POSTGRES_URL, user, null); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
