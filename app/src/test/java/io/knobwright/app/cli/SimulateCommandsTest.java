package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.simulation.external.TinyEngine;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandsTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    /** An instance as `fleet add`, `fleet edit` and two weeks of `monitor collect` leave it. */
    private Instance measured(String name) {
        Instance instance = cli.add(new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null,
                null, new HardwareFacts(4, 16L << 30, DiskType.SSD, 500L << 30), false));
        cli.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), "16.4", List.of(
                new LiveSetting("shared_buffers", "65536", "8kB", "configuration file", false),
                new LiveSetting("work_mem", "4096", "kB", "default", false))));
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

    /** The tests' tiny engine (tps = 100 x clients x work_mem in MB) as --engine takes it: a quoted command line. */
    private static String engine(String mode) {
        return TinyEngine.command(mode).stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
    }

    @Test
    void simulateJsonGivesEachScenarioItsIntervalsExplanationWarningsAndOtherMetrics() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("simulate", "--instance", "orders", "--set", "work_mem=8MB",
                "--scenario", "big", "--set", "work_mem=64MB", "--set=shared_buffers=1GB",
                "--engine", engine("ok"), "--json");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("instance", "workload", "source", "model", "scenarios");
        assertThat(json.get("instance").asText()).isEqualTo("orders");
        assertThat(json.get("source").asText()).contains("tps").contains("settings as read");
        JsonNode scenarios = json.get("scenarios");
        assertThat(scenarios.findValuesAsText("scenario")).containsExactly("current", "proposed", "big");
        int clients = new ObjectMapper().readTree(r.out()).get("scenarios").get(0).get("explanation").get(0)
                .get("inputs").get("clients").asInt();
        assertThat(clients).isGreaterThan(1);
        for (JsonNode s : scenarios) {
            assertThat(s.fieldNames()).toIterable().containsExactly("scenario", "tps", "latencyP95Ms", "explanation",
                    "warnings", "model", "metrics", "planChanges");
            assertThat(s.get("planChanges")).isEmpty();
            assertThat(s.get("tps").fieldNames()).toIterable().containsExactly("mean", "low", "high");
            assertThat(s.get("tps").get("low").asDouble()).isLessThan(s.get("tps").get("mean").asDouble());
            assertThat(s.get("latencyP95Ms").get("high").asDouble()).isEqualTo(7);
            assertThat(s.get("explanation").get(0).get("mechanism").asText()).isEqualTo("tiny");
            assertThat(s.get("warnings").get(0).asText()).isEqualTo("tiny engine: not a real model");
            assertThat(s.get("model").asText()).isEqualTo("tiny-engine 1.0");
            assertThat(s.get("metrics").fieldNames()).toIterable().containsExactly("peakMemoryBytes");
        }
        assertThat(scenarios.get(0).get("tps").get("mean").asDouble()).isEqualTo(100.0 * clients * 4);
        assertThat(scenarios.get(1).get("tps").get("mean").asDouble()).isEqualTo(100.0 * clients * 8);
        assertThat(scenarios.get(2).get("tps").get("mean").asDouble()).isEqualTo(100.0 * clients * 64);
    }

    @Test
    void aPlannerSettingsScenarioCarriesThePlannersAnswerAndSaysWhyItCouldNotBeAsked() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("simulate", "--instance", "orders", "--set", "random_page_cost=1.1", "--json");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode proposed = new ObjectMapper().readTree(r.out()).get("scenarios").get(1);
        assertThat(proposed.get("planChanges").isArray()).isTrue();
        assertThat(proposed.get("planChanges")).isEmpty();
        assertThat(proposed.get("explanation").findValuesAsText("mechanism"))
                .contains("planner (EXPLAIN under both settings)");
        assertThat(proposed.get("explanation").findValuesAsText("text"))
                .anySatisfy(t -> assertThat(t).contains("could not be asked").contains("inventory only"));
    }

    @Test
    void theEngineCanBeSetOnceForTheStoreInTheEnvironmentAndTextOutputShowsTheTable() {
        measured("orders");
        cli.env.put("KNOBWRIGHT_SIMULATION_ENGINE", engine("ok"));

        CliHarness.Result r = cli.run("simulate", "--instance", "orders", "--set", "work_mem=16MB", "--clients", "3");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("SCENARIO").contains("current").contains("proposed").contains("4800")
                .contains("tiny engine: not a real model").contains("model: external: ");
    }

    @Test
    void sweepJsonGivesEveryValueWithItsIntervalsAndAcceptsUnits() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("simulate", "sweep", "--instance", "orders", "--param", "work_mem", "--from", "1MB",
                "--to", "4MB", "--steps", "4", "--clients", "2", "--engine", engine("ok"), "--json");

        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("instance", "parameter", "unit", "workload", "model",
                "elapsedMs", "points", "note");
        assertThat(json.get("note").asText()).isEmpty();
        assertThat(json.get("parameter").asText()).isEqualTo("work_mem");
        assertThat(json.get("unit").asText()).isEqualTo("bytes");
        assertThat(json.get("points").findValuesAsText("value"))
                .containsExactly("1048576.0", "2097152.0", "3145728.0", "4194304.0");
        assertThat(json.get("points").get(3).get("tps").get("mean").asDouble()).isEqualTo(800);
        assertThat(json.get("points").get(3).get("latencyP95Ms").fieldNames()).toIterable()
                .containsExactly("mean", "low", "high");
    }

    @Test
    void badInputEndsInAClearMessageAndExitCodeWithoutAStackTrace() {
        measured("orders");
        cli.add(new Instance(0, "bare", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                HardwareFacts.UNKNOWN, false));
        cli.add(new Instance(0, "quiet", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                new HardwareFacts(2, 8L << 30, DiskType.NVME, 0), false));
        String ok = engine("ok");

        assertError(cli.run("simulate", "--instance", "ghost", "--set", "work_mem=8MB"), 1, "ghost");
        assertError(cli.run("simulate", "--instance", "orders", "--set", "work_mem=8MB", "--set", "wrk_mem=1MB",
                "--engine", ok), 1, "\"wrk_mem\" is not a setting of orders's server");
        assertError(cli.run("simulate", "--instance", "orders", "--set", "work_mem=8kB", "--engine", ok), 1,
                "work_mem = 8kB is outside what orders's server accepts: from 64 kB to 2147483647 kB.");
        assertError(cli.run("simulate", "--instance", "orders", "--set", "work_mem=lots", "--engine", ok), 1,
                "\"lots\" is not a value for work_mem");
        assertError(cli.run("simulate", "--instance", "quiet", "--set", "work_mem=8MB", "--engine", ok), 1,
                "No workload measured for quiet");
        assertError(cli.run("simulate", "--instance", "bare", "--set", "work_mem=8MB", "--engine", ok), 1,
                "knobwright fleet edit bare --cpus N --ram SIZE");
        assertError(cli.run("simulate", "--instance", "orders", "--engine", ok), 1, "Nothing to simulate");
        assertError(cli.run("simulate", "--set", "work_mem=8MB"), 2, "--instance");
        assertError(cli.run("simulate", "--instance", "orders", "--set", "work_mem=8MB", "--scenario", "a", "--set",
                "work_mem=1MB", "--scenario", "a", "--engine", ok), 1, "Two scenarios are called \"a\"");
        assertError(cli.run("simulate", "sweep", "--instance", "orders", "--param", "checkpoint_timeout", "--from", "1s",
                "--to", "1h", "--engine", ok), 1, "(30 to 86400 seconds)");
        assertError(cli.run("simulate", "sweep", "--instance", "orders", "--param", "search_path", "--from", "1",
                "--to", "2", "--engine", ok), 1, "is not a setting the simulator can sweep");
        assertError(cli.run("simulate", "--instance", "orders", "--set", "work_mem=8MB", "--engine",
                engine("fail")), 1, "engine.py: cannot read shared_buffers");
    }

    private static void assertError(CliHarness.Result r, int code, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void accuracyWithoutMeasuredRunsSaysHowToMeasureOne() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("simulator", "accuracy", "--instance", "orders", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("instance", "observations", "mape", "coverage80",
                "directionRight", "summary");
        assertThat(json.get("observations").asInt()).isZero();
        assertThat(json.get("mape").isNull()).isTrue();
        assertThat(json.get("summary").asText()).startsWith("no measured runs yet: run `knobwright experiment run");
    }

    @Test
    void accuracyOfRunsWithRecordedPredictionsGivesTheHeldOutFigures() throws Exception {
        Instance orders = measured("orders");
        double[][] runs = {{100, 110}, {200, 150}, {100, 100}, {150, 140}};
        for (double[] run : runs) {
            cli.store().observations().add(new io.knobwright.model.simulation.Observation(0, Instant.now(), "orders",
                    orders.id(), "script:abc", "4cpu-16GiB-ssd", Map.of("work_mem", "8MB"), 8, Map.of(), run[0], 2, 9,
                    0.05, 3, run[1], run[1] / 1.2, run[1] * 1.2));
        }

        CliHarness.Result r = cli.run("simulator", "accuracy", "--instance", "orders", "--json");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("observations").asInt()).isEqualTo(4);
        assertThat(json.get("mape").asDouble()).isEqualTo(0.1042);
        assertThat(json.get("coverage80").asDouble()).isEqualTo(0.75);
        assertThat(json.get("summary").asText()).startsWith("10.4% held-out error over 4 measured runs; 80% intervals covered 75%");
    }

    @Test
    void theBuiltInModelAnswersWithoutAnEngineAndSweepsAThousandPointsWithinASecond() throws Exception {
        measured("orders");

        CliHarness.Result r = cli.run("simulate", "--instance", "orders", "--set", "shared_buffers=4GB", "--json");
        CliHarness.Result sweep = cli.run("simulate", "sweep", "--instance", "orders", "--param", "shared_buffers",
                "--from", "64MB", "--to", "8GB", "--steps", "1000", "--json");

        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("model").asText()).isEqualTo("built-in");
        assertThat(json.get("source").asText()).contains("fitted to the measured").contains("default constants");
        JsonNode proposed = json.get("scenarios").get(1);
        assertThat(proposed.get("tps").get("mean").asDouble()).isPositive();
        assertThat(proposed.get("explanation")).isNotEmpty();
        assertThat(proposed.get("metrics").has("bufferHitRatio")).isTrue();
        assertThat(sweep.err()).isEmpty();
        JsonNode points = new ObjectMapper().readTree(sweep.out());
        assertThat(points.get("points")).hasSize(1000);
        // the 1 s target is the bench's to measure on a quiet machine; here: cold JIT, other builds running
        assertThat(points.get("elapsedMs").asDouble()).isPositive().isLessThan(10_000);
    }

    @Test
    void measuredRunsOfTheInstancesWorkloadCalibrateTheBuiltInModel() throws Exception {
        Instance orders = measured("orders");
        for (String sb : List.of("128MB", "512MB", "2GB")) {
            cli.store().observations().add(new io.knobwright.model.simulation.Observation(0, Instant.now(), "orders",
                    orders.id(), io.knobwright.app.simulation.WorkloadKeys.replay("orders", "9f2c"), "4cpu-16GiB-ssd",
                    Map.of("shared_buffers", sb), 50, Map.of(), 400, 2, 9, 0.05, 3, Double.NaN, Double.NaN, Double.NaN));
        }

        CliHarness.Result r = cli.run("simulate", "--instance", "orders", "--clients", "50", "--set", "shared_buffers=1GB",
                "--json");
        CliHarness.Result accuracy = cli.run("simulator", "accuracy", "--instance", "orders", "--json");

        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("source").asText()).contains("calibrated on 3 measured runs");
        assertThat(json.get("model").asText()).isNotEqualTo("built-in");
        JsonNode held = new ObjectMapper().readTree(accuracy.out());
        assertThat(held.get("observations").asInt()).isEqualTo(3);
        assertThat(held.get("mape").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(held.get("summary").asText()).contains("held-out error over 3 measured runs")
                .contains("calibrated on the others");
    }
}
