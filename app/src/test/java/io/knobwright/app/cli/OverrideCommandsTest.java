package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The override commands as scripts use them, each run as its own command against one store (as separate processes
 * would be), on a real PostgreSQL: apply, list, extend, restore, cancel, and an override whose deadline passed while
 * nothing ran, restored by the next command of any kind and reported.
 */
class OverrideCommandsTest {

    private static EmbeddedPostgres postgres;
    private CliHarness cli;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void storeWithAnOperator() throws Exception {
        reset();
        cli = CliHarness.withRealServers();
        ok("user", "add", "--name", "carol", "--role", "admin");
        ok("--as", "carol", "user", "add", "--name", "olga", "--role", "operator");
        ok("fleet", "add", "--name", "pg-1", "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--user", "postgres");
    }

    @AfterEach
    void close() throws Exception {
        cli.close();
        reset();
    }

    private static void reset() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM RESET ALL");
            s.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(150);
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static String workMem() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'work_mem'")) {
            r.next();
            return r.getString(1);
        }
    }

    private static JsonNode json(CliHarness.Result r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void applyListExtendAndRestoreAsScriptsDo() throws Exception {
        JsonNode applied = json(ok("--as", "olga", "override", "apply", "--instance", "pg-1", "--set", "work_mem=64MB",
                "--for", "30m", "--reason", "incident 4711", "--json"));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        JsonNode o = applied.get("instances").get(0).get("overrides").get(0);
        long id = o.get("id").asLong();
        assertThat(o.get("parameter").asText()).isEqualTo("work_mem");
        assertThat(o.get("state").asText()).isEqualTo("active");
        assertThat(o.get("secondsLeft").asLong()).isBetween(1790L, 1800L);
        assertThat(workMem()).isEqualTo("65536");

        JsonNode list = json(ok("override", "list", "--json"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(ok("override", "list").out()).contains("work_mem", "64MB", "active", "incident 4711");

        JsonNode extended = json(ok("--as", "olga", "override", "extend", Long.toString(id), "--by", "1h", "--reason", "still", "--json"));
        assertThat(extended.get("secondsLeft").asLong()).isBetween(5390L, 5400L);

        CliHarness.Result restored = ok("--as", "olga", "override", "restore", Long.toString(id), "--reason", "fixed");
        assertThat(restored.out()).contains("back at 4MB");
        assertThat(workMem()).isEqualTo("4096");
        assertThat(ok("override", "list").out()).contains("No live overrides");
        assertThat(json(ok("override", "list", "--all", "--json")).get(0).get("state").asText()).isEqualTo("restored");
    }

    @Test
    void anOverrideWhoseDeadlinePassedWhileNothingRanIsRestoredByTheNextCommand() throws Exception {
        ok("--as", "olga", "override", "apply", "--instance", "pg-1", "--set", "work_mem=64MB", "--for", "1s", "--reason", "blip");
        assertThat(workMem()).isEqualTo("65536");
        Thread.sleep(1100);
        CliHarness.Result next = ok("fleet", "list");
        assertThat(next.err()).contains("work_mem on pg-1").contains("back at 4MB");
        assertThat(workMem()).isEqualTo("4096");
    }

    @Test
    void refusalsAndMistakesHaveTheirExitCodes() throws Exception {
        assertThat(cli.run("--as", "carol", "override", "apply", "--instance", "pg-1", "--set", "work_mem=64MB", "--for", "5m",
                "--reason", "x").exitCode()).isEqualTo(ExitCodes.REFUSED);
        CliHarness.Result badSet = cli.run("--as", "olga", "override", "apply", "--instance", "pg-1", "--set", "work_mem",
                "--for", "5m", "--reason", "x");
        assertThat(badSet.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badSet.err()).contains("NAME=VALUE");
        CliHarness.Result badFor = cli.run("--as", "olga", "override", "apply", "--instance", "pg-1", "--set", "work_mem=1MB",
                "--for", "soon", "--reason", "x");
        assertThat(badFor.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badFor.err()).contains("not a duration");
        CliHarness.Result unknown = cli.run("--as", "olga", "override", "apply", "--instance", "nope", "--set", "work_mem=1MB",
                "--for", "5m", "--reason", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(unknown.err()).contains("No instance 'nope'");
        ok("--as", "olga", "override", "apply", "--instance", "pg-1", "--set", "work_mem=64MB", "--for", "5m", "--reason", "x");
        CliHarness.Result conflict = cli.run("--as", "olga", "override", "apply", "--instance", "pg-1", "--set", "work_mem=128MB",
                "--for", "5m", "--reason", "y");
        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(conflict.err()).contains("--stack");
        CliHarness.Result kept = ok("--as", "olga", "override", "cancel", "1", "--reason", "keep it");
        assertThat(kept.out()).contains("keeps 64MB");
        assertThat(cli.run("daemon", "--help").out()).contains("One scheduler per store");
    }

    @Test
    void aSecondSchedulerSaysWhoHoldsTheStoreAndExits() {
        var store = cli.store();
        assertThat(store.overrides().acquireLease("daemon 4242@ops-host #1", java.time.Instant.now(),
                java.time.Duration.ofSeconds(15))).isTrue();
        CliHarness.Result second = cli.run("daemon");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(second.err()).contains("already runs for this store (daemon 4242@ops-host #1)");
        CliHarness.Result once = ok("daemon", "--once");
        assertThat(once.out()).contains("0 live override(s) remain");
    }
}
