package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `experiment run` end to end: a sandbox loaded from a setup file with a script of the user's, the JSON a script reads,
 * the observation in the store; a production instance and option mistakes refused with their exit codes.
 */
class ExperimentRunCommandTest {

    @TempDir
    Path dir;
    private CliHarness cli;
    private AppContext context;

    @BeforeEach
    void store() {
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "alice");
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        cli.close();
    }

    @Test
    void aSandboxRunPrintsTheMeasuredNumbersAsJsonAndRecordsTheObservation() throws Exception {
        Path setup = dir.resolve("setup.sql");
        Files.writeString(setup, "CREATE TABLE items (id int PRIMARY KEY, price numeric);"
                + " INSERT INTO items SELECT g, g * 1.5 FROM generate_series(1, 10000) g;");
        Path script = dir.resolve("lookup.sql");
        Files.writeString(script, "\\set id random(1, 10000)\nSELECT price FROM items WHERE id = :id;\n");

        CliHarness.Result run = cli.run("experiment", "run", "--sandbox", "lab", "--script", script.toString(),
                "--setup", setup.toString(), "--clients", "2", "--duration", "2s", "--warmup", "1s", "--replicates", "2",
                "--set", "work_mem=8MB", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().contains("tps", "latencyP50Ms", "latencyP95Ms", "noise", "replicates",
                "observationId", "verdict");
        assertThat(json.get("tps").asDouble()).isPositive();
        assertThat(json.get("latencyP95Ms").asDouble()).isGreaterThanOrEqualTo(json.get("latencyP50Ms").asDouble());
        assertThat(json.get("replicates").asInt()).isEqualTo(2);
        assertThat(json.get("target").asText()).isEqualTo("sandbox:lab");
        assertThat(json.get("verdict").asText()).contains("tps over 2 runs");
        long id = json.get("observationId").asLong();
        assertThat(cli.store().observations().ofWorkload(json.get("workloadKey").asText()))
                .singleElement().satisfies(o -> {
                    assertThat(o.id()).isEqualTo(id);
                    assertThat(o.settings()).isEqualTo(Map.of("work_mem", "8MB"));
                });
    }

    @Test
    void anInstanceRunPrintsATableWithTheVerdictAndProgressOnStandardError() throws Exception {
        context.fleet().register(new Registration("local-pg15", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null, null, Tier.TEST, null, null, Map.of()));
        Path script = dir.resolve("one.sql");
        Files.writeString(script, "SELECT 1;\n");

        CliHarness.Result run = cli.run("experiment", "run", "--instance", "local-pg15", "--script", script.toString(),
                "--clients", "1", "--duration", "1s", "--warmup", "0s", "--replicates", "1", "--set", "work_mem=8MB",
                "--compare-set", "work_mem=16MB");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("local-pg15 · 1 clients").contains("CONFIG").contains("{work_mem=8MB}")
                .contains("{work_mem=16MB}").contains("verdict: ");
        assertThat(run.err()).contains("[  0%]").contains("run 2 of 2");
        assertThat(cli.store().observations().ofInstance(context.fleet().require("local-pg15").id())).hasSize(2);
    }

    @Test
    void aProductionInstanceIsRefusedWithAUserErrorExitCode() {
        context.fleet().register(new Registration("prod-pg", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null, null, Tier.PRODUCTION, null, null, Map.of()));

        CliHarness.Result run = cli.run("experiment", "run", "--instance", "prod-pg", "--script", "builtin:select-only",
                "--clients", "1", "--duration", "2s", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains("'prod-pg' is a production instance");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInstanceAndASandboxTogetherAreAUsageError() {
        CliHarness.Result run = cli.run("experiment", "run", "--instance", "a", "--sandbox", "b", "--replay");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--instance").contains("--sandbox");
    }

    @Test
    void aSettingThatIsNotNameEqualsValueIsRefused() {
        CliHarness.Result run = cli.run("experiment", "run", "--sandbox", "lab", "--script", "builtin:select-only",
                "--set", "work_mem");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.err()).contains("--set 'work_mem' is not NAME=VALUE");
    }
}
