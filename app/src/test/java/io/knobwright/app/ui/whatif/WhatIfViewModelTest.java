package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.ExperimentService;
import io.knobwright.app.task.ExecutorTaskRunner;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PlanSimulationRepository;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.SimulationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.knobwright.app.ui.whatif.FakeWhatIf.GB;
import static io.knobwright.app.ui.whatif.FakeWhatIf.MB;
import static org.assertj.core.api.Assertions.assertThat;

/** The what-if screen's behaviour without a toolkit, over a what-if service with hand-checkable numbers. */
class WhatIfViewModelTest {

    static final Instant T = Instant.parse("2026-12-06T09:00:00Z");
    final FakeWhatIf whatIf = new FakeWhatIf();
    final List<PlanSimulation> attached = new ArrayList<>();
    final Instance orders = Fixtures.instance(7, "pg-orders", Engine.POSTGRESQL, "16", Tier.STAGING, Criticality.HIGH,
            WorkloadKind.OLTP, Map.of());

    PlanSimulationRepository store() {
        return new PlanSimulationRepository() {
            @Override
            public PlanSimulation attach(PlanSimulation s) {
                attached.add(s);
                return s.withId(attached.size());
            }

            @Override
            public Optional<PlanSimulation> latest(long planId) {
                return attached.isEmpty() ? Optional.empty() : Optional.of(attached.getLast());
            }

            @Override
            public List<PlanSimulation> ofPlan(long planId) {
                return attached;
            }
        };
    }

    WhatIfViewModel vm(ExperimentService experiments) {
        return vm(Fixtures.inline(), experiments);
    }

    WhatIfViewModel vm(BackgroundWork work, ExperimentService experiments) {
        return new WhatIfViewModel(work, new WhatIfDesk(whatIf, experiments, store(), "lin", Clock.fixed(T, ZoneOffset.UTC)));
    }

    static TunableField field(WhatIfViewModel vm, String name) {
        return vm.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anInstanceOpensWithTodayAndOneScenarioPredictedSideBySide() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);

