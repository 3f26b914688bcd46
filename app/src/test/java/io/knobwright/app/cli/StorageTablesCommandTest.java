package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `storage tables` after `monitor collect` against a database of this test's own on the machine's PostgreSQL 15
 * service (decision 0128).
 */
class StorageTablesCommandTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "kw_storage_cli_" + UUID.randomUUID().toString().substring(0, 8);
    private CliHarness cli;
    private AppContext context;

    /** One database for the class: only one test changes it, the others never collect from it. */
    @BeforeAll
    static void database() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        run("CREATE TABLE events (id bigserial PRIMARY KEY, body text)",
                "INSERT INTO events (body) SELECT repeat('e', 200) FROM generate_series(1, 2000)",
                "CREATE TABLE lookup (id int PRIMARY KEY)", "INSERT INTO lookup SELECT generate_series(1, 10)");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void fleet() {
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
        context.fleet().register(new Registration("shop-pg", SERVER + DATABASE, "postgres", null, null, Tier.TEST, null, null,
                Map.of()));
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        cli.close();
    }

    private static void run(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", null); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
            st.execute("SELECT pg_stat_force_next_flush()");
            st.execute("SELECT 1");
        }
    }

    @Test
    void largestTablesShowSizesGrowthSeqScansAndDeadTuples() throws Exception {
        assertThat(cli.run("monitor", "collect", "--instance", "shop-pg").exitCode()).isZero();
        run("INSERT INTO events (body) SELECT repeat('f', 200) FROM generate_series(1, 20000)",
                "DELETE FROM events WHERE id <= 500", "SELECT count(*) FROM lookup", "SELECT count(*) FROM lookup");
        assertThat(cli.run("monitor", "collect", "--instance", "shop-pg").exitCode()).isZero();

        CliHarness.Result result = cli.run("storage", "tables", "--instance", "shop-pg", "--limit", "5", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("statsDatabase").asText()).isEqualTo(DATABASE);
        assertThat(json.get("baseline").asText()).isEqualTo("CONTINUED");
        JsonNode events = json.get("tables").get(0);
        assertThat(events.get("table").asText()).isEqualTo("events");
        assertThat(events.get("schema").asText()).isEqualTo("public");
        assertThat(events.get("totalBytes").asLong()).isGreaterThan(4_000_000);
        assertThat(events.get("growthBytesPerDay").asDouble()).as("it grew between the two snapshots").isPositive();
        assertThat(events.get("deadTuples").asLong()).isGreaterThanOrEqualTo(0);
        JsonNode lookup = json.get("tables").get(1);
        assertThat(lookup.get("table").asText()).isEqualTo("lookup");
        assertThat(lookup.get("seqScans").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(lookup.get("seqScansPerSecond").asDouble()).isPositive();
        assertThat(json.get("databases").toString()).contains(DATABASE);

        CliHarness.Result text = cli.run("storage", "tables", "--instance", "shop-pg");
        assertThat(text.out()).contains("public.events").contains("GROWTH/DAY").contains("tables of database " + DATABASE);
    }

    @Test
    void anInstanceNeverCollectedSaysHowToGetASnapshot() {
        CliHarness.Result result = cli.run("storage", "tables", "--instance", "shop-pg");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("No table snapshot of shop-pg yet: run `knobwright monitor collect --instance shop-pg`");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        CliHarness.Result result = cli.run("storage", "tables", "--instance", "shop-pg", "--limit", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).contains("--limit must be at least 1");
    }
}
