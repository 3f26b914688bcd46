package io.knobwright.app.simulation;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.SimulationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DefaultWhatIfServiceTest {

    private final WhatIfFixture fixture = new WhatIfFixture();
    private final FakeModel.Models models = new FakeModel.Models();
    private final DefaultWhatIfService service = fixture.service(models);

    @AfterEach
    void close() {
        fixture.close();
    }

    private Instance measuredInstance() {
        Instance orders = fixture.instance("orders", WhatIfFixture.fourCpus16Gb());
        fixture.snapshot(orders, Map.of("shared_buffers", new String[]{"65536", "8kB"},
                "work_mem", new String[]{"8192", "kB"}, "checkpoint_timeout", new String[]{"600", "s"},
                "synchronous_commit", new String[]{"on", null}, "search_path", new String[]{"\"$user\", public", null}));
        fixture.collected(orders);
        return orders;
    }

    @Test
    void baselineTakesTheMachineFromTheFactsTheSettingsFromTheSnapshotAndTheWorkloadFromWhatWasCollected() {
        Instance orders = measuredInstance();

        WhatIfService.Baseline b = service.baseline(orders.id(), WhatIfService.WorkloadChoice.MEASURED);

        assertThat(b.machine().cpus()).isEqualTo(4);
        assertThat(b.machine().memoryBytes()).isEqualTo(16L << 30);
        assertThat(b.machine().device()).isEqualTo(DeviceProfile.SSD);
        assertThat(b.current().get("shared_buffers")).isEqualTo(512.0 * 1024 * 1024);
        assertThat(b.current().get("work_mem")).isEqualTo(8.0 * 1024 * 1024);
        assertThat(b.current().get("checkpoint_timeout")).isEqualTo(600.0);
        assertThat(b.current().isOn("synchronous_commit")).isTrue();
        assertThat(b.current().names()).doesNotContain("search_path");
        assertThat(b.workload().name()).contains("measured profile").contains("orders");
        assertThat(b.workload().clients()).isGreaterThan(1);
        assertThat(b.workload().dataBytes()).isGreaterThan(1e11);
        assertThat(b.source()).contains("tps").contains("settings as read").contains("access skew")
                .contains("fitted to the measured");
        assertThat(b.model()).isEqualTo("fake");
    }

    @Test
    void skewIsFittedSoTheModelGivesTheMeasuredHitRatio() {
        Instance orders = measuredInstance();
        double measured = fixture.context.workload().profile(fixture.context.fleet().find(orders.id()).orElseThrow(),
                io.knobwright.app.workload.WorkloadService.DEFAULT_WINDOW).workingSet().hitRatio();

        List<Prediction> p = service.simulate(orders.id(), WhatIfService.WorkloadChoice.MEASURED, List.of());

        assertThat(p.getFirst().get(io.knobwright.simulator.model.Metric.BUFFER_HIT_RATIO).orElseThrow().mean())
                .isCloseTo(measured, within(0.001));
    }

    @Test
    void tunablesCarryTheCatalogRangesInBaseUnits() {
        Instance orders = measuredInstance();

        WhatIfService.Baseline b = service.baseline(orders.id(), WhatIfService.WorkloadChoice.MEASURED);

        WhatIfService.Tunable sb = tunable(b, "shared_buffers");
        assertThat(sb.min()).isEqualTo(16 * 8192.0);
        assertThat(sb.max()).isEqualTo(1073741823 * 8192.0);
        assertThat(sb.unit()).isEqualTo("bytes");
        assertThat(sb.restartNeeded()).isTrue();
        assertThat(sb.current()).isEqualTo(512.0 * 1024 * 1024);
        WhatIfService.Tunable timeout = tunable(b, "checkpoint_timeout");
        assertThat(timeout.min()).isEqualTo(30);
        assertThat(timeout.max()).isEqualTo(86400);
        assertThat(timeout.unit()).isEqualTo("seconds");
        assertThat(timeout.restartNeeded()).isFalse();
        assertThat(tunable(b, "work_mem").min()).isEqualTo(64 * 1024.0);
        assertThat(tunable(b, "jit").unit()).isEqualTo("boolean");
        assertThat(tunable(b, "synchronous_commit").max()).isEqualTo(1);
        assertThat(tunable(b, "hash_mem_multiplier").unit()).isEmpty();
        assertThat(tunable(b, "wal_buffers").min()).isEqualTo(-1);
    }

    private static WhatIfService.Tunable tunable(WhatIfService.Baseline b, String name) {
        return b.tunables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void simulatePutsCurrentFirstAndEachScenarioUnderItsSettings() {
        Instance orders = measuredInstance();

        List<Prediction> p = service.simulate(orders.id(), WhatIfService.WorkloadChoice.MEASURED, List.of(
                new WhatIfService.ScenarioRequest("small", Map.of("shared_buffers", "128MB"), 0),
                new WhatIfService.ScenarioRequest("large", Map.of("shared_buffers", "4GB"), 0)));

        assertThat(p).extracting(Prediction::scenario).containsExactly("current", "small", "large");
        assertThat(p.get(2).throughput().mean()).isGreaterThan(p.get(1).throughput().mean());
    }

    @Test
    void aValueOutsideTheServersRangeOrAnUnknownSettingIsRefusedWithWhatIsAccepted() {
        Instance orders = measuredInstance();

        assertThatThrownBy(() -> service.simulate(orders.id(), WhatIfService.WorkloadChoice.MEASURED, List.of(
                new WhatIfService.ScenarioRequest("tiny", Map.of("work_mem", "16kB"), 0))))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("work_mem = 16kB is outside what orders's server accepts: from 64 kB");
        assertThatThrownBy(() -> service.simulate(orders.id(), WhatIfService.WorkloadChoice.MEASURED, List.of(
                new WhatIfService.ScenarioRequest("typo", Map.of("shared_bufers", "1GB"), 0))))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("\"shared_bufers\" is not a setting");
    }

    @Test
    void unknownCpusOrRamSayHowToEnterThem() {
        Instance blank = fixture.instance("blank", new HardwareFacts(0, 0, DiskType.UNKNOWN, 0));
        fixture.collected(blank);

        assertThatThrownBy(() -> service.baseline(blank.id(), WhatIfService.WorkloadChoice.MEASURED))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("knobwright fleet edit blank --cpus N --ram SIZE");
    }

    @Test
    void anUnknownDiskIsAssumedAnSsdAndTheSourceSaysSo() {
        Instance orders = fixture.instance("nodisk", new HardwareFacts(2, 8L << 30, DiskType.UNKNOWN, 0));
        fixture.collected(orders);

        WhatIfService.Baseline b = service.baseline(orders.id(), WhatIfService.WorkloadChoice.MEASURED);

        assertThat(b.machine().device()).isEqualTo(DeviceProfile.SSD);
        assertThat(b.source()).contains("disk type unknown: a local SSD assumed").contains("no settings snapshot");
    }

    @Test
    void nothingCollectedAndNoScriptSaysWhatToRun() {
        Instance idle = fixture.instance("idle", WhatIfFixture.fourCpus16Gb());

        assertThatThrownBy(() -> service.baseline(idle.id(), WhatIfService.WorkloadChoice.MEASURED))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("No workload measured for idle")
                .hasMessageContaining("knobwright monitor collect --instance idle");
    }

    @Test
    void aScriptWorkloadIsBuiltFromItsStatementsWithoutAnyCollectedData(@TempDir Path dir) throws Exception {
        Instance idle = fixture.instance("idle", WhatIfFixture.fourCpus16Gb());
        Path script = Files.writeString(dir.resolve("tpcb.sql"), """
                \\set aid random(1, 100000)
                BEGIN;
                UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                SELECT bid, count(*) FROM pgbench_accounts GROUP BY bid ORDER BY bid;
                END;
                """);

        WhatIfService.WorkloadChoice choice = new WhatIfService.WorkloadChoice(WhatIfService.WorkloadChoice.Kind.SCRIPT,
                script, 8);
        WhatIfService.Baseline b = service.baseline(idle.id(), choice);

        assertThat(b.workload().classes()).hasSize(3);
        assertThat(b.workload().clients()).isEqualTo(8);
        assertThat(b.workload().commitsPerTx()).isEqualTo(1);
        assertThat(b.workload().classes().get(2).sortInputBytes()).isPositive();
        assertThat(b.source()).contains("script tpcb.sql").contains("coarse");
    }

    @Test
    void measuredRunsOfTheSameWorkloadCalibrateTheModelAndOthersDoNot() {
        Instance orders = measuredInstance();
        fixture.observed(orders, WorkloadKeys.replay("orders", "9f2c"), Map.of("shared_buffers", "1GB"), 500, Double.NaN);
        fixture.observed(orders, WorkloadKeys.script("SELECT 1"), Map.of(), 9000, Double.NaN);

        WhatIfService.Baseline b = service.baseline(orders.id(), WhatIfService.WorkloadChoice.MEASURED);

        assertThat(b.model()).isEqualTo("fake calibrated on 1");
        assertThat(models.lastRuns).singleElement().satisfies(run -> {
            assertThat(run.scenario().knobs().get("shared_buffers")).isEqualTo(1024.0 * 1024 * 1024);
            assertThat(run.scenario().knobs().get("work_mem")).isEqualTo(8.0 * 1024 * 1024);
            assertThat(run.scenario().workload().clients()).isEqualTo(50);
        });
        assertThat(b.source()).contains("calibrated on 1 measured run");
    }

    @Test
    void aSweepOfAThousandPointsAsksTheModelOnceEachAndStaysWithinTheRange() {
        Instance orders = measuredInstance();
        int before = models.defaults.predictions.get();

        WhatIfService.Sweep sweep = service.sweep(orders.id(), WhatIfService.WorkloadChoice.MEASURED, "shared_buffers",
                64.0 * 1024 * 1024, 8.0 * 1024 * 1024 * 1024, 1000);

        assertThat(sweep.points()).hasSize(1000);
        assertThat(sweep.points().getFirst().value()).isEqualTo(64.0 * 1024 * 1024);
        assertThat(sweep.points().getLast().value()).isEqualTo(8.0 * 1024 * 1024 * 1024);
        assertThat(sweep.points().getLast().tps().mean()).isGreaterThan(sweep.points().getFirst().tps().mean());
        assertThat(sweep.elapsed()).isLessThan(java.time.Duration.ofSeconds(1));
        assertThat(sweep.parameter()).isEqualTo("shared_buffers");
        // the skew fit asks a few dozen times; the sweep asks once per point
        assertThat(models.defaults.predictions.get() - before).isBetween(1000, 1100);
        assertThatThrownBy(() -> service.sweep(orders.id(), WhatIfService.WorkloadChoice.MEASURED, "checkpoint_timeout",
                10, 600, 5)).isInstanceOf(SimulationException.class).hasMessageContaining("(30 to 86400 seconds)");
    }

    @Test
    void accuracyWithoutRunsSaysHowToMeasureOne() {
        Instance orders = measuredInstance();

        WhatIfService.Accuracy a = service.accuracy(orders.id());

        assertThat(a.observations()).isZero();
        assertThat(a.mape()).isNaN();
        assertThat(a.summary()).startsWith("no measured runs yet: run `knobwright experiment run --instance orders");
    }

    @Test
    void accuracyOfMeasuredRunsComesFromTheCalibrationsHeldOutError() {
        Instance orders = measuredInstance();
        for (String sb : List.of("128MB", "512MB", "1GB", "2GB")) {
            fixture.observed(orders, WorkloadKeys.replay("orders", "9f2c"), Map.of("shared_buffers", sb), 500, Double.NaN);
        }

        WhatIfService.Accuracy a = service.accuracy(orders.id());

        assertThat(a.observations()).isEqualTo(4);
        assertThat(a.mape()).isEqualTo(0.084);
        assertThat(a.summary()).startsWith("8.4% held-out error over 4 measured runs; 80% intervals covered 83%");
    }

    @Test
    void accuracyOfScriptRunsComesFromThePredictionsRecordedBeforeEachRun() {
        Instance orders = fixture.instance("scripted", WhatIfFixture.fourCpus16Gb());
        String key = WorkloadKeys.script("SELECT 1");
        fixture.observed(orders, key, Map.of(), 100, 110);   // 10% off, inside [91.7, 132]
        fixture.observed(orders, key, Map.of(), 200, 150);   // 25% off, outside [125, 180]
        fixture.observed(orders, key, Map.of(), 100, 100);   // exact

        WhatIfService.Accuracy a = service.accuracy(orders.id());

        assertThat(a.observations()).isEqualTo(3);
        assertThat(a.mape()).isCloseTo((0.1 + 0.25 + 0) / 3, within(1e-9));
        assertThat(a.coverage80()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(a.directionRight()).isEqualTo(1.0);
        assertThat(a.summary()).contains("predictions recorded before each run");
    }
}