        assertThat(vm.scenarioNames()).containsExactly("current", "what-if 1");
        assertThat(vm.rows()).extracting(WhatIfViewModel.MetricRow::label).startsWith("Throughput", "p95 latency",
                "shared_buffers hit ratio");
        WhatIfViewModel.MetricRow tps = vm.rows().getFirst();
        assertThat(tps.cells()).containsExactly("1,000 tps [833–1,200]", "1,000 tps [833–1,200]");
        assertThat(vm.rows().get(1).cells().getFirst()).isEqualTo("10.0 ms [8.3–12.0]");
        assertThat(vm.rows().get(2).cells().getFirst()).isEqualTo("97.0% [95.0–98.5%]");
        assertThat(vm.accuracyTextProperty().get()).isEqualTo("Held-out accuracy: throughput error 8% (MAPE) over 12"
                + " held-out runs; 80% intervals covered 83%; direction right in 92%.");
        assertThat(vm.baselineTextProperty().get()).contains("pg-orders · 8 CPU · 32 GB RAM").contains("32 clients")
                .contains("model: built-in 1.0");
        // the explanation of the selected number: throughput of the last scenario, every mechanism and its inputs
        assertThat(vm.explanationTitleProperty().get()).isEqualTo("Throughput · what-if 1 · 1,000 tps [833–1,200]");
        assertThat(vm.explanationProperty().get()).contains("queueing (MVA): 32 clients on 8 CPUs")
                .contains("Inputs: clients = 32, cpus = 8, work_mem = 4MB").contains("cache (Che)")
                .contains("shared_buffers = 4GB");
        assertThat(whatIf.asked.getLast()).singleElement().satisfies(r -> assertThat(r.settings()).isEmpty());
    }

    @Test
    void fieldsTakeSizesAsPostgresqlConfWritesThemAndSayWhatIsWrongOtherwise() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        TunableField workMem = field(vm, "work_mem");
        assertThat(workMem.textProperty().get()).isEqualTo("4MB");

        workMem.textProperty().set("256MB");
        assertThat(workMem.valueProperty().get()).isEqualTo(256 * MB);
        assertThat(workMem.errorProperty().get()).isEmpty();
        assertThat(workMem.changedProperty().get()).isTrue();
        assertThat(vm.staleProperty().get()).isTrue();

        workMem.textProperty().set("lots");
        assertThat(workMem.errorProperty().get()).contains("\"lots\" is not a value for work_mem").contains("256MB");
        assertThat(workMem.valueProperty().get()).as("the last good value stays").isEqualTo(256 * MB);
        vm.predict();
        assertThat(vm.messageProperty().get()).isEqualTo("Correct the values marked in red first: work_mem.");

        workMem.textProperty().set("4TB");
        assertThat(workMem.errorProperty().get()).isEqualTo("work_mem = 4TB is outside what this server accepts: 64kB to 2GB.");
        workMem.textProperty().set("4 GB");
        assertThat(workMem.errorProperty().get()).contains("outside");
        workMem.textProperty().set("1GB");
        assertThat(workMem.errorProperty().get()).isEmpty();

        TunableField timeout = field(vm, "checkpoint_timeout");
        assertThat(timeout.textProperty().get()).isEqualTo("5min");
        timeout.textProperty().set("15min");
        assertThat(timeout.valueProperty().get()).isEqualTo(900);
        assertThat(field(vm, "jit").textProperty().get()).isEqualTo("on");
        assertThat(field(vm, "random_page_cost").textProperty().get()).isEqualTo("4");

        vm.predict();
        assertThat(whatIf.asked.getLast().getFirst().settings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("work_mem", "1GB", "checkpoint_timeout", "15min"));
        assertThat(vm.staleProperty().get()).isFalse();
    }

    @Test
    void memorySlidersMoveOnALogScaleAndLandOnReadableValues() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        TunableField sb = field(vm, "shared_buffers");
        assertThat(sb.logScale()).isTrue();
        // 128kB..24GB: half way along the slider is the geometric middle (~56MB), not 12GB
        sb.positionProperty().set(0.5);
        assertThat(sb.valueProperty().get()).isBetween(50 * MB, 60 * MB);
        assertThat(sb.textProperty().get()).isEqualTo("55MB");
        sb.positionProperty().set(1);
        assertThat(sb.textProperty().get()).isEqualTo("24GB");
        sb.textProperty().set("4GB");
        assertThat(sb.positionProperty().get()).isBetween(0.85, 0.9);
        assertThat(field(vm, "random_page_cost").logScale()).isFalse();
    }

    @Test
    void upToFourScenariosSitSideBySideEachPredictedWithItsWarnings() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        field(vm, "shared_buffers").textProperty().set("8GB");
        vm.addScenario();
        field(vm, "work_mem").textProperty().set("256MB");
        vm.addScenario();
        assertThat(vm.canAdd()).isFalse();
        vm.addScenario();
        assertThat(vm.messageProperty().get()).contains("Up to 4 scenarios");
        vm.predict();

        assertThat(vm.scenarioNames()).containsExactly("current", "what-if 1", "what-if 2", "what-if 3");
        // +10% per doubling; work_mem 256MB costs 30%
        assertThat(vm.rows().getFirst().cells()).containsExactly("1,000 tps [833–1,200]", "1,100 tps [917–1,320]",
                "770 tps [642–924]", "770 tps [642–924]");
        assertThat(vm.columnSettings()).containsExactly("as today", "shared_buffers = 8GB",
                "shared_buffers = 8GB, work_mem = 256MB", "shared_buffers = 8GB, work_mem = 256MB");
        assertThat(vm.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("chance of running out of memory"));
        assertThat(vm.warnings().getFirst()).startsWith("what-if 2: peak memory can reach");
        assertThat(vm.rows()).filteredOn(r -> r.metric() == Metric.PEAK_MEMORY_BYTES).singleElement()
                .satisfies(r -> assertThat(r.cells().get(2)).isEqualTo("24.0 GB [16.0–32.0]"));

        vm.select(Metric.LATENCY_P95_MS, 2);
        assertThat(vm.explanationTitleProperty().get()).startsWith("p95 latency · what-if 2 · 13.0 ms");
        assertThat(vm.explanationProperty().get()).isEqualTo("latency tail: log-normal tail scaled by R(N)/R(1)");

        vm.removeScenario(1);
        assertThat(vm.scenarioNames()).containsExactly("current", "what-if 2", "what-if 3");
        vm.removeScenario(0);
        assertThat(vm.scenarioNames()).hasSize(3);
    }

    @Test
    void editingAScenarioShowsItsValuesAndResetBringsBackToday() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        field(vm, "shared_buffers").textProperty().set("8GB");
        vm.addScenario();
        field(vm, "shared_buffers").textProperty().set("16GB");
        vm.edit(1);
        assertThat(field(vm, "shared_buffers").textProperty().get()).isEqualTo("8GB");
        vm.resetScenario();
        assertThat(field(vm, "shared_buffers").textProperty().get()).isEqualTo("4GB");
        vm.edit(2);
        assertThat(field(vm, "shared_buffers").textProperty().get()).isEqualTo("16GB");
    }

    @Test
    void aSweepRunsAroundTodayWithinTheServersRange() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        vm.sweep("work_mem");
        double[] asked = whatIf.swept.getLast();
        assertThat(asked[0]).isEqualTo(256 * 1024); // 4MB / 16
        assertThat(asked[1]).isEqualTo(64 * MB);
        assertThat(vm.sweepProperty().get().points()).hasSize(WhatIfViewModel.SWEEP_STEPS);
        assertThat(vm.sweepFieldProperty().get().name()).isEqualTo("work_mem");
        vm.sweep("shared_buffers");
        assertThat(whatIf.swept.getLast()[1]).isEqualTo(24 * GB); // 64GB capped by the server's maximum
        vm.sweep("random_page_cost");
        assertThat(whatIf.swept.getLast()).startsWith(0, 100);
        vm.sweep("checkpoint_timeout");
        assertThat(whatIf.swept.getLast()).startsWith(30, 3000);
    }

    @Test
    void aModelThatCannotSimulateSaysWhatToDoWithoutAStackTrace() {
        whatIf.failBaseline = new SimulationException("pg-orders has no measured workload yet: run `knobwright monitor"
                + " collect --instance pg-orders` or give a script");
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        assertThat(vm.messageProperty().get()).isEqualTo("Read the what-if baseline of pg-orders failed: pg-orders has no"
                + " measured workload yet: run `knobwright monitor collect --instance pg-orders` or give a script");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aPlanBecomesAScenarioThatStaysThePlanAndItsPredictionAttachesToIt() {
        ChangePlan plan = new ChangePlan(12, 7, "pg-orders", "payments", 2, T, "lin", PlanState.DRAFT, "snapshot",
                List.of(new PlannedChange("work_mem", "4096", "262144", "kB", ApplyMode.ONLINE, "t", ""),
                        new PlannedChange("shared_buffers", "524288", "1048576", "8kB", ApplyMode.RESTART, "t", ""),
                        new PlannedChange("wal_compression", "off", "lz4", null, ApplyMode.ONLINE, "t", "")));
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.simulatePlan(plan, orders);

        assertThat(vm.scenarioNames()).containsExactly("current", "plan #12");
        assertThat(whatIf.asked.getLast().getFirst().settings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "work_mem", "256MB", "shared_buffers", "8GB", "wal_compression", "lz4"));
        assertThat(vm.editableProperty().get()).isFalse();
        field(vm, "work_mem").textProperty().set("8MB");
        assertThat(field(vm, "work_mem").textProperty().get()).as("the plan's scenario stays the plan").isEqualTo("256MB");
        assertThat(vm.messageProperty().get()).contains("Add a scenario");

        vm.addScenario(); // an exploration beside the plan, not attached
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.canAttach()).isTrue();
        vm.attachToPlan();

        assertThat(attached).singleElement().satisfies(s -> {
            assertThat(s.planId()).isEqualTo(12);
            assertThat(s.attachedBy()).isEqualTo("lin");
            assertThat(s.attachedAt()).isEqualTo(T);
            assertThat(s.model()).isEqualTo("built-in 1.0");
            assertThat(s.accuracy()).startsWith("throughput error 8% (MAPE)");
            assertThat(s.scenarios()).extracting(PlanSimulation.Scenario::name).containsExactly("current", "plan #12");
            assertThat(s.planned().tps().mean()).isCloseTo(770, org.assertj.core.data.Offset.offset(0.01));
            assertThat(s.planned().warnings()).singleElement().asString().contains("running out of memory");
            assertThat(s.planned().explanation()).contains("in-memory sorts that lose cache locality").contains("latency tail");
        });
        assertThat(vm.messageProperty().get()).startsWith("Attached to plan #12");
    }

    @Test
    void withoutAPlanNothingIsAttached() {
        WhatIfViewModel vm = vm(WhatIfDesk.none().experiments());
        vm.show(orders);
        assertThat(vm.canAttach()).isFalse();
        vm.attachToPlan();
        assertThat(attached).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Simulate this plan");
    }

    @Test
    void anExperimentMeasuresTheScenarioAgainstTodayAndShowsTheVerdict() {
        List<ExperimentService.Request> requests = new ArrayList<>();
        WhatIfViewModel vm = vm((request, progress, cancelled) -> {
            requests.add(request);
            progress.accept(new ExperimentService.Progress(0.5, "run 3 of 6 (B)"));
            return new ExperimentService.Result(List.of(observation(1500), observation(1210)),
                    "B is 24% faster than A");
        });
        vm.show(orders);
        field(vm, "shared_buffers").textProperty().set("8GB");
        vm.runExperiment();

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.instance()).isEqualTo("pg-orders");
            assertThat(r.settings()).containsExactlyEntriesOf(Map.of("shared_buffers", "8GB"));
            assertThat(r.compareWith()).containsExactlyEntriesOf(Map.of("shared_buffers", "4GB"));
            assertThat(r.clients()).isEqualTo(32);
            assertThat(r.replicates()).isEqualTo(3);
        });
        assertThat(vm.experiment().runningProperty().get()).isFalse();
        assertThat(vm.experiment().verdictProperty().get()).isEqualTo("Measured what-if 1: B is 24% faster than A."
                + " Scenario vs today: 1,500 tps (p95 9.0 ms, noise ±12%) vs 1,210 tps (p95 9.0 ms, noise ±12%)");
        assertThat(vm.messageProperty().get()).isEqualTo("Experiment done: B is 24% faster than A");
    }

    @Test
    void aRefusedExperimentSaysWhy() {
        WhatIfViewModel vm = vm((request, progress, cancelled) -> {
            throw UserError.input("pg-orders is a production instance: experiments run on a sandbox or a staging instance.");
        });
        vm.show(orders);
        vm.runExperiment();
        assertThat(vm.messageProperty().get()).isEqualTo("Run the experiment on pg-orders failed: pg-orders is a"
                + " production instance: experiments run on a sandbox or a staging instance.");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void aLongExperimentShowsProgressAndStopsWhenCancelled() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(1)) {
            BackgroundWork work = new BackgroundWork(tasks, Runnable::run, (action, details) -> { }, Fixtures.noWait());
            WhatIfViewModel running = new WhatIfViewModel(work, new WhatIfDesk(whatIf, (request, progress, cancelled) -> {
                progress.accept(new ExperimentService.Progress(0.25, "run 2 of 6 (A), warm-up discarded"));
                reported.countDown();
                while (!cancelled.getAsBoolean()) {
                    Thread.onSpinWait();
                }
                throw new java.util.concurrent.CancellationException("cancelled");
            }, store(), "lin", Clock.systemUTC()));
            running.show(orders);
            // the baseline lands on the worker thread: its fields appear before the scenario is chosen for editing,
            // and an experiment needs the edited scenario
            awaitTrue(() -> running.editingProperty().get() >= 1);
            running.runExperiment();
            assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
            awaitTrue(() -> running.experiment().progressProperty().get() == 0.25);
            assertThat(running.experiment().runningProperty().get()).isTrue();
            assertThat(running.experiment().stepProperty().get()).isEqualTo("run 2 of 6 (A), warm-up discarded");

            running.experiment().cancel();
            // the outcome arrives on the worker thread here (the ui executor runs inline): running goes false, then
            // the message is set; on the FX thread both land in one pulse
            awaitTrue(() -> !running.experiment().runningProperty().get() && !running.messageProperty().get().isEmpty());
            assertThat(running.messageProperty().get()).isEqualTo("Experiment cancelled: its runs were discarded and"
                    + " nothing was recorded.");
            assertThat(running.messageIsErrorProperty().get()).isFalse();
            assertThat(running.experiment().verdictProperty().get()).isEmpty();
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            Thread.sleep(10);
        }
    }

    @Test
    void aSharedBuffersSweepStopsAtThreeQuartersOfTheMachinesRamSoTheModelCanPriceEveryPoint() {
        var sharedBuffers = new io.knobwright.app.simulation.WhatIfService.Tunable("shared_buffers", 128 * 1024,
                1024 * GB, 7 * GB, "bytes", true, "cache of data pages");

        double[] onThirtyTwoGb = WhatIfViewModel.sweepRange(sharedBuffers, 32 * GB);
        double[] ramUnknown = WhatIfViewModel.sweepRange(sharedBuffers, 0);

        assertThat(onThirtyTwoGb[1]).isEqualTo(24 * GB);
        assertThat(ramUnknown[1]).isEqualTo(7 * 16 * GB);
        assertThat(onThirtyTwoGb[0]).isEqualTo(ramUnknown[0]);
    }

    static Observation observation(double tps) {
        return new Observation(0, T, "pg-orders", 7, "replay:7", "8cpu-32GiB-nvme", Map.of(), 32, Map.of(), tps, 4, 9,
                0.12, 3, Double.NaN, Double.NaN, Double.NaN);
    }
}
