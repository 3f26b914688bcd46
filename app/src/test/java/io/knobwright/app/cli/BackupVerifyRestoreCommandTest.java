package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup verify --restore} on a real pg_dump of the local PostgreSQL 15, restored into the embedded PostgreSQL
 * the application ships (zonky's default binaries, an older major: the gap is told), then on a plain dump with two
 * bytes of a row rotted, which only the restore finds.
 */
class BackupVerifyRestoreCommandTest {

    private final CliHarness cli = new CliHarness();
    private final String database = "bkdepth_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @TempDir
    Path dir;

    @AfterEach
    void dropDatabase() throws Exception {
        cli.close();
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "drop database if exists " + database);
    }

    @Test
    void restoreCountsTheRestoredRowsAndARottedRowIsExitFive() throws Exception {
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "create database " + database);
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c",
                "create table items(id int primary key, note text); insert into items select g, md5(g::text) from generate_series(1, 3000) g");
        Path custom = dir.resolve("items.dump");
        Path plain = dir.resolve("items.sql");
        run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", custom.toString(), database);
        run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-f", plain.toString(), database);

        CliHarness.Result ok = cli.run("backup", "verify", "--path", custom.toString(), "--restore", "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(ok.out());
        assertThat(v.get("status").asText()).isEqualTo("GOOD");
        JsonNode restore = v.get("restore");
        assertThat(restore.get("done").asBoolean()).isTrue();
        assertThat(restore.get("tables").get(0).get("table").asText()).isEqualTo("public.items");
        assertThat(restore.get("tables").get(0).get("rows").asLong()).isEqualTo(3000);
        assertThat(restore.get("indexes").asLong()).isEqualTo(1);
        assertThat(restore.get("errors").asInt()).isZero();
        assertThat(restore.get("dumpMajor").asInt()).isEqualTo(15);
        if (restore.get("versionGap").asBoolean()) {
            assertThat(restore.get("note").asText()).contains("the dump comes from PostgreSQL 15");
        }
        assertThat(v.get("facts").get("restore").asText()).startsWith("1 tables, 3000 rows, 1 indexes restored into PostgreSQL");
        assertThat(ok.err()).contains("restore: starting an embedded PostgreSQL").contains("restore: loading public.items");

        Path rotted = dir.resolve("rotted.sql");
        String text = Files.readString(plain, StandardCharsets.UTF_8);
        int row = text.indexOf("\n2345\t") + 1;
        Files.writeString(rotted, text.substring(0, row) + "2ZZ5" + text.substring(row + 4));
        CliHarness.Result damaged = cli.run("backup", "verify", "--path", rotted.toString(), "--restore");
        assertThat(damaged.exitCode()).as(damaged.out() + damaged.err()).isEqualTo(ExitCodes.AUDIT_BROKEN);
        assertThat(damaged.out()).contains("rotted.sql: restore test failed (line ").contains("\"2ZZ5\"")
                .contains("restored public.items: 0 rows");

        CliHarness.Result without = cli.run("backup", "verify", "--path", plain.toString(), "--json");
        assertThat(new ObjectMapper().readTree(without.out()).get("restore").isNull()).as("no --restore, no restore field value").isTrue();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
