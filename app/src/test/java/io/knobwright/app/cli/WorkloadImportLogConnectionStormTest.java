package io.knobwright.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `workload import-log` of a PostgreSQL log with log_connections and log_disconnections: a cron job that opens 40
 * connections within one second, each for a few milliseconds, shows as the peak second and a short median session,
 * next to the statements the import counts as before.
 */
class WorkloadImportLogConnectionStormTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @TempDir
    Path dir;
    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void aStormOfShortConnectionsIsShownByItsPeakSecond() throws Exception {
        StringBuilder log = new StringBuilder();
        LocalDateTime t = LocalDateTime.of(2026, 12, 1, 9, 0);
        for (int i = 0; i < 40; i++) {
            int pid = 1000 + i;
            LocalDateTime at = t.plusNanos(i * 20_000_000L);
            log.append(STAMP.format(at)).append(" UTC [").append(pid).append("] [unknown]@[unknown] LOG:  connection received:"
                    + " host=10.0.0.7 port=5").append(1000 + i).append('\n');
            log.append(STAMP.format(at)).append(" UTC [").append(pid).append("] app@shop LOG:  connection authorized: user=app"
                    + " database=shop application_name=cron-export\n");
            log.append(STAMP.format(at.plusNanos(3_000_000))).append(" UTC [").append(pid).append("] app@shop LOG:  duration:"
                    + " 0.200 ms  statement: SELECT 1\n");
            log.append(STAMP.format(at.plusNanos(4_000_000))).append(" UTC [").append(pid).append("] app@shop LOG:  disconnection:"
                    + " session time: 0:00:00.004 user=app database=shop host=10.0.0.7 port=5").append(1000 + i).append('\n');
        }
        Path file = dir.resolve("storm.log");
        Files.writeString(file, log, StandardCharsets.UTF_8);
        String instance = cli.add(new io.knobwright.model.fleet.Instance(0, "pg-storm", io.knobwright.model.engine.Engine.POSTGRESQL,
                "16", null, null, java.util.Map.of(), io.knobwright.model.fleet.Tier.PRODUCTION, null, null, null, false)).name();

        CliHarness.Result imported = cli.run("workload", "import-log", "--instance", instance, "--file", file.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("40 statements")
                .contains("connections: 40 connections, 40 disconnections")
                .contains("peak 40 connections/s at 2026-12-01T09:00:00Z")
                .contains("median session 0.004 s; 100% of sessions under 1 s")
                .contains("1 seconds with 20 or more new connections: a connection storm");
    }
}
