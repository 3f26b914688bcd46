package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.ConnectionEventCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `workload import-log` stores a log's connection events per second, and `health connections --json` of the machine's
 * PostgreSQL 15 sums them up with the storm: a cron job opening 40 connections within one second beside a steady
 * API that opens one every ten seconds.
 */
class ConnectionEventsStoredFromLogsTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    private CliHarness cli;
    private long instanceId;

    @BeforeEach
    void fleet() {
        cli = CliHarness.withRealServers();
        AppContext context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "alice");
        instanceId = context.fleet().register(new Registration("promconn-pg15", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", null, null, Tier.TEST, null, null, Map.of())).id();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private static void session(StringBuilder log, Instant at, int pid, String app, double seconds) {
        String port = Integer.toString(40_000 + pid % 20_000);
        log.append(STAMP.format(at)).append(" UTC [").append(pid).append("] [unknown]@[unknown] LOG:  connection received:"
                + " host=10.0.0.7 port=").append(port).append('\n');
        log.append(STAMP.format(at)).append(" UTC [").append(pid).append("] app@shop LOG:  connection authorized: user=app"
                + " database=shop application_name=").append(app).append('\n');
        log.append(STAMP.format(at.plusMillis(2))).append(" UTC [").append(pid).append("] app@shop LOG:  duration: 0.200 ms"
                + "  statement: SELECT 1\n");
        Instant end = at.plusNanos((long) (seconds * 1e9));
        log.append(STAMP.format(end)).append(" UTC [").append(pid).append("] app@shop LOG:  disconnection: session time: ")
                .append(String.format(java.util.Locale.ROOT, "0:00:%06.3f", seconds)).append(" user=app database=shop host=10.0.0.7 port=")
                .append(port).append('\n');
    }

    @Test
    void aLogsConnectionEventsAreStoredPerSecondAndTheStormIsReported() throws Exception {
        Instant storm = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            session(log, storm.minusSeconds(60 - i * 10L), 2000 + i, "orders-api", 1.5);
        }
        for (int i = 0; i < 40; i++) {
            session(log, storm.plusMillis(i * 20L), 1000 + i, "cron-export", 0.004);
        }
        Path file = dir.resolve("postgresql.log");
        Files.writeString(file, log, StandardCharsets.UTF_8);

        CliHarness.Result imported = cli.run("workload", "import-log", "--instance", "promconn-pg15", "--file", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        List<ConnectionEventCount> counts = cli.store().connectionEvents().counts(instanceId, storm.minusSeconds(3600),
                storm.plusSeconds(3600));
        List<ConnectionEventCount> cron = counts.stream().filter(c -> c.second().equals(storm)).toList();
        assertThat(cron).as("40 events of one key in one second are one row per kind").hasSize(3);
        assertThat(cron).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ConnectionEvent.Kind.CONNECTED);
            assertThat(c.events()).isEqualTo(40);
            assertThat(c.application()).isEqualTo("cron-export");
            assertThat(c.user()).isEqualTo("app");
            assertThat(c.database()).isEqualTo("shop");
        }).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ConnectionEvent.Kind.RECEIVED);
            assertThat(c.events()).isEqualTo(40);
            assertThat(c.client()).isEqualTo("10.0.0.7");
        }).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ConnectionEvent.Kind.DISCONNECTED);
            assertThat(c.sessionSecondsTotal()).isCloseTo(0.16, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(counts.stream().mapToInt(ConnectionEventCount::events).sum()).isEqualTo(3 * 45);

        CliHarness.Result health = cli.run("health", "connections", "--instance", "promconn-pg15", "--json");
        assertThat(health.exitCode()).as(health.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(health.out());
        JsonNode events = json.get("connectionEvents");
        assertThat(events.get("connections").asLong()).isEqualTo(45);
        assertThat(events.get("attempts").asLong()).isEqualTo(45);
        assertThat(events.get("disconnections").asLong()).isEqualTo(45);
        assertThat(events.get("peakPerSecond").asInt()).isEqualTo(40);
        assertThat(events.get("peakAt").asText()).isEqualTo(storm.toString());
        assertThat(events.get("stormSeconds").asLong()).isEqualTo(1);
        assertThat(events.get("byApplication").get("cron-export").asLong()).isEqualTo(40);
        assertThat(json.get("storms")).singleElement().satisfies(s -> {
            assertThat(s.get("start").asText()).isEqualTo(storm.toString());
            assertThat(s.get("peakPerSecond").asInt()).isEqualTo(40);
            assertThat(s.get("application").asText()).isEqualTo("cron-export");
        });
        assertThat(json.get("limits").get("maxConnections").asInt()).as("the fields that were there stay").isPositive();

        CliHarness.Result text = cli.run("health", "connections", "--instance", "promconn-pg15");
        assertThat(text.out()).contains("connection events (last 7 days, from imported logs): 45 connections")
                .contains("storm: " + storm + " to " + storm + ", 40 connections, peak 40/s, mostly cron-export");
    }
}
