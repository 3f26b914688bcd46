package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.connectors.catalog.MariaDbCatalogReader;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.ParameterCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCommandsTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void listJsonHasEveryDocumentedFieldForEachParameter() throws Exception {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "postgresql", "--version", "16", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode params = new ObjectMapper().readTree(r.out());
        assertThat(params.isArray()).isTrue();
        for (JsonNode p : params) {
            List<String> names = new ArrayList<>();
            p.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("name", "type", "unit", "min", "max", "enumValues", "default", "applyMode",
                    "category", "description", "source", "defaultDependsOn", "display");
        }
        JsonNode sharedBuffers = find(params, "shared_buffers");
        assertThat(sharedBuffers.get("default").asText()).isEqualTo("16384");
        assertThat(sharedBuffers.get("display").get("default").asText()).isEqualTo("128MB");
        assertThat(sharedBuffers.get("display").get("min").asText()).isEqualTo("128kB");
        assertThat(find(params, "seq_page_cost").get("display").get("max").asText()).isEqualTo("1.79769e+308");
        assertThat(find(params, "jit").get("display").get("min").isNull()).isTrue();
        assertThat(sharedBuffers.get("type").asText()).isEqualTo("integer");
        assertThat(sharedBuffers.get("unit").asText()).isEqualTo("8kB");
        assertThat(sharedBuffers.get("applyMode").asText()).isEqualTo("restart");
        assertThat(sharedBuffers.get("max").isNumber()).isTrue();
        assertThat(sharedBuffers.get("enumValues").isArray()).isTrue();
        assertThat(find(params, "wal_level").get("enumValues")).extracting(JsonNode::asText).contains("replica", "logical");
        assertThat(sharedBuffers.get("defaultDependsOn").isNull()).isTrue();
        assertThat(find(params, "unix_socket_directories").get("defaultDependsOn").asText())
                .isEqualTo("the distribution's build");
        assertThat(find(params, "log_connections").get("applyMode").asText()).isEqualTo("new_sessions");
    }

    private static JsonNode find(JsonNode params, String name) {
        for (JsonNode p : params) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void theTableShowsDefaultsAndBoundsAsADbaWritesThem() {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "postgresql", "--version", "16");

        assertThat(line(r, "shared_buffers")).containsSubsequence("8kB", "128MB", "128kB", "8589934584kB", "restart");
        assertThat(line(r, "seq_page_cost")).contains("1.79769e+308").doesNotContain("179769313486231");
        assertThat(line(r, "unix_socket_permissions")).containsSubsequence("0777", "0000", "0777");
        assertThat(line(r, "log_min_duration_statement")).containsSubsequence("-1", "-1", "2147483647ms");
    }

    private static String line(CliHarness.Result r, String name) {
        return r.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
    }

    @Test
    void listAcceptsAFullServerVersionAndNeverOpensTheStore() {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "PostgreSQL", "--version", "16.4");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("NAME"));
        assertThat(r.out()).contains("shared_buffers");
        assertThat(cli.openedDataDirs).isEmpty();
    }

    @Test
    void theTableShortensLongDefaultsButJsonKeepsThemWhole() throws Exception {
        CliHarness.Result table = cli.run("catalog", "list", "--engine", "mariadb", "--version", "10.11");
        CliHarness.Result json = cli.run("catalog", "list", "--engine", "mariadb", "--version", "10.11", "--json");

        String optimizerSwitch = table.out().lines().filter(l -> l.startsWith("optimizer_switch ")).findFirst().orElseThrow();
        assertThat(optimizerSwitch).contains("\u2026");
        assertThat(table.out().lines().mapToInt(String::length).max().orElseThrow()).isLessThan(250);
        assertThat(find(new ObjectMapper().readTree(json.out()), "optimizer_switch").get("default").asText())
                .hasSizeGreaterThan(100);
    }

    @Test
    void anUnknownVersionNamesTheVersionsThatShip() {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "postgresql", "--version", "12");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "knobwright: No parameter catalog for PostgreSQL 12. Available versions: 13, 14, 15, 16, 17, 18.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aVersionWithoutANumberIsAUserErrorNotABug() {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "postgresql", "--version", ".");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: --version '.' is not a PostgreSQL version."
                + " Catalogued PostgreSQL versions: 13, 14, 15, 16, 17, 18.");
    }

    @Test
    void anUnknownEngineNamesTheEngines() {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "sybase", "--version", "16");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "knobwright: Unknown engine 'sybase'. Use one of: postgresql, mysql, mariadb, sqlserver, oracle.");
    }

    @Test
    void aMissingVersionIsAUsageError() {
        CliHarness.Result r = cli.run("catalog", "list", "--engine", "postgresql");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--version=V'");
    }

    /** Needs the PostgreSQL service at 127.0.0.1:5432 (trust auth), which .ci/run starts. */
    @Test
    void generateWritesTheCatalogOfTheLocalPostgresql(@TempDir Path dir) throws Exception {
        cli.catalogReaders.add(new PostgresCatalogReader());
        Path out = dir.resolve("nested/postgresql-local.json");

        CliHarness.Result r = cli.run("catalog", "generate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "--user", "postgres", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Wrote \\d{3} parameters of PostgreSQL 15 to ");
        try (InputStream in = Files.newInputStream(out)) {
            ParameterCatalog written = CatalogFile.read(in);
            assertThat(written.find("shared_buffers")).hasValueSatisfying(p -> assertThat(p.unit()).isEqualTo("8kB"));
        }
    }

    /** Needs the MariaDB service at 127.0.0.1:3306 (root, no password), which .ci/run starts. */
    @Test
    void generateWritesTheCatalogOfTheLocalMariaDb(@TempDir Path dir) throws Exception {
        cli.catalogReaders.add(new PostgresCatalogReader());
        cli.catalogReaders.add(MariaDbCatalogReader.withCuratedTables());
        Path out = dir.resolve("mariadb-local.json");

        CliHarness.Result r = cli.run("catalog", "generate", "--jdbc-url", "jdbc:mariadb://127.0.0.1:3306/test",
                "--user", "root", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameters of MariaDB 10.11 to ");
        try (InputStream in = Files.newInputStream(out)) {
            assertThat(CatalogFile.read(in).find("innodb_buffer_pool_size")).isPresent();
        }
    }

    @Test
    void everyShippedEngineVersionListsItsCatalog() {
        for (var engine : io.knobwright.model.engine.Engine.values()) {
            for (String version : engine.supportedVersions()) {
                CliHarness.Result r = cli.run("catalog", "list", "--engine", engine.id(), "--version", version, "--json");
                assertThat(r.exitCode()).as(engine + " " + version + ": " + r.err()).isZero();
                assertThat(r.out()).as(engine + " " + version).contains("\"applyMode\"");
            }
        }
    }

    @Test
    void generateFromAnUnsupportedUrlIsAUserError(@TempDir Path dir) {
        cli.catalogReaders.add(new PostgresCatalogReader());

        CliHarness.Result r = cli.run("catalog", "generate", "--jdbc-url", "jdbc:db2://x/y", "--out", dir.resolve("c.json").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("Cannot generate a catalog from 'jdbc:db2://x/y'");
        assertThat(dir.resolve("c.json")).doesNotExist();
    }

    @Test
    void generateFromAServerThatCannotBeReachedExitsWithThreeAndWritesNothing(@TempDir Path dir) {
        cli.catalogReaders.add(new PostgresCatalogReader());

        CliHarness.Result r = cli.run("catalog", "generate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/postgres",
                "--out", dir.resolve("c.json").toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).singleElement().asString().startsWith("knobwright: Cannot connect to jdbc:postgresql://127.0.0.1:1/postgres.");
        assertThat(dir.resolve("c.json")).doesNotExist();
    }
}
