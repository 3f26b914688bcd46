package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.health.ConnectionUse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `health connections` against the machine's PostgreSQL 15 and MariaDB 10.11: sessions opened by the test, each with
 * its own application name, begin a transaction, run a statement and are left idle in it; the command finds every one
 * of them with its application name (PostgreSQL), user and age, and the poll stores the use per application.
 */
class HealthConnectionsAgainstServersTest {

    private final String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final List<Connection> leaks = new ArrayList<>();
    private CliHarness cli;
    private AppContext context;

    @BeforeEach
    void fleet() {
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
        context.fleet().register(new Registration("local-pg15", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null, null, Tier.TEST, null, null, Map.of()));
        context.fleet().register(new Registration("local-mariadb", "jdbc:mariadb://127.0.0.1:3306/", "root",
                null, null, Tier.TEST, null, null, Map.of()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Connection c : leaks) {
            c.rollback();
            c.close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root&password=");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS kw_conn_" + nonce);
        }
        context.close();
        cli.close();
    }

    @Test
    void sessionsLeftIdleInATransactionOnPostgresAreFoundWithTheirApplicationName() throws Exception {
        for (int i = 0; i < 3; i++) {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            p.setProperty("ApplicationName", "kw-leak-" + nonce + "-" + i);
            Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", p);
            leaks.add(c);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT count(*) FROM pg_class /* kw-leak " + i + " */");
            }
        }

        CliHarness.Result result = cli.run("health", "connections", "--instance", "local-pg15", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("limits").path("maxConnections").asInt()).isPositive();
        assertThat(json.path("limits").path("usable").asInt()).isLessThan(json.path("limits").path("maxConnections").asInt());
        assertThat(json.path("current").path("total").asInt()).isGreaterThanOrEqualTo(3);
        List<JsonNode> ours = StreamSupport.stream(json.path("idleInTransaction").spliterator(), false)
                .filter(n -> n.path("application").asText().startsWith("kw-leak-" + nonce)).toList();
        assertThat(ours).hasSize(3).allSatisfy(n -> {
            assertThat(n.path("user").asText()).isEqualTo("postgres");
            assertThat(n.path("transactionSeconds").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(n.path("query").asText()).contains("kw-leak");
            assertThat(n.path("leak").asBoolean()).as("younger than 5 minutes: listed, not yet a leak").isFalse();
        });
        for (int i = 0; i < 3; i++) {
            assertThat(json.path("byApplication").path("kw-leak-" + nonce + "-" + i).asInt()).isEqualTo(1);
        }
        assertThat(json.path("poolAdvice").path("reasoning")).isNotEmpty();
        assertThat(json.path("timeLeft").path("basis").asText()).startsWith("not enough history");

        long id = context.fleet().require("local-pg15").id();
        List<ConnectionUse> stored = cli.store().connectionUse().use(id, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plusSeconds(60));
        assertThat(stored).singleElement().satisfies(u -> assertThat(u.byApplication()).containsKey("kw-leak-" + nonce + "-0"));
    }

    @Test
    void sleepingSessionsHoldingAnInnoDbTransactionOnMariaDbAreFound() throws Exception {
        String db = "kw_conn_" + nonce;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root&password=");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
            st.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY) ENGINE=InnoDB");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + db + "?user=root&password=");
            leaks.add(c);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO t VALUES (" + i + ")");
                var rs = st.executeQuery("SELECT CONNECTION_ID()");
                rs.next();
                ids.add(rs.getString(1));
            }
        }

        CliHarness.Result result = cli.run("health", "connections", "--instance", "local-mariadb", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("limits").path("maxConnections").asInt()).isPositive();
        List<JsonNode> ours = StreamSupport.stream(json.path("idleInTransaction").spliterator(), false)
                .filter(n -> ids.contains(n.path("session").asText())).toList();
        assertThat(ours).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("user").asText()).isEqualTo("root");
            assertThat(n.path("database").asText()).isEqualTo(db);
            assertThat(n.path("transactionSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        });
        assertThat(json.path("byUser").path("root").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(StreamSupport.stream(json.path("notes").spliterator(), false).map(JsonNode::asText))
                .anyMatch(n -> n.startsWith("Application names not known"));
    }
}
