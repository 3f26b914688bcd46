package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.ApplyOutcome;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** `plan outcome` end to end: the stored apply record, the collected samples around it, text and JSON, the exit status. */
class PlanOutcomeCommandTest {

    private final CliHarness cli = new CliHarness();
    private final Instant applied = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));

    @AfterEach
    void closeStore() {
        cli.close();
    }

    /** An instance with a plan applied three hours ago (work_mem 4MB -> 64MB), predicted to gain 10% [4%, 16%]. */
    private long appliedPlan(String name) {
        Instance instance = cli.add(new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null,
                null, new HardwareFacts(8, 32L << 30, DiskType.SSD, 500L << 30), false));
        ChangePlan plan = cli.store().plans().save(new ChangePlan(0, instance.id(), name, "recommendations", 0, applied,
                "alice", PlanState.APPLIED, "live at " + applied,
                List.of(new PlannedChange("work_mem", "4096", "65536", "kB", ApplyMode.ONLINE, "recommend", ""))));
        cli.store().applyOutcomes().record(new ApplyOutcome(0, plan.id(), 1, instance.id(), name, applied,
                applied.plusSeconds(1), "replay:" + name + ":measured", "8cpu-32GiB-ssd", Map.of("work_mem", "4096"),
                Map.of("work_mem", "65536"), "built-in", "",
                Optional.of(new ApplyOutcome.Predicted(500, 550, 450, 660, 8, 8, 0.10, 0.04, 0.16)), Optional.empty()));
        return plan.id();
    }

    /** One COMMITS and CONNECTIONS point a minute over [from, to), alternating ±2% around {@code tps}. */
    private void collect(String name, Instant from, Instant to, double tps) {
        long id = cli.instances().findAll().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
        List<MetricPoint> commits = new ArrayList<>();
        List<MetricPoint> connections = new ArrayList<>();
        int k = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            commits.add(new MetricPoint(t, tps * (k++ % 2 == 0 ? 1.02 : 0.98)));
            connections.add(new MetricPoint(t, 20));
        }
        cli.store().workloadSeries().importPoints(id, Metric.COMMITS, commits);
        cli.store().workloadSeries().importPoints(id, Metric.CONNECTIONS, connections);
    }

    @Test
    void aRegressionIsFlaggedWithItsRevertPlanAndExitEight() {
        long plan = appliedPlan("orders");
        collect("orders", applied.minus(Duration.ofHours(2)), applied, 500);
        collect("orders", applied.plusSeconds(60), applied.plus(Duration.ofHours(2)), 350);

        CliHarness.Result r = cli.run("plan", "outcome", String.valueOf(plan));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(PlanOutcomeCommand.REGRESSION);
        assertThat(r.out()).contains("predicted: 500 -> 550 tps, change +10% [+4%, +16%]")
                .contains("REGRESSION: 30% fewer transactions per second")
                .contains("predicted +10% [+4%, +16%]: the measured change is below the interval")
                .contains("FLAGGED: regression after plan " + plan)
                .contains("work_mem: 65536 -> 4096");
        long revert = cli.store().plans().findAll().stream().filter(p -> p.template().equals("revert of plan " + plan))
                .findFirst().orElseThrow().id();
        assertThat(r.out()).contains("Revert proposed as plan " + revert + " (draft)");
    }

    @Test
    void jsonPerInstanceSaysWhatWasMeasuredAndHasNoNaN() throws Exception {
        long plan = appliedPlan("billing");
        collect("billing", applied.minus(Duration.ofHours(2)), applied, 500);
        collect("billing", applied.plusSeconds(60), applied.plus(Duration.ofHours(2)), 505);

        CliHarness.Result r = cli.run("plan", "outcome", "--instance", "billing", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode outcome = new ObjectMapper().readTree(r.out()).get("outcomes").get(0);
        assertThat(outcome.get("planId").asLong()).isEqualTo(plan);
        assertThat(outcome.get("predicted").get("change").asDouble()).isEqualTo(0.10);
        JsonNode measured = outcome.get("measured");
        assertThat(measured.get("verdict").asText()).isEqualTo("no_difference");
        assertThat(measured.get("regression").asBoolean()).isFalse();
        assertThat(measured.get("samplesAfter").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(measured.get("queryMsBefore").isNull()).as("no statements were collected").isTrue();
        assertThat(measured.get("observationAfter").asLong()).isPositive();
        assertThat(outcome.get("revert").isNull()).isTrue();
    }

    @Test
    void neitherAPlanNorAnInstanceSaysWhatToGive() {
        CliHarness.Result r = cli.run("plan", "outcome");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("Give the applied plan's ID, or --instance NAME");
    }
}
