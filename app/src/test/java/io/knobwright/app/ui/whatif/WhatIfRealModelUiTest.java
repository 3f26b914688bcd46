package io.knobwright.app.ui.whatif;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Prediction;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if screen over the store a new user opens (the demo fleet, seeded as on first start) with the real what-if
 * service and the built-in model: what it says before anything was collected, and the scenarios and sweep once two
 * weeks of series were collected for a demo PostgreSQL instance. Snapshots go to app/target/snapshots.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfRealModelUiTest {

    private Stage stage;
    private Theme theme;
    private WhatIfView view;
    private KnobwrightStore store;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        theme = new Theme();
        stage.setScene(new Scene(new StackPane(), 1000, 900));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> view.dispose()).get(10, TimeUnit.SECONDS);
        }
        if (context != null) {
            context.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private WhatIfViewModel demoStore() throws Exception {
        store = KnobwrightStore.inMemory("whatif-real-" + UUID.randomUUID(), true);
        context = new AppContext(store, () -> { }, new CatalogRepository(), new ConnectorRegistry(List.of()), name -> null);
        WhatIfDesk real = WhatIfDesk.of(context);
        WhatIfViewModel vm = new WhatIfViewModel(Fixtures.inline(), new WhatIfDesk(real.whatIf(), real.experiments(),
                real.simulations(), "lin", Clock.systemUTC()));
        view = WaitForAsyncUtils.asyncFx(() -> {
            WhatIfView v = new WhatIfView(vm);
            theme.style(stage.getScene().getRoot());
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v);
            return v;
        }).get(10, TimeUnit.SECONDS);
        return vm;
    }

    /** The demo's PostgreSQL instances that have a settings snapshot, as the store seeded them. */
    private List<Instance> demoPostgresWithSettings() {
        return store.instances().findAll().stream()
                .filter(i -> i.demo() && i.engine() == Engine.POSTGRESQL)
                .filter(i -> store.snapshots().latest(i.id()).isPresent())
                .sorted(java.util.Comparator.comparingInt(this::maxConnections).reversed())
                .toList();
    }

    /**
     * The collected series have up to 300 connections; an instance whose max_connections is lower could not have
     * measured them, so the busiest-allowed instances come first.
     */
    private int maxConnections(Instance instance) {
        return store.snapshots().latest(instance.id()).flatMap(s -> s.find("max_connections"))
                .map(s -> Integer.parseInt(s.value())).orElse(100);
    }

    /** Two weeks of the demo workload's series, hourly, as `monitor collect` would have stored them. */
    private void collected(Instance instance) {
        InMemoryMetricHistory demo = new DemoWorkload(Instant.now(), 4, ZoneOffset.UTC, 42).history(instance.id());
        Instant to = Instant.now().plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(15));
        for (Metric metric : Metric.values()) {
            var all = demo.points(instance.id(), metric, from, to);
            var points = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
            if (!points.isEmpty()) {
                store.workloadSeries().importPoints(instance.id(), metric, points);
            }
        }
    }

    private void showing(WhatIfViewModel vm, Instance instance) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.show(instance)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDemoInstanceWithNothingCollectedSaysWhatIsMissingAndWhatToDo() throws Exception {
        WhatIfViewModel vm = demoStore();
        List<Instance> demo = demoPostgresWithSettings();
        assertThat(demo).as("the demo fleet has PostgreSQL instances with settings").isNotEmpty();
        Instance first = demo.getFirst();
        assertThat(first.hardware().cpus()).as("hardware facts").isPositive();
        showing(vm, first);
        assertThat(vm.baselineProperty().get()).isNull();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get())
                .contains("No workload measured for " + first.name())
                .contains("no connection")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void demoPostgresInstancesWithCollectedSeriesGetARealBaselineAndPredictions(FxRobot robot) throws Exception {
        WhatIfViewModel vm = demoStore();
        List<Instance> demo = demoPostgresWithSettings();
        Instance orders = demo.getFirst();
        for (Instance i : demo.subList(0, Math.min(2, demo.size()))) {
            collected(i);
            List<Prediction> p = context.whatIf().simulate(i.id(), io.knobwright.app.simulation.WhatIfService.WorkloadChoice.MEASURED,
                    List.of(new io.knobwright.app.simulation.WhatIfService.ScenarioRequest("more work_mem",
                            java.util.Map.of("work_mem", "256MB"), 0)));
            assertThat(p).hasSize(2);
            assertThat(p.getFirst().throughput().mean()).as(i.name()).isPositive().isFinite();
        }
        showing(vm, orders);
        assertThat(vm.messageIsErrorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(vm.baselineProperty().get()).isNotNull();
        assertThat(vm.baselineProperty().get().source()).contains(" tps, ").contains("settings as read");

        assertThat(vm.scenarioNames()).as("today's, and one what-if to edit").hasSize(2);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.edit(1);
            WhatIfViewModelTest.field(vm, "shared_buffers").textProperty().set(
                    WhatIfFormats.bytesSetting(vm.baselineProperty().get().current().get("shared_buffers") * 2));
            vm.addScenario();
            WhatIfViewModelTest.field(vm, "work_mem").textProperty().set("256MB");
            vm.addScenario();
            WhatIfViewModelTest.field(vm, "max_wal_size").textProperty().set("4GB");
            WhatIfViewModelTest.field(vm, "checkpoint_timeout").textProperty().set("15min");
            vm.predict();
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.predictingProperty().get() && !vm.staleProperty().get());
        WaitForAsyncUtils.asyncFx(() -> vm.select(io.knobwright.simulator.model.Metric.THROUGHPUT_TPS, 2)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageIsErrorProperty().get()).as(vm.messageProperty().get()).isFalse();
        List<Prediction> predictions = vm.predictionsProperty().get();
        assertThat(predictions).hasSize(4);
        for (Prediction p : predictions) {
            Estimate tps = p.throughput();
            assertThat(tps.low()).as(p.scenario() + " interval").isLessThan(tps.mean());
            assertThat(tps.high()).as(p.scenario() + " interval").isGreaterThan(tps.mean());
            assertThat(tps.high() / tps.low()).as(p.scenario() + " not absurdly wide").isLessThan(10);
        }
        Snapshots.writeAt(stage.getScene(), 1600, 1000, "whatif-real-scenarios.png");
        WaitForAsyncUtils.asyncFx(() -> {
            String why = ((Label) view.lookup("#whatif-explanation")).getText();
            assertThat(why).as(why).containsAnyOf("Che", "MVA");
            assertThat(((Label) view.lookup("#whatif-cell-throughputTps-0")).getText()).matches(".*tps \\[.*–.*\\]");
            return null;
        }).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.asyncFx(() -> vm.sweep("shared_buffers")).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.sweepProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var sweep = vm.sweepProperty().get();
        assertThat(sweep.model()).containsIgnoringCase("built-in");
        assertThat(sweep.points()).allSatisfy(pt -> assertThat(pt.tps().high()).isGreaterThan(pt.tps().low()));
        Snapshots.writeNode(view.sweepChart(), 1100, 600, "whatif-real-sweep.png");
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(view.sweepChart().lookupAll(".sweep-band")).isNotEmpty();
            assertThat(view.sweepChart().lookupAll(".sweep-now")).isNotEmpty();
            return null;
        }).get(10, TimeUnit.SECONDS);
        Snapshots.writeAt(stage.getScene(), 1600, 1000, "whatif-real-sweep-screen.png");
    }
}
