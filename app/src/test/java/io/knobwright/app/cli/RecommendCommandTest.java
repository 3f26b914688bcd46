package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    /** A PostgreSQL 16 instance as `fleet add`, `fleet refresh` and two weeks of `monitor collect` leave it. */
    private Instance measured(String name) {
        Instance instance = postgres(name);
        cli.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), "16.4", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "default", false),
                new LiveSetting("work_mem", "4096", "kB", "default", false),
                new LiveSetting("max_connections", "100", "", "default", false))));
        InMemoryMetricHistory demo = new DemoWorkload(Instant.now(), 4, ZoneOffset.UTC, 42).history(instance.id());
        Instant to = Instant.now().plus(Duration.ofHours(1));
        for (Metric metric : Metric.values()) {
            var all = demo.points(instance.id(), metric, to.minus(Duration.ofDays(15)), to);
            var hourly = IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
            if (!hourly.isEmpty()) {
                cli.store().workloadSeries().importPoints(instance.id(), metric, hourly);
            }
        }
        return instance;
    }

    private Instance postgres(String name) {
        return cli.add(new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                new HardwareFacts(8, 32L << 30, DiskType.SSD, 500L << 30), false));
    }

    /** A MariaDB whose settings were read but whose workload was never measured. */
    private Instance mariadb(String name) {
        Instance instance = cli.add(new Instance(0, name, Engine.MARIADB, "10.11", "10.11.6", null, Map.of(), null,
                null, null, new HardwareFacts(4, 16L << 30, DiskType.SSD, 500L << 30), false));
        cli.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), "10.11.6", List.of(
                new LiveSetting("innodb_buffer_pool_size", "134217728", "B", "default", false))));
        return instance;
    }

    @Test
    void instanceJsonHasTheIssuesFieldsForEveryRecommendation() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--allow-restart", "--json");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("instance", "engine", "model", "noChange",
                "noChangeReason", "recommendations", "overall", "considered", "warnings", "notes", "error",
                "conflicts");
        assertThat(json.get("instance").asText()).isEqualTo("orders");
        assertThat(json.get("engine").asText()).isEqualTo("PostgreSQL 16");
        assertThat(json.get("noChange").asBoolean()).isFalse();
        assertThat(json.get("recommendations").size()).isPositive();
        for (JsonNode rec : json.get("recommendations")) {
            assertThat(rec.fieldNames()).toIterable().containsExactly("parameter", "from", "to", "direction", "reason",
                    "evidence", "reasoning", "predictedEffect", "confidence", "restartRequired", "applyMode",
                    "dataLossWindow");
            JsonNode gain = rec.get("predictedEffect").get("gain");
            assertThat(gain.get("low").asDouble()).isLessThanOrEqualTo(gain.get("mean").asDouble());
            assertThat(gain.get("high").asDouble()).isGreaterThanOrEqualTo(gain.get("mean").asDouble());
            assertThat(rec.get("confidence").asText()).isIn("high", "medium", "low");
            assertThat(rec.get("reasoning").asText()).isNotBlank();
            assertThat(rec.get("to").asText()).isNotEqualTo(rec.get("from").asText());
            assertThat(rec.get("dataLossWindow").isNull()).as("no durability trade was allowed").isTrue();
        }
    }

    @Test
    void withoutAllowRestartNothingNeedsARestart() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("recommendations").findValuesAsText("restartRequired")).doesNotContain("true");
        assertThat(json.get("recommendations").findValuesAsText("parameter")).doesNotContain("shared_buffers",
                "max_connections");
    }

    @Test
    void anInstanceWithoutAConnectionSaysWhyItsPlannerWasNotAskedAndPrintsNoProbeLine() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("notes").toString())
                .contains("planner settings not judged: orders has no connection to ask its planner");
        assertThat(r.err()).doesNotContain("Asking the planner");
    }

    @Test
    void postgresqlConfPrintsEachChangedLineAfterItsReasoningAsComments() throws Exception {
        measured("orders");
        JsonNode json = new ObjectMapper().readTree(cli.run("recommend", "--instance", "orders", "--allow-restart",
                "--json").out());

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--allow-restart", "--format",
                "postgresql.conf");

        assertThat(r.exitCode()).isZero();
        List<String> settingLines = r.out().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> expected = new ArrayList<>();
        json.get("recommendations").forEach(rec -> expected.add(rec.get("parameter").asText() + " = '"
                + rec.get("to").asText() + "'"));
        assertThat(settingLines).containsExactlyElementsOf(expected);
        assertThat(r.out()).startsWith("# Knobwright recommendations for orders (PostgreSQL 16)")
                .contains("# " + json.get("recommendations").get(0).get("reasoning").asText().replaceAll("\\s+", " ").strip());
    }

    @Test
    void sqlPrintsAlterSystemStatementsAndAReload() {
        measured("orders");

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--allow-restart", "--format", "sql");

        assertThat(r.exitCode()).isZero();
        List<String> statements = r.out().lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        assertThat(statements).isNotEmpty();
        assertThat(statements.getLast()).isEqualTo("SELECT pg_reload_conf();");
        assertThat(statements.subList(0, statements.size() - 1))
                .allMatch(s -> s.matches("ALTER SYSTEM SET [a-z_]+ = '[^']+';"));
    }

    @Test
    void textShowsTheChangesTheirReasoningAndNotes() {
        measured("orders");

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--allow-restart");
        CliHarness.Result conf = cli.run("recommend", "--instance", "orders", "--format", "postgresql.conf");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList().get(0)).isEqualTo("orders · PostgreSQL 16 · model: built-in");
        assertThat(r.out()).contains("PARAMETER").contains("PREDICTED (80%)").contains("note: settings as read");
        assertThat(conf.out().lines().toList()).as("without a restart nothing is worth it, and the file says why")
                .anySatisfy(l -> assertThat(l).startsWith("# No change recommended:").contains("restarts were not allowed"));
    }

    @Test
    void myCnfForAPostgresInstanceIsRefusedNamingTheRightFormats() {
        measured("orders");

        CliHarness.Result r = cli.run("recommend", "--instance", "orders", "--format", "my.cnf");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("my.cnf is MySQL's and MariaDB's file, and orders runs PostgreSQL")
                .contains("--format postgresql.conf");
    }

    @Test
    void postgresqlConfForAMariaDbInstanceIsRefusedAndMyCnfSaysNothingWasMeasured() {
        mariadb("shop");

        CliHarness.Result wrong = cli.run("recommend", "--instance", "shop", "--format", "postgresql.conf");
        CliHarness.Result right = cli.run("recommend", "--instance", "shop", "--format", "my.cnf");

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(wrong.err()).contains("shop runs MariaDB").contains("--format my.cnf");
        assertThat(right.exitCode()).isZero();
        assertThat(right.out().lines().toList()).contains("[mysqld]")
                .anyMatch(l -> l.startsWith("# No change recommended: No workload has been measured"));
    }

    @Test
    void sqlServerGuidanceReadsAsNotPredictedAndMyCnfIsRefusedForIt() {
        Instance instance = cli.add(new Instance(0, "finance", Engine.SQLSERVER, "2022", "16.0.4135.4", null, Map.of(),
                null, null, null, new HardwareFacts(16, 64L << 30, DiskType.SSD, 500L << 30), false));
        cli.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), "16.0.4135.4", List.of(
                new LiveSetting("max server memory (MB)", "2147483647", "MB", "default", false))));

        CliHarness.Result text = cli.run("recommend", "--instance", "finance");
        CliHarness.Result cnf = cli.run("recommend", "--instance", "finance", "--format", "my.cnf");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines().filter(l -> l.startsWith("max server memory (MB)")).findFirst().orElseThrow())
                .contains("54272").contains("not predicted").contains("low");
        assertThat(text.out()).contains("WARNING Evidence: instance facts (RAM 64 GB, 16 CPUs)");
        assertThat(cnf.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(cnf.err()).contains("finance runs SQL Server");
    }

    @Test
    void anUnknownOrHostileInstanceNameIsAUserErrorThatEchoesNothingRaw() {
        CliHarness.Result r = cli.run("recommend", "--instance", "x'; DROP TABLE instance; --\u001b[31m", "--json");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("\u001b").contains("knobwright fleet list");
    }

    @Test
    void missingWorkloadIsAUserErrorSayingWhatToRun() {
        postgres("fresh");
        cli.snapshots().save(new SettingsSnapshot(cli.instances().findByName("fresh").orElseThrow().id(), Instant.now(),
                "16.4", List.of(new LiveSetting("work_mem", "4096", "kB", "default", false))));

        CliHarness.Result r = cli.run("recommend", "--instance", "fresh");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("No workload measured for fresh");
    }

    @Test
    void jsonAndFormatTogetherAndFormatWithAllAreRefused() {
        measured("orders");

        assertThat(cli.run("recommend", "--instance", "orders", "--json", "--format", "sql").err())
                .contains("--json or --format, not both");
        assertThat(cli.run("recommend", "--all", "--format", "sql").err()).contains("use it with --instance NAME");
        assertThat(cli.run("recommend", "--instance", "orders", "--format", "pg_hba.conf").err())
                .contains("choose postgresql.conf, my.cnf or sql");
        assertThat(cli.run("recommend", "--json").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void allAnswersEveryInstanceReportsFailuresWithoutStoppingAndShowsProgressOnStderr() throws Exception {
        measured("orders");
        measured("billing");
        postgres("fresh");
        mariadb("shop");

        CliHarness.Result r = cli.run("recommend", "--all", "--allow-restart", "--json", "--parallel", "2");

        assertThat(r.exitCode()).as("one instance could not be answered").isEqualTo(ExitCodes.USER_ERROR);
        JsonNode instances = new ObjectMapper().readTree(r.out()).get("instances");
        assertThat(instances.findValuesAsText("instance")).containsExactly("billing", "fresh", "orders", "shop");
        assertThat(instances.get(0).get("recommendations").size()).isPositive();
        assertThat(instances.get(0).get("error").isNull()).isTrue();
        assertThat(instances.get(1).get("error").asText()).contains("knobwright fleet refresh fresh");
        assertThat(instances.get(3).get("noChangeReason").asText()).startsWith("No workload has been measured");
        assertThat(instances.get(3).get("warnings").get(0).asText()).contains("no workload measured");
        List<String> progress = r.errLines().stream().filter(l -> l.startsWith("[")).toList();
        assertThat(progress).hasSize(4).anyMatch(l -> l.contains("/4] fresh: could not be answered"));
        assertThat(r.errLines().getLast()).contains("4 instances in").contains("3 answered, 1 could not be");
    }
}
