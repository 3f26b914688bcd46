package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.FailureReason;
import io.knobwright.connectors.catalog.CatalogGenerator;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a real PostgreSQL says when it refuses a connection or a read, as the user reads it: an embedded server
 * with few connection slots, limited roles and databases, an ident rule and a revoked settings view.
 */
class PostgresRefusalsEmbeddedTest {

    /** Slots for ordinary roles: max_connections minus the ones reserved for superusers. */
    private static final int ORDINARY_SLOTS = 3;

    private static EmbeddedPostgres server;
    private static String endpoint;
    private final PostgresConnector connector = new PostgresConnector();

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", String.valueOf(ORDINARY_SLOTS + 3))
                .setServerConfig("superuser_reserved_connections", "3")
                .start();
        endpoint = "127.0.0.1:" + server.getPort();
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE plain_user LOGIN");
            st.execute("CREATE ROLE limited_user LOGIN CONNECTION LIMIT 0");
            st.execute("CREATE ROLE ident_user LOGIN");
            st.execute("CREATE ROLE rejected_user LOGIN");
            st.execute("CREATE ROLE no_settings_user LOGIN");
            st.execute("CREATE DATABASE closed_db CONNECTION LIMIT 0");
            // Reading pg_settings is everyone's right by default; this server takes it away from one role
            st.execute("REVOKE SELECT ON pg_catalog.pg_settings FROM PUBLIC");
            st.execute("GRANT SELECT ON pg_catalog.pg_settings TO plain_user, limited_user, ident_user");
            // ident over TCP asks an ident daemon on the client host; there is none, so the login fails
            Path hba = Path.of(scalar(st, "SHOW hba_file"));
            Files.writeString(hba, "host all ident_user 127.0.0.1/32 ident\nhost all rejected_user 127.0.0.1/32 reject\n"
                    + Files.readString(hba));
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
    void unknownRoleIsNamed() {
        assertThatThrownBy(() -> connector.probe(target("postgres", "no_such_role")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("PostgreSQL at " + endpoint + " has no role 'no_such_role': check the user name.")
                .extracting(e -> ((ConnectorException) e).reason()).isEqualTo(FailureReason.NO_SUCH_USER);
    }

    @Test
    void aPgHbaRejectionIsToldApartFromAWrongPassword() {
        assertThatThrownBy(() -> connector.probe(target("postgres", "rejected_user")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("'rejected_user'")
                .hasMessageContaining("pg_hba.conf")
                .extracting(e -> ((ConnectorException) e).reason()).isEqualTo(FailureReason.HOST_REJECTED);
    }

    @Test
    void roleAtItsConnectionLimitIsToldApartFromAFullServer() {
        assertThatThrownBy(() -> connector.probe(target("postgres", "limited_user")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("PostgreSQL at " + endpoint + " allows user 'limited_user' no more connections (the role's"
                        + " CONNECTION LIMIT is reached): close some of its sessions, or ask for a higher limit.");
    }

    @Test
    void databaseAtItsConnectionLimitIsNamed() {
        assertThatThrownBy(() -> connector.readSettings(target("closed_db", "plain_user")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("PostgreSQL at " + endpoint + " allows no more connections to database 'closed_db' (its"
                        + " CONNECTION LIMIT is reached): close some sessions on it, or ask for a higher limit.");
    }

    @Test
    void serverWithEveryOrdinarySlotTakenSaysMaxConnectionsIsReached() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < ORDINARY_SLOTS; i++) {
                held.add(DriverManager.getConnection(url("postgres"), "plain_user", null));
            }

            assertThatThrownBy(() -> connector.probe(target("postgres", "plain_user")))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessage("PostgreSQL at " + endpoint + " has no free connection slot (max_connections is reached):"
                            + " try again later, or ask for a reserved slot.");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        // the refusal was about the slots: with them free again the same role gets in
        assertThat(connector.probe(target("postgres", "plain_user")).version().major()).isEqualTo("14");
    }

    @Test
    void otherAuthenticationFailuresQuoteTheServer() {
        assertThatThrownBy(() -> connector.probe(target("postgres", "ident_user")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("PostgreSQL at " + endpoint + " refused user 'ident_user': wrong password or no pg_hba.conf entry"
                        + " for this host, user and database (the server said: FATAL: Ident authentication failed for user"
                        + " \"ident_user\").");
    }

    @Test
    void anyOtherRefusalQuotesTheServerAndItsSqlState() {
        String badOption = url("postgres") + "?options=-c%20work_mem=nonsense";

        assertThatThrownBy(() -> connector.probe(new ConnectionTarget(badOption, "plain_user", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("PostgreSQL at " + endpoint + " failed: FATAL: invalid value for parameter \"work_mem\"")
                .hasMessageEndingWith("(SQLState 22023).");
    }

    @Test
    void catalogGenerationByARoleThatMayNotReadTheSettingsSaysWhatItNeeds() {
        CatalogGenerator generator = CatalogGenerator.withReaders(List.of(new PostgresCatalogReader()));

        assertThatThrownBy(() -> generator.generate(url("postgres") + "?password=hunter2", "no_settings_user", null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Reading the parameters of " + url("postgres") + "?password=*** failed: ERROR: permission denied"
                        + " for view pg_settings. The user needs permission to read the server's settings view.");
    }

    private static ConnectionTarget target(String database, String user) {
        return new ConnectionTarget(url(database), user, null);
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(url("postgres"), "postgres", null);
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
