package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCommandsTest {

    private static final long GB = 1L << 30;
    private final CliHarness cli = new CliHarness();
    private final ObjectMapper json = new ObjectMapper();
    private Instance pg;

    @TempDir
    Path dir;

    @BeforeEach
    void fleet() {
        pg = cli.add(new Instance(0, "pg-orders-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of("team", "orders"),
                null, null, null, new HardwareFacts(16, 64 * GB, DiskType.NVME, 1024 * GB), false));
        cli.snapshots().save(new SettingsSnapshot(pg.id(), Instant.parse("2026-11-25T08:00:00Z"), "16.4", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "default", false),
                new LiveSetting("work_mem", "4096", "kB", "default", false),
                new LiveSetting("jit", "on", null, "default", false),
                new LiveSetting("unix_socket_directories", "/var/run/postgresql", null, "default", false))));
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private JsonNode ok(String... args) throws Exception {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return json.readTree(r.out());
    }

    @Test
    void listJsonNamesEveryTemplateWithItsParentAndVersion() throws Exception {
        JsonNode list = ok("template", "list", "--json");
        assertThat(list.size()).isGreaterThanOrEqualTo(30);
        JsonNode oltp = find(list, "name", "postgresql-oltp");
        assertThat(oltp.get("engine").asText()).isEqualTo("postgresql");
        assertThat(oltp.get("parent").asText()).isEqualTo("postgresql-base");
        assertThat(oltp.get("version").asInt()).isEqualTo(1);
        assertThat(oltp.get("builtIn").asBoolean()).isTrue();
    }

    @Test
    void importedPostgresqlConfResolvesAndExportsBackToTheSameValues() throws Exception {
        Path conf = dir.resolve("postgresql.conf");
        Files.writeString(conf, """
                shared_buffers = 8GB      # a quarter of RAM
                work_mem = '64MB'
                jit = off
                log_line_prefix = '%m [%p] '
                """);
        JsonNode imported = ok("template", "import", "--file", conf.toString(), "--name", "orders", "--parent", "postgresql-oltp", "--json");
        assertThat(imported.get("version").asInt()).isEqualTo(1);

        JsonNode resolved = ok("template", "resolve", "--template", "orders", "--instance", "pg-orders-1", "--json");
        JsonNode sb = find(resolved, "name", "shared_buffers");
        assertThat(sb.get("value").asText()).isEqualTo("1048576");
        assertThat(sb.get("unit").asText()).isEqualTo("8kB");
        assertThat(sb.get("display").asText()).isEqualTo("8GB");
        assertThat(cli.run("template", "resolve", "--template", "orders", "--instance", "pg-orders-1").out().lines()
                .filter(l -> l.startsWith("shared_buffers ")).findFirst().orElseThrow()).contains("8GB").doesNotContain("1048576");
        assertThat(sb.get("source").asText()).isEqualTo("orders v1");
        assertThat(find(resolved, "name", "effective_cache_size").get("expression").asText()).isEqualTo("75% of RAM");

        Path exported = dir.resolve("exported.conf");
        assertThat(cli.run("template", "export", "--template", "orders", "--instance", "pg-orders-1",
                "--format", "postgresql.conf", "--out", exported.toString()).exitCode()).isZero();
        // 75% of 64GB is 6291456 x 8kB: a DBA writes 48GB
        assertThat(Files.readString(exported)).contains("shared_buffers = 8GB", "effective_cache_size = 48GB");
        ok("template", "import", "--file", exported.toString(), "--name", "orders-roundtrip", "--json");
        JsonNode again = ok("template", "resolve", "--template", "orders-roundtrip", "--instance", "pg-orders-1", "--json");
        assertThat(values(again)).isEqualTo(values(resolved));
    }

    @Test
    void importingAServersMyCnfSaysWhatItCheckedAgainstAndListsWhatItSkipped() throws Exception {
        Path cnf = dir.resolve("my.cnf");
        Files.writeString(cnf, """
                [client-server]
                socket = /run/mysqld/mysqld.sock
                [mysqld]
                user = mysql
                pid-file = /run/mysqld/mysqld.pid
                datadir = /var/lib/mysql
                port = 3306
                skip-name-resolve
                character-set-server = utf8mb4
                """);
        CliHarness.Result text = cli.run("template", "import", "--file", cnf.toString(), "--name", "ci", "--version", "10.11");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Imported 2 entries as ci v1, checked against MariaDB 10.11 (as given).")
                .contains("Skipped 5 (not part of a template):")
                .contains("  user (my.cnf line 4): the operating-system account the server runs as")
                .contains("  datadir (my.cnf line 6): it names this server's own files");

        JsonNode imported = ok("template", "import", "--file", cnf.toString(), "--name", "ci-guessed", "--json");
        List<String> fields = new ArrayList<>();
        imported.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "engine", "parent", "version", "builtIn", "author", "savedAt", "comment",
                "description", "checkedAgainst", "skipped");
        assertThat(imported.get("engine").asText()).isEqualTo("mariadb");
        assertThat(imported.get("checkedAgainst").get("version").asText()).isEqualTo("11.4");
        assertThat(imported.get("checkedAgainst").get("guessed").asBoolean()).isTrue();
        JsonNode user = find(imported.get("skipped"), "parameter", "user");
        assertThat(user.get("line").asInt()).isEqualTo(4);
        assertThat(user.get("file").asText()).isEqualTo(cnf.toString());
        JsonNode show = ok("template", "show", "ci", "--json");
        assertThat(show.get("entries")).extracting(e -> e.get("parameter").asText())
                .containsExactlyInAnyOrder("skip_name_resolve", "character_set_server");
    }

    @Test
    void aSqlExportForPostgresqlSaysWhichSettingsNeedARestart() throws Exception {
        Path conf = dir.resolve("postgresql.conf");
        Files.writeString(conf, "data_directory = '/var/lib/postgresql/16/main'\nshared_buffers = 8GB\nwork_mem = 64MB\n");
        ok("template", "import", "--file", conf.toString(), "--name", "orders", "--instance", "pg-orders-1", "--json");
        CliHarness.Result r = cli.run("template", "export", "--template", "orders", "--instance", "pg-orders-1", "--format", "sql");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ALTER SYSTEM SET shared_buffers = '8GB';  -- orders v1; takes effect after a restart")
                .contains("ALTER SYSTEM SET work_mem = '64MB';  -- orders v1\n")
                .contains("-- Restart the server for these to take effect: shared_buffers")
                .doesNotContain("data_directory");
    }

    @Test
    void yamlAndJsonExportsImportBackAsTheSameTemplate() throws Exception {
        for (String format : List.of("yaml", "json")) {
            Path file = dir.resolve("oltp." + format);
            assertThat(cli.run("template", "export", "--template", "postgresql-oltp", "--format", format,
                    "--out", file.toString()).exitCode()).isZero();
            ok("template", "import", "--file", file.toString(), "--name", "copy-" + format, "--json");
            JsonNode original = ok("template", "resolve", "--template", "postgresql-oltp", "--instance", "pg-orders-1", "--json");
            JsonNode copy = ok("template", "resolve", "--template", "copy-" + format, "--instance", "pg-orders-1", "--json");
            assertThat(values(copy)).isEqualTo(values(original));
        }
    }

    @Test
    void aMalformedConfNamesEveryBadLineAndStoresNothing() throws Exception {
        Path conf = dir.resolve("broken.conf");
        Files.writeString(conf, """
                work_mem = 64MB
                shared_bufers = 8GB
                max_connections = lots
                """);
        CliHarness.Result r = cli.run("template", "import", "--file", conf.toString(), "--name", "broken");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("line 2").contains("shared_bufers").contains("line 3").contains("max_connections");
        assertThat(cli.run("template", "show", "broken").exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    }

    @Test
    void diffOfTemplateAgainstAnInstanceComparesTheResolvedValues() throws Exception {
        JsonNode diff = ok("template", "diff", "--left", "postgresql-oltp", "--right", "instance:pg-orders-1", "--json");
        JsonNode sb = find(diff, "name", "shared_buffers");
        assertThat(sb.get("left").asText()).isEqualTo("16GB");
        assertThat(sb.get("right").asText()).isEqualTo("128MB");
        assertThat(sb.get("change").asText()).isEqualTo("changed");
        assertThat(sb.get("restartNeeded").asBoolean()).isTrue();
        JsonNode row = diff.get(0);
        List<String> fields = new ArrayList<>();
        row.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).startsWith("name", "left", "right", "change");
    }

    @Test
    void anEngineDefaultThatDependsOnTheBuildIsNeitherDriftNorAPlannedChange() throws Exception {
        Path yaml = dir.resolve("sockets.yaml");
        Files.writeString(yaml, "name: sockets\nengine: postgresql\nentries:\n"
                + "  - parameter: krb_server_keyfile\n    reset: true\n"
                + "  - parameter: jit\n    value: 'off'\n");
        ok("template", "import", "--file", yaml.toString(), "--json");

        JsonNode resolved = ok("template", "resolve", "--template", "sockets", "--instance", "pg-orders-1", "--json");
        assertThat(find(resolved, "name", "krb_server_keyfile").get("note").asText())
                .isEqualTo("default depends on the distribution's build: not compared");
        JsonNode diff = ok("template", "diff", "--left", "sockets", "--right", "instance:pg-orders-1", "--json");
        assertThat(diff).extracting(row -> row.get("name").asText()).containsExactly("jit");
        JsonNode plan = ok("plan", "create", "--template", "sockets", "--instance", "pg-orders-1", "--offline", "--json");
        assertThat(plan.get("changes")).extracting(c -> c.get("parameter").asText()).containsExactly("jit");

        Path conf = dir.resolve("sockets.conf");
        assertThat(cli.run("template", "export", "--template", "sockets", "--instance", "pg-orders-1",
                "--format", "postgresql.conf", "--out", conf.toString()).exitCode()).isZero();
        assertThat(Files.readString(conf))
                .contains("# Not written, the server keeps its own default: krb_server_keyfile")
                .contains("jit = off")
                .doesNotContain("krb_server_keyfile =");
    }

    @Test
    void diffOfTwoVersionsShowsWhatTheSecondSaveChanged() throws Exception {
        Path v1 = dir.resolve("v1.yaml");
        Files.writeString(v1, "name: mine\nengine: postgresql\nentries:\n  - parameter: work_mem\n    value: 16MB\n");
        ok("template", "import", "--file", v1.toString(), "--json");
        Path v2 = dir.resolve("v2.yaml");
        Files.writeString(v2, "name: mine\nengine: postgresql\nentries:\n  - parameter: work_mem\n    value: 16384kB\n"
                + "  - parameter: jit\n    value: 'off'\n");
        ok("template", "import", "--file", v2.toString(), "--json");
        JsonNode diff = ok("template", "diff", "--left", "mine@1", "--right", "mine@2", "--json");
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("name").asText()).isEqualTo("jit");
        assertThat(diff.get(0).get("change").asText()).isEqualTo("added");
    }

    @Test
    void validateExitsNonZeroOnErrorsAndNamesTheVersion() throws Exception {
        // import refuses io_method for 17 (it came with 18); the editor saves what validation flags
        cli.saveTemplate(new Template("new-knob", Engine.POSTGRESQL, List.of("17", "18"), null,
                List.of(TemplateEntry.literal("io_method", "worker", "")), false, ""));
        CliHarness.Result r = cli.run("template", "validate", "new-knob", "--json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        JsonNode issues = json.readTree(r.out());
        assertThat(issues.get(0).get("severity").asText()).isEqualTo("error");
        assertThat(issues.get(0).get("version").asText()).isEqualTo("17");
        assertThat(cli.run("template", "validate", "postgresql-oltp").exitCode()).isZero();
    }

    @Test
    void planCreateStoresADraftWithFromToAndProvenance() throws Exception {
        JsonNode plan = ok("plan", "create", "--template", "postgresql-oltp", "--instance", "pg-orders-1", "--offline", "--json");
        assertThat(plan.get("id").asLong()).isPositive();
        assertThat(plan.get("state").asText()).isEqualTo("draft");
        assertThat(plan.get("baseline").asText()).startsWith("snapshot of 2026-11-25T08:00:00Z");
        assertThat(plan.get("hasBaseline").asBoolean()).isTrue();
        JsonNode sb = find(plan.get("changes"), "parameter", "shared_buffers");
        assertThat(sb.get("from").asText()).isEqualTo("16384");
        assertThat(sb.get("to").asText()).isEqualTo("2097152");
        assertThat(sb.get("fromDisplay").asText()).isEqualTo("128MB");
        assertThat(sb.get("toDisplay").asText()).isEqualTo("16GB");
        assertThat(sb.get("applyMode").asText()).isEqualTo("restart");
        assertThat(sb.get("provenance").asText()).isEqualTo("postgresql-base v1: min(25% of RAM, 16GB)");

        String table = cli.run("plan", "show", plan.get("id").asText()).out();
        assertThat(table.lines().filter(l -> l.startsWith("shared_buffers ")).findFirst().orElseThrow())
                .containsSubsequence("128MB", "16GB", "restart").doesNotContain("2097152");

        JsonNode list = ok("plan", "list", "--json");
        assertThat(list).hasSize(1);
        assertThat(ok("plan", "show", plan.get("id").asText(), "--json").get("changes").size())
                .isEqualTo(plan.get("changes").size());
    }

    @Test
    void aPlanForAnInstanceNeverReadSaysItHasNoBaselineInJsonAndInItsHeader() throws Exception {
        cli.add(new Instance(0, "pg-new-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                new HardwareFacts(4, 16 * GB, DiskType.SSD, 100 * GB), false));
        JsonNode plan = ok("plan", "create", "--template", "postgresql-oltp", "--instance", "pg-new-1", "--offline", "--json");
        assertThat(plan.get("hasBaseline").asBoolean()).isFalse();
        assertThat(plan.get("baseline").asText()).isEqualTo("no settings read yet");

        CliHarness.Result shown = cli.run("plan", "show", plan.get("id").asText());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out().lines().limit(2).toList()).containsExactly(
                "Plan " + plan.get("id").asText() + " for pg-new-1: postgresql-oltp v1, draft, baseline no settings read yet",
                "No baseline: no settings were read from pg-new-1 before planning, so every FROM is unknown and every value"
                        + " the template sets is listed. Read them with `knobwright fleet refresh pg-new-1` and create the plan again.");

        String withBaseline = cli.run("plan", "show", ok("plan", "create", "--template", "postgresql-oltp", "--instance",
                "pg-orders-1", "--offline", "--json").get("id").asText()).out();
        assertThat(withBaseline).doesNotContain("No baseline");
    }

    @Test
    void unknownTemplateInstanceAndFormatGiveOneLineAndExitOne() {
        for (String[] args : List.of(
                new String[] {"template", "show", "nope"},
                new String[] {"template", "resolve", "--template", "postgresql-oltp", "--instance", "nope"},
                new String[] {"template", "export", "--template", "postgresql-oltp", "--format", "docx"},
                new String[] {"template", "export", "--template", "postgresql-oltp", "--format", "postgresql.conf"},
                new String[] {"plan", "create", "--template", "mysql-oltp", "--instance", "pg-orders-1", "--offline"},
                new String[] {"template", "diff", "--left", "mysql-oltp", "--right", "instance:pg-orders-1"},
                new String[] {"plan", "show", "999"})) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
        }
    }

    @Test
    void aTemplateIsNotComparedWithAnInstanceOfAnotherEngine() {
        CliHarness.Result r = cli.run("template", "diff", "--left", "mysql-oltp", "--right", "instance:pg-orders-1");
        assertThat(r.errLines()).singleElement().asString()
                .contains("Template 'mysql-oltp' is for MySQL; 'pg-orders-1' runs PostgreSQL");
    }

    private static Map<String, String> values(JsonNode resolved) {
        Map<String, String> values = new HashMap<>();
        resolved.forEach(p -> values.put(p.get("name").asText(), p.get("value").asText()));
        return values;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
