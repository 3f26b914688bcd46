package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FleetCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    private Instance inventory(String name, Engine engine, String version, Tier tier, Map<String, String> tags, boolean demo) {
        return cli.add(new Instance(0, name, engine, version, null, null, tags, tier, Criticality.HIGH, WorkloadKind.OLTP,
                new HardwareFacts(16, 64L << 30, DiskType.NVME, 2L << 40), demo));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void listJsonHasEveryDocumentedFieldInAStableOrder() throws Exception {
        inventory("orders-1", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Map.of("team", "payments", "region", "eu"), false);

        CliHarness.Result r = cli.run("fleet", "list", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode first = json(r.out()).get(0);
        assertThat(fieldNames(first)).containsExactly("id", "name", "engine", "version", "fullVersion", "tier",
                "criticality", "workload", "tags", "demo", "hardware", "connection");
        assertThat(first.get("engine").asText()).isEqualTo("postgresql");
        assertThat(first.get("tier").asText()).isEqualTo("production");
        assertThat(first.get("criticality").asText()).isEqualTo("high");
        assertThat(first.get("workload").asText()).isEqualTo("oltp");
        assertThat(first.get("tags").isObject()).isTrue();
        assertThat(fieldNames(first.get("tags"))).containsExactly("region", "team");
        assertThat(first.get("hardware").get("memoryBytes").asLong()).isEqualTo(64L << 30);
        assertThat(first.get("hardware").get("diskType").asText()).isEqualTo("nvme");
        assertThat(first.get("connection").isNull()).isTrue();
    }

    @Test
    void anEmptyFleetIsAnEmptyJsonArray() throws Exception {
        CliHarness.Result r = cli.run("fleet", "list", "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(json(r.out()).isArray()).isTrue();
        assertThat(json(r.out())).isEmpty();
    }

    @Test
    void listFiltersByEngineTierAndEveryTag() throws Exception {
        inventory("pg-prod-pay", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Map.of("team", "payments"), false);
        inventory("pg-prod-web", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Map.of("team", "web"), false);
        inventory("pg-dev-pay", Engine.POSTGRESQL, "15", Tier.DEVELOPMENT, Map.of("team", "payments"), false);
        inventory("my-prod-pay", Engine.MYSQL, "8.0", Tier.PRODUCTION, Map.of("team", "payments", "pci", "yes"), false);

        assertThat(names(cli.run("fleet", "list", "--json", "--engine", "postgres", "--tier", "prod", "--tag", "team=payments")))
                .containsExactly("pg-prod-pay");
        assertThat(names(cli.run("fleet", "list", "--json", "--tag", "team=payments", "--tag", "pci=yes")))
                .containsExactly("my-prod-pay");
        assertThat(names(cli.run("fleet", "list", "--json", "--engine", "mysql"))).containsExactly("my-prod-pay");
    }

    private static List<String> names(CliHarness.Result r) throws Exception {
        assertThat(r.exitCode()).isZero();
        List<String> names = new ArrayList<>();
        json(r.out()).forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    @Test
    void anUnknownEngineFilterIsAOneLineUserError() {
        CliHarness.Result r = cli.run("fleet", "list", "--engine", "db2");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "knobwright: Unknown engine 'db2'. Use one of: postgresql, mysql, mariadb, sqlserver, oracle.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aTagWithoutEqualsSaysTheExpectedForm() {
        CliHarness.Result r = cli.run("fleet", "list", "--tag", "team");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: --tag 'team' must be KEY=VALUE, e.g. --tag team=payments.");
    }

    @Test
    void theTableIsAlignedAndShowsControlCharactersEscaped() {
        inventory("short", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Map.of(), false);
        inventory("evil\u001b[31mred\nline", Engine.MARIADB, "10.11", Tier.TEST, Map.of("k", "v"), false);

        CliHarness.Result r = cli.run("fleet", "list");

        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID  NAME");
        assertThat(r.out()).doesNotContain("\u001b").contains("evil\\u001B[31mred\\nline");
        int engineColumn = lines.get(0).indexOf("ENGINE");
        assertThat(lines.get(1).indexOf("postgresql")).isEqualTo(engineColumn);
        assertThat(lines.get(2).indexOf("mariadb")).isEqualTo(engineColumn);
    }

    @Test
    void addPrintsTheNewInstanceWithItsIdAndTheDetectedEngine() throws Exception {
        cli.server.server(Engine.MARIADB, "10.11.9-MariaDB");

        CliHarness.Result r = cli.run("fleet", "add", "--name", "shop", "--jdbc-url", "jdbc:fake://db2:3306/shop",
                "--user", "root", "--tier", "staging", "--criticality", "critical", "--workload", "olap",
                "--tag", "team=shop", "--tag", "region=eu", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode added = json(r.out());
        assertThat(added.get("id").asLong()).isPositive();
        assertThat(added.get("engine").asText()).isEqualTo("mariadb");
        assertThat(added.get("version").asText()).isEqualTo("10.11");
        assertThat(added.get("fullVersion").asText()).isEqualTo("10.11.9-MariaDB");
        assertThat(added.get("tier").asText()).isEqualTo("staging");
        assertThat(added.get("criticality").asText()).isEqualTo("critical");
        assertThat(added.get("workload").asText()).isEqualTo("olap");
        assertThat(added.get("tags").get("team").asText()).isEqualTo("shop");
        assertThat(added.get("connection").get("credential").asText()).isEqualTo("none");
        assertThat(cli.snapshots().latest(added.get("id").asLong())).isPresent();
    }

    @Test
    void addHasNoPasswordOptionBecauseItWouldLeakIntoShellHistory() {
        CliHarness.Result r = cli.run("fleet", "add", "--name", "x", "--jdbc-url", "jdbc:fake://db", "--password", "hunter2");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--password is not accepted").contains("--password-env VAR or --password-stdin")
                .doesNotContain("hunter2");
        assertThat(cli.instances().count()).isZero();
    }

    @Test
    void addReadsThePasswordFromStdinAndStoresItSealed() {
        CliHarness.Result r = cli.runWithStdin("hunter2\n", "fleet", "add", "--name", "orders",
                "--jdbc-url", "jdbc:fake://db1/app", "--password-stdin");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Registered 'orders' as id 1: PostgreSQL 16.4, 2 settings in the first snapshot.");
        Instance stored = cli.instances().findByName("orders").orElseThrow();
        assertThat(stored.connection().credential()).isInstanceOf(CredentialRef.Sealed.class);
        assertThat(cli.server.targets()).allSatisfy(t -> assertThat(t.password()).isEqualTo("hunter2"));
    }

    @Test
    void addWithPasswordEnvStoresOnlyTheVariableName() throws Exception {
        cli.env.put("ORDERS_PW", "from-env");

        CliHarness.Result r = cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app",
                "--password-env", "ORDERS_PW", "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(json(r.out()).get("connection").get("credential").asText()).isEqualTo("env:ORDERS_PW");
        assertThat(r.out()).doesNotContain("from-env");
    }

    @Test
    void addRefusesBothPasswordSourcesAsAUsageError() {
        CliHarness.Result r = cli.runWithStdin("pw\n", "fleet", "add", "--name", "o", "--jdbc-url", "jdbc:fake://db",
                "--password-env", "PW", "--password-stdin");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not both");
    }

    @Test
    void addWithEmptyStdinSaysHowToPipeThePassword() {
        CliHarness.Result r = cli.run("fleet", "add", "--name", "o", "--jdbc-url", "jdbc:fake://db", "--password-stdin");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("nothing on standard input");
    }

    @Test
    void addToAnUnreachableServerExitsWithThreeAndStoresNothing() {
        cli.server.refuse("Connection to db1:5432 refused: is the server running and accepting TCP connections?");

        CliHarness.Result r = cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly(
                "knobwright: Connection to db1:5432 refused: is the server running and accepting TCP connections?");
        assertThat(cli.instances().count()).isZero();
    }

    @Test
    void addOfAVersionWithoutCatalogRegistersAndWarns() {
        cli.server.server(Engine.POSTGRESQL, "12.19");

        CliHarness.Result r = cli.run("fleet", "add", "--name", "old", "--jdbc-url", "jdbc:fake://db9/app");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).startsWith("knobwright: warning: no parameter catalog for PostgreSQL 12");
        assertThat(cli.instances().findByName("old")).isPresent();

        // a version without a catalog is the user's to know about (exit 1), not a bug (exit 70)
        CliHarness.Result resolve = cli.run("template", "resolve", "--template", "postgresql-oltp", "--instance", "old");
        assertThat(resolve.exitCode()).as(resolve.err()).isEqualTo(1);
        assertThat(resolve.err()).startsWith("knobwright: No template can be resolved for 'old': No parameter catalog for PostgreSQL 12.");
        for (String[] command : List.of(
                new String[] {"template", "export", "--template", "postgresql-oltp", "--format", "postgresql.conf", "--instance", "old"},
                new String[] {"template", "diff", "--left", "postgresql-oltp", "--right", "instance:old"},
                new String[] {"catalog", "list", "--instance", "old"},
                new String[] {"plan", "create", "--template", "postgresql-oltp", "--instance", "old", "--offline"})) {
            CliHarness.Result r2 = cli.run(command);
            assertThat(r2.exitCode()).as(String.join(" ", command) + ": " + r2.err()).isEqualTo(1);
        }
    }

    @Test
    void addWithAnUnknownTierNamesTheAcceptedTiers() {
        CliHarness.Result r = cli.run("fleet", "add", "--name", "o", "--jdbc-url", "jdbc:fake://db", "--tier", "prodd");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "knobwright: Unknown tier 'prodd'. Use one of: production, staging, test, development.");
        assertThat(cli.server.targets()).isEmpty();
    }

    @Test
    void addWithoutANameIsAUsageError() {
        CliHarness.Result r = cli.run("fleet", "add", "--jdbc-url", "jdbc:fake://db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--name=NAME'");
    }

    @Test
    void addAcceptsQuotesAndUnicodeInNamesAndShowFindsThem() throws Exception {
        String name = "Zürich \"primary\" 'eu' 数据库";
        assertThat(cli.run("fleet", "add", "--name", name, "--jdbc-url", "jdbc:fake://db").exitCode()).isZero();

        CliHarness.Result r = cli.run("fleet", "show", name, "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(json(r.out()).get("instance").get("name").asText()).isEqualTo(name);
    }

    @Test
    void addRefusesANameWithANewline() {
        CliHarness.Result r = cli.run("fleet", "add", "--name", "a\nb", "--jdbc-url", "jdbc:fake://db");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("control character");
    }

    @Test
    void showJsonHasTheFactsAndTheLatestSnapshot() throws Exception {
        cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app");

        CliHarness.Result r = cli.run("fleet", "show", "orders", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode shown = json(r.out());
        assertThat(fieldNames(shown)).containsExactly("instance", "snapshot");
        assertThat(fieldNames(shown.get("snapshot"))).containsExactly("takenAt", "serverVersion", "settingCount", "settings",
                "reportedHardware");
        JsonNode setting = shown.get("snapshot").get("settings").get(0);
        assertThat(fieldNames(setting)).containsExactly("name", "value", "unit", "source", "pendingRestart", "display");
        assertThat(setting.get("name").asText()).isEqualTo("shared_buffers");
        assertThat(setting.get("value").asText()).isEqualTo("16384");
        assertThat(setting.get("unit").asText()).isEqualTo("8kB");
        assertThat(setting.get("display").asText()).isEqualTo("128MB");
    }

    @Test
    void showPrintsSettingsAsADbaWritesThem() {
        cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app");

        CliHarness.Result r = cli.run("fleet", "show", "orders");

        assertThat(r.out().lines().filter(l -> l.startsWith("shared_buffers ")).findFirst().orElseThrow())
                .contains("128MB").doesNotContain("16384").doesNotContain("8kB");
    }

    @Test
    void showOfAnInventoryOnlyInstanceSaysThereIsNoSnapshot() {
        Instance legacy = inventory("legacy", Engine.ORACLE, "19c", Tier.PRODUCTION, Map.of(), false);

        CliHarness.Result r = cli.run("fleet", "show", String.valueOf(legacy.id()));

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("legacy").contains("none (inventory only)").contains("No settings snapshot yet");
    }

    @Test
    void refreshStoresANewSnapshotAndReportsTheCount() {
        cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app");
        cli.server.settings(List.of(new LiveSetting("work_mem", "65536", "kB", "session", false)));

        CliHarness.Result r = cli.run("fleet", "refresh", "orders");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualToIgnoringNewLines("Refreshed 'orders': 1 settings read from PostgreSQL 16.4.");
        long id = cli.instances().findByName("orders").orElseThrow().id();
        assertThat(cli.snapshots().latest(id).orElseThrow().find("work_mem")).isPresent();
    }

    @Test
    void refreshOfAServerThatWentAwayExitsWithThree() {
        cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app");
        cli.server.refuse("Connection to db1:5432 timed out after 10 s.");

        CliHarness.Result r = cli.run("fleet", "refresh", "orders");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("knobwright: Connection to db1:5432 timed out after 10 s.");
    }

    @Test
    void removeTakesTheInstanceAwayAndAnUnknownOneIsAUserError() {
        Instance i = inventory("old-box", Engine.MYSQL, "8.0", Tier.TEST, Map.of(), false);

        CliHarness.Result removed = cli.run("fleet", "remove", "old-box");
        CliHarness.Result again = cli.run("fleet", "remove", String.valueOf(i.id()));

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).contains("Removed 'old-box' (id " + i.id() + ")");
        assertThat(cli.instances().count()).isZero();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString().contains("No instance '" + i.id() + "'");
    }

    @Test
    void removeDemoRemovesOnlyTheDemoFleet() {
        inventory("demo-1", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Map.of(), true);
        inventory("demo-2", Engine.MYSQL, "8.0", Tier.PRODUCTION, Map.of(), true);
        inventory("mine", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Map.of(), false);

        CliHarness.Result r = cli.run("fleet", "remove-demo");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Removed 2 demo instance(s).");
        assertThat(cli.instances().findAll()).extracting(Instance::name).containsExactly("mine");
    }

    @Test
    void importOfAMissingFileNamesThePath() {
        CliHarness.Result r = cli.run("fleet", "import", "--file", "/no/such/fleet.csv");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: No inventory file at '/no/such/fleet.csv'. Check the path.");
    }

    @Test
    void importWithRejectedRowsPrintsTheReportAndExitsWithOne() throws Exception {
        Path csv = CliGeneralTest.writeTemp("""
                name,engine,version,tier,tags
                inv-1,postgresql,15,prod,team=a
                inv-2,db2,11,prod,
                """);

        CliHarness.Result r = cli.run("fleet", "import", "--file", csv.toString(), "--json");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode report = json(r.out());
        assertThat(fieldNames(report)).containsExactly("importedCount", "rejectedCount", "imported", "rejected");
        assertThat(report.get("imported").get(0).get("name").asText()).isEqualTo("inv-1");
        assertThat(report.get("imported").get(0).get("id").asLong()).isPositive();
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("db2");
        assertThat(r.errLines()).singleElement().asString().contains("1 row(s)").contains("rejected");
        assertThat(cli.instances().findByName("inv-1")).isPresent();
    }

    @Test
    void importRejectsRowsWhoseUrlTheConnectionGateWouldRefuseAndStoresTheOthers() throws Exception {
        Path csv = CliGeneralTest.writeTemp("""
                name,engine,version,jdbc_url,user
                inv-ok,postgresql,15,jdbc:postgresql://127.0.0.1:5432/postgres,postgres
                inv-infile,mysql,8.4,jdbc:mysql://127.0.0.1:3306/mysql?allowLoadLocalInfile=true,root
                inv-create,mariadb,10.11,jdbc:mariadb://127.0.0.1:3306/x?createDatabaseIfNotExist=true,root
                inv-factory,postgresql,15,jdbc:postgresql://127.0.0.1:5432/postgres?socketFactory=java.lang.Object,postgres
                inv-timeout,mariadb,10.11,jdbc:mariadb://127.0.0.1:3306/mysql?connectTimeout=0,root
                """);

        CliHarness.Result r = cli.run("fleet", "import", "--file", csv.toString(), "--json");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode report = json(r.out());
        assertThat(report.get("importedCount").asInt()).isEqualTo(1);
        List<Integer> rows = new ArrayList<>();
        report.get("rejected").forEach(row -> rows.add(row.get("row").asInt()));
        assertThat(rows).containsExactly(3, 4, 5, 6);
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("allowLoadLocalInfile");
        assertThat(report.get("rejected").get(1).get("reason").asText()).contains("createDatabaseIfNotExist");
        assertThat(report.get("rejected").get(2).get("reason").asText()).contains("socketFactory");
        assertThat(report.get("rejected").get(3).get("reason").asText()).contains("connectTimeout");
        assertThat(cli.instances().findByName("inv-ok")).isPresent();
        assertThat(cli.instances().findByName("inv-infile")).isEmpty();
    }

    @Test
    void aCleanImportExitsWithZero() {
        Path csv = CliGeneralTest.writeTemp("name,engine,version\ninv-1,mariadb,10.11.9-MariaDB\n");

        CliHarness.Result r = cli.run("fleet", "import", "--file", csv.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Imported 1 instance(s), rejected 0 row(s).");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anUnreadableInventoryIsOneLineAndImportsNothing() {
        Path csv = CliGeneralTest.writeTemp("name,engine,version,password\ninv-1,postgresql,16,hunter2\n");

        CliHarness.Result r = cli.run("fleet", "import", "--file", csv.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("password").doesNotContain("hunter2");
        assertThat(cli.instances().count()).isZero();
    }
}
