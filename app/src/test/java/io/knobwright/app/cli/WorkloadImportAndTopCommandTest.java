package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** `workload import-log` and `workload top` as scripts use them, on logs written as PostgreSQL writes them. */
class WorkloadImportAndTopCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @AfterEach
    void closeStore() {
        cli.close();
    }

    /** A stderr log with prefix '%m [%p] %q%u@%d ': 30 lookups by id (pid 41, a loop), then 5 slow reports (pid 42). */
    private Path log(String name, LocalDateTime start) throws Exception {
        StringBuilder log = new StringBuilder();
        LocalDateTime t = start;
        for (int i = 0; i < 30; i++) {
            t = t.plusNanos(20_000_000);
            log.append(STAMP.format(t)).append(" UTC [41] app@shop LOG:  duration: 0.").append(100 + i)
                    .append(" ms  statement: SELECT * FROM orders WHERE id = ").append(i).append('\n');
        }
        for (int i = 0; i < 5; i++) {
            t = t.plusSeconds(3);
            log.append(STAMP.format(t)).append(" UTC [42] app@shop LOG:  duration: ").append(900 + i)
                    .append(".5 ms  statement: SELECT customer, sum(total)\n\tFROM orders\n\tWHERE day > '2026-11-")
                    .append(10 + i).append("'\n\tGROUP BY customer\n");
        }
        log.append(STAMP.format(t)).append(" UTC [7] @ LOG:  checkpoint starting: time\n");
        Path file = dir.resolve(name);
        Files.writeString(file, log, StandardCharsets.UTF_8);
        return file;
    }

    private String postgresInstance() {
        return cli.add(new io.knobwright.model.fleet.Instance(0, "pg-shop", io.knobwright.model.engine.Engine.POSTGRESQL,
                "16", null, null, java.util.Map.of(), io.knobwright.model.fleet.Tier.PRODUCTION,
                io.knobwright.model.fleet.Criticality.HIGH, io.knobwright.model.fleet.WorkloadKind.OLTP,
                new io.knobwright.model.fleet.HardwareFacts(16, 64L << 30, io.knobwright.model.fleet.DiskType.NVME, 2L << 40),
                false)).name();
    }

    @Test
    void anImportedLogGivesTheTopQueriesWithTheFieldsScriptsRead() throws Exception {
        String instance = postgresInstance();
        CliHarness.Result imported = cli.run("workload", "import-log", "--instance", instance, "--file",
                log("a.log", LocalDateTime.of(2026, 12, 1, 9, 0)).toString(), "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode counts = JSON.readTree(imported.out());
        assertThat(counts.path("format").asText()).isEqualTo("stderr");
        assertThat(counts.path("formatDetected").asBoolean()).isTrue();
        assertThat(counts.path("statements").asLong()).isEqualTo(35);
        assertThat(counts.path("fingerprints").asInt()).isEqualTo(2);
        assertThat(counts.path("bursts").asInt()).as("the 30 lookups by id are an N+1 loop").isEqualTo(1);

        CliHarness.Result top = cli.run("workload", "top", "--instance", instance, "--by", "calls", "--limit", "5", "--json");
        assertThat(top.exitCode()).as(top.err()).isZero();
        JsonNode items = JSON.readTree(top.out());
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.path("fingerprint").asText()).matches("[0-9a-f]{16}");
        assertThat(first.path("query").asText()).isEqualTo("select * from orders where id = ?");
        assertThat(first.path("calls").asLong()).isEqualTo(30);
        assertThat(first.has("totalMs") && first.has("meanMs") && first.has("p95Ms")).isTrue();
        assertThat(items.get(1).path("meanMs").asDouble()).isBetween(900.0, 905.0);

        JsonNode byMean = JSON.readTree(cli.run("workload", "top", "--instance", instance, "--by", "mean", "--json").out());
        assertThat(byMean.get(0).path("query").asText()).startsWith("select customer, sum(total)");
    }

    @Test
    void aSecondLogAddsToTheFirstAndTheSameFileTwiceIsRefused() throws Exception {
        String instance = postgresInstance();
        Path first = log("a.log", LocalDateTime.of(2026, 12, 1, 9, 0));
        assertThat(cli.run("workload", "import-log", "--instance", instance, "--file", first.toString()).exitCode()).isZero();

        Path gz = dir.resolve("b.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(log("b.log", LocalDateTime.of(2026, 12, 2, 9, 0))));
        }
        CliHarness.Result second = cli.run("workload", "import-log", "--instance", instance, "--file", gz.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("35 statements");

        CliHarness.Result again = cli.run("workload", "import-log", "--instance", instance, "--file", first.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(again.err()).contains("imported into " + instance + " already").contains("Nothing was imported");

        JsonNode top = JSON.readTree(cli.run("workload", "top", "--instance", instance, "--by", "calls", "--json").out());
        assertThat(top.get(0).path("calls").asLong()).isEqualTo(60);
    }

    @Test
    void badInputIsRefusedWithWhatToDo() throws Exception {
        String instance = postgresInstance();
        Path notALog = dir.resolve("notes.txt");
        Files.writeString(notALog, "dear diary,\ntoday the database was slow\n");

        CliHarness.Result missing = cli.run("workload", "import-log", "--instance", instance, "--file", dir.resolve("nope.log").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).contains("no such file");

        CliHarness.Result text = cli.run("workload", "import-log", "--instance", instance, "--file", notALog.toString());
        assertThat(text.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(text.err()).contains("dear diary");

        CliHarness.Result unknown = cli.run("workload", "import-log", "--instance", "no-such-db", "--file", notALog.toString());
        assertThat(unknown.err()).contains("No instance 'no-such-db'");

        CliHarness.Result badOrder = cli.run("workload", "top", "--instance", instance, "--by", "speed");
        assertThat(badOrder.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badOrder.err()).contains("calls, total, mean");

        CliHarness.Result empty = cli.run("workload", "top", "--instance", instance);
        assertThat(empty.out()).contains("import a log");
    }
}
