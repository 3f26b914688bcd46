package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server is the authority for an instance once read: against this machine's PostgreSQL 15 service (a
 * Debian build, newer than the shipped 15.19 catalog, compiled with lz4 and zstd) and an embedded upstream
 * build (without lz4), the same kind of template passes for the one and is refused by the other.
 */
class ServerCatalogCommandsTest {

    private static final String MACHINE_PG = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres embedded;

    private final CliHarness cli = CliHarness.withRealServers();

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmbedded() throws Exception {
        embedded = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopEmbedded() throws Exception {
        embedded.close();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void aTemplateTheMachinesServerAcceptsPassesForItAndItsOwnParametersAreKnown() throws Exception {
        List<String> walCompression = enumValues(MACHINE_PG, "wal_compression");
        assumeTrue(walCompression.contains("lz4") && !enumValues(MACHINE_PG, "composite_type_mismatch").isEmpty(),
                "this machine's PostgreSQL is expected to be Debian's 15.20 build (lz4, composite_type_mismatch)");
        assertThat(cli.run("fleet", "add", "--name", "pg-local", "--jdbc-url", MACHINE_PG, "--user", "postgres",
                "--tier", "test").exitCode()).isZero();
        assertThat(cli.run("fleet", "refresh", "pg-local").exitCode()).isZero();
        Path file = template("wal-lz4", "15", "wal_compression: lz4", "composite_type_mismatch: warn");
        // composite_type_mismatch is Debian's own: an import checks it against the server that has it
        assertThat(cli.run("template", "import", "--file", file.toString(), "--name", "wal-lz4", "--instance", "pg-local")
                .exitCode()).isZero();

        CliHarness.Result forInstance = cli.run("template", "validate", "wal-lz4", "--instance", "pg-local");
        CliHarness.Result forVersion = cli.run("template", "validate", "wal-lz4", "--json");
        CliHarness.Result catalog = cli.run("catalog", "list", "--instance", "pg-local", "--json");

        assertThat(forInstance.exitCode()).as(forInstance.out() + forInstance.err()).isZero();
        assertThat(forInstance.out()).contains("pg-local's own description").contains("No errors.");
        // For the version, the shipped (upstream 15.19) catalog decides: the Debian-only parameter is an error,
        // the value some builds accept only a warning that names who accepts it.
        assertThat(forVersion.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        JsonNode issues = JSON.readTree(forVersion.out());
        assertThat(issue(issues, "composite_type_mismatch").get("severity").asText()).isEqualTo("error");
        JsonNode lz4 = issue(issues, "wal_compression");
        assertThat(lz4.get("severity").asText()).isEqualTo("warning");
        assertThat(lz4.get("message").asText()).contains("--with-lz4").contains("upstream build");
        JsonNode entries = JSON.readTree(catalog.out());
        assertThat(entry(entries, "wal_compression").get("source").asText()).isEqualTo("server");
        assertThat(entry(entries, "wal_compression").get("enumValues").toString()).contains("lz4", "zstd");
        assertThat(entry(entries, "composite_type_mismatch").get("source").asText()).isEqualTo("server");
        assertThat(entry(entries, "composite_type_mismatch").get("differences").toString())
                .contains("not in the shipped PostgreSQL 15 catalog");
    }

    @Test
    void anUpstreamBuildRefusesWhatItWasNotBuiltWithAndTheMessageNamesTheServer() throws Exception {
        String url = embedded.getJdbcUrl("postgres", "postgres");
        List<String> toast = enumValues(url, "default_toast_compression");
        assumeTrue(!toast.contains("lz4"), "the embedded build is expected to lack lz4");
        String major = serverMajor(url);
        assertThat(cli.run("fleet", "add", "--name", "upstream", "--jdbc-url", url, "--user", "postgres").exitCode()).isZero();
        Path file = template("toast-lz4", major, "default_toast_compression: lz4");
        assertThat(cli.run("template", "import", "--file", file.toString(), "--name", "toast-lz4").exitCode()).isZero();

        CliHarness.Result r = cli.run("template", "validate", "toast-lz4", "--instance", "upstream", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        JsonNode refusal = issue(JSON.readTree(r.out()), "default_toast_compression");
        assertThat(refusal.get("severity").asText()).isEqualTo("error");
        assertThat(refusal.get("message").asText()).startsWith("Refused by upstream (PostgreSQL " + major);
    }

    @Test
    void anInstanceNeverReadIsCheckedAgainstTheShippedCatalogAndSaysSo() {
        cli.add(new Instance(0, "paper-only", Engine.POSTGRESQL, "15", null, null, Map.of(), Tier.TEST, Criticality.LOW,
                WorkloadKind.OLTP, HardwareFacts.UNKNOWN, false));

        CliHarness.Result r = cli.run("catalog", "list", "--instance", "paper-only");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("source: shipped").contains("never read");
        assertThat(r.out()).doesNotContain("composite_type_mismatch");
    }

    @Test
    void engineAndInstanceTogetherAreAUsageError() {
        CliHarness.Result r = cli.run("catalog", "list", "--instance", "x", "--engine", "postgresql", "--version", "15");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("either --instance or --engine");
    }

    private Path template(String name, String version, String... entries) throws Exception {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nengine: postgresql\ntargetVersions: [\"" + version
                + "\"]\nentries:\n");
        for (String entry : entries) {
            String[] kv = entry.split(": ");
            yaml.append("  - parameter: ").append(kv[0]).append("\n    value: ").append(kv[1]).append('\n');
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static JsonNode issue(JsonNode issues, String parameter) {
        for (JsonNode issue : issues) {
            if (issue.get("parameter").asText().equals(parameter)) {
                return issue;
            }
        }
        throw new AssertionError("no issue about " + parameter + " in " + issues);
    }

    private static JsonNode entry(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no catalog entry " + name);
    }

    private static List<String> enumValues(String url, String parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", null);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT unnest(coalesce(enumvals, ARRAY['(exists)'])) FROM pg_settings WHERE name = '" + parameter + "'")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String serverMajor(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", null);
             ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
