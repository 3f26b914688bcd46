package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.WorkloadProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadProfileCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void anInstanceWithNothingCollectedSaysSoAndWhatToRun() {
        assertThat(cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db").exitCode()).isZero();

        CliHarness.Result r = cli.run("workload", "profile", "--instance", "orders", "--json");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith("knobwright: No workload data for orders")
                .contains("knobwright monitor collect --instance orders");
    }

    @Test
    void anUnknownInstanceIsAUserError() {
        CliHarness.Result r = cli.run("workload", "profile", "--instance", "ghost");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("ghost");
    }

    @Test
    void jsonCarriesTheClassEveryFeatureWithItsVoteThePatternAndTheShift() throws Exception {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        DemoWorkload demo = new DemoWorkload(now, 4, ZoneOffset.UTC, 42);
        Instance orders = new Instance(9, "orders", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                new HardwareFacts(16, 64L << 30, DiskType.SSD, 2L << 40), false);
        WorkloadService service = new WorkloadService(demo.history(9), i -> demo.queries(24), Clock.fixed(now, ZoneOffset.UTC),
                ZoneOffset.UTC);
        WorkloadProfile profile = service.profile(orders, WorkloadService.DEFAULT_WINDOW);
        StringWriter out = new StringWriter();

        Json.print(new PrintWriter(out), WorkloadProfileCommand.ProfileJson.of(orders, profile));
        JsonNode json = new ObjectMapper().readTree(out.toString());

        assertThat(json.get("instance").asText()).isEqualTo("orders");
        assertThat(json.get("window").get("from").asText()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(json.get("class").asText()).isEqualTo("oltp");
        assertThat(json.get("features")).hasSize(5);
        JsonNode first = json.get("features").get(0);
        assertThat(first.get("name").asText()).isEqualTo("mean statement time");
        assertThat(first.get("votes").asText()).isEqualTo("oltp");
        assertThat(first.get("threshold").asText()).isEqualTo("OLTP <= 10 ms, OLAP >= 500 ms");
        assertThat(json.get("concurrency").fieldNames()).toIterable().containsExactly("mean", "p95", "max");
        assertThat(json.get("workingSet").get("fit").asText()).isEqualTo("tight");
        assertThat(json.get("heatMap").get("rows")).hasSize(7);
        assertThat(json.get("heatMap").get("rows").get(0)).hasSize(24);
        assertThat(json.get("peakHours").toString()).contains("10", "11");
        JsonNode shift = json.get("shifts").get(0);
        assertThat(shift.get("at").asText()).isEqualTo(demo.shiftAt().toString());
        assertThat(shift.get("metric").asText()).isEqualTo("commits");
        assertThat(shift.get("after").asDouble()).isGreaterThan(shift.get("before").asDouble() * 1.3);
        assertThat(service.latestClasses()).containsEntry(9L, io.knobwright.model.workload.WorkloadClass.OLTP);
    }

    @Test
    void jsonListsTheRegressionsAfterTheFieldsItHadWithWhatChangedAndByHowMuch() throws Exception {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        DemoWorkload demo = new DemoWorkload(now, 4, ZoneOffset.UTC, 42);
        Instance orders = new Instance(9, "orders", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                new HardwareFacts(16, 64L << 30, DiskType.SSD, 2L << 40), false);
        io.knobwright.app.workload.QueryTrends trends = io.knobwright.app.workload.QueryTrends.of(
                io.knobwright.model.workload.QueryRegressions.judge(demo.days(14),
                        io.knobwright.model.workload.QueryRegressions.Settings.DEFAULT), demo.texts());
        WorkloadService service = new WorkloadService(demo.history(9), i -> demo.queries(24), i -> List.of(),
                i -> List.of(), i -> trends, Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);
        WorkloadProfile profile = service.profile(orders, WorkloadService.DEFAULT_WINDOW);
        StringWriter out = new StringWriter();

        Json.print(new PrintWriter(out), WorkloadProfileCommand.ProfileJson.of(orders, profile, service.trends(orders)));
        JsonNode json = new ObjectMapper().readTree(out.toString());

        assertThat(json.fieldNames()).toIterable().containsExactly("instance", "window", "class", "classSummary",
                "features", "readWriteMix", "transactionsPerSecond", "concurrency", "workingSet", "tempSpill",
                "checkpoints", "wal", "connections", "heatMap", "peakHours", "shifts", "regressions");
        JsonNode regressions = json.get("regressions");
        assertThat(regressions).isNotEmpty();
        for (JsonNode r : regressions) {
            assertThat(r.fieldNames()).toIterable().containsExactly("fingerprint", "query", "metric", "before", "after",
                    "ratio", "since");
            assertThat(r.get("query").asText()).startsWith("SELECT sku, sum(qty)");
            assertThat(r.get("since").asText()).isEqualTo("2026-12-04");
            assertThat(r.get("ratio").asDouble()).isGreaterThan(2.5);
            assertThat(r.get("after").asDouble()).isGreaterThan(r.get("before").asDouble() * 2.5);
        }
        assertThat(regressions.findValuesAsText("metric")).contains("meanMs", "p95Ms");
    }
}
