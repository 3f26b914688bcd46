package io.knobwright.simulator.calibration;

import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Scenarios rebuilt from stored observations of other workloads. */
class ObservedScenariosTest {

    private static Observation run(long id, String workload, String hardwareClass, Map<String, String> settings,
                                   int clients, Map<String, Double> features) {
        return new Observation(id, Instant.EPOCH, "sandbox:s", 0, workload, hardwareClass, settings, clients, features,
                100, 2, 8, 0.05, 3, Double.NaN, Double.NaN, Double.NaN);
    }

    private static final Map<String, Double> COUNTERS = Map.of("pagesHitPerTx", 18.0, "pagesReadPerTx", 2.0,
            "tuplesReturnedPerTx", 10.0, "tuplesUpdatedPerTx", 3.0, "walBytesPerTx", 9000.0, "fpiPerTx", 1.0,
            "tempBytesPerTx", 4096.0);

    @Test
    void aSandboxRunHadItsLoadOnTheServersHostAndAnInstanceRunIsTakenAsRemote() {
        Observation sandbox = run(1, "w", "2cpu-24GiB-ssd", Map.of(), 8, COUNTERS);
        Observation instance = new Observation(2, Instant.EPOCH, "orders", 9, "w", "2cpu-24GiB-ssd", Map.of(), 8,
                COUNTERS, 100, 2, 8, 0.05, 3, Double.NaN, Double.NaN, Double.NaN);
        ObservedScenarios scenarios = ObservedScenarios.of(List.of(sandbox, instance));

        assertThat(scenarios.scenario(sandbox).orElseThrow().workload().clientsOnHost()).isTrue();
        assertThat(scenarios.scenario(instance).orElseThrow().workload().clientsOnHost()).isFalse();
    }

    @Test
    void theHardwareClassTextBecomesTheMachineItNames() {
        var m = ObservedScenarios.machine("2cpu-24GiB-ssd").orElseThrow();
        assertThat(m.cpus()).isEqualTo(2);
        assertThat(m.memoryBytes()).isEqualTo(24L << 30);
        assertThat(m.device()).isEqualTo(DeviceProfile.SSD);
        assertThat(ObservedScenarios.machine("16cpu-128GiB-nvme").orElseThrow().device()).isEqualTo(DeviceProfile.NVME);
        assertThat(ObservedScenarios.machine("4cpu-8GiB-unknown")).isPresent();
    }

    @Test
    void unknownOrHostileHardwareClassesNameNoMachine() {
        for (String text : new String[]{"?cpu-8GiB-unknown", "2cpu-?GiB-ssd", "", null, "0cpu-8GiB-ssd",
                "2cpu-24GiB-floppy", "2cpu-24GiB-ssd'; drop table observation; --", "99999999999cpu-1GiB-ssd"}) {
            assertThat(ObservedScenarios.machine(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    @Test
    void everyRunOfAWorkloadSharesOneShapePricedFromItsCountersNotItsThroughput() {
        Observation a = run(1, "w", "2cpu-24GiB-ssd", Map.of("shared_buffers", "1GB"), 8, COUNTERS);
        Observation b = run(2, "w", "2cpu-24GiB-ssd", Map.of("synchronous_commit", "off"), 2, COUNTERS);
        ObservedScenarios scenarios = ObservedScenarios.of(List.of(a, b));

        Scenario sa = scenarios.scenario(a).orElseThrow();
        Scenario sb = scenarios.scenario(b).orElseThrow();
        assertThat(sa.workload().classes()).isEqualTo(sb.workload().classes());
        assertThat(sa.workload().clients()).isEqualTo(8);
        assertThat(sb.workload().clients()).isEqualTo(2);
        assertThat(sa.knobs().get("shared_buffers")).isEqualTo(1024.0 * 1024 * 1024);
        assertThat(sb.knobs().isOn("synchronous_commit")).isFalse();

        WorkloadShape shape = sa.workload();
        var tx = shape.classes().getFirst();
        assertThat(tx.pagesRead()).isEqualTo(20);
        assertThat(tx.cpuMs()).isCloseTo(0.03 + 20 * 0.003 + 13 * 0.0005, within(1e-12));
        assertThat(tx.walBytes()).isEqualTo(9000 - 8192);
        assertThat(tx.pagesDirtied()).isEqualTo(6);
        assertThat(tx.sortInputBytes()).isEqualTo(4096);
        assertThat(shape.commitsPerTx()).isEqualTo(1);
        assertThat(shape.dataBytes()).isEqualTo(ObservedScenarios.DEFAULT_DATA_BYTES);
    }

    @Test
    void runsThatCannotBeRebuiltHaveNoScenarioAndDoNotStopTheOthers() {
        Observation good = run(1, "w", "2cpu-24GiB-ssd", Map.of(), 4, COUNTERS);
        Observation badSetting = run(2, "w", "2cpu-24GiB-ssd", Map.of("shared_buffers", "lots"), 4, COUNTERS);
        Observation badClass = run(3, "w", "?cpu-24GiB-ssd", Map.of(), 4, COUNTERS);
        Observation noCounters = run(4, "v", "2cpu-24GiB-ssd", Map.of(), 4, Map.of("hitRatio", 0.99));
        ObservedScenarios scenarios = ObservedScenarios.of(List.of(good, badSetting, badClass, noCounters));

        assertThat(scenarios.scenario(good)).isPresent();
        assertThat(scenarios.scenario(badSetting)).isEmpty();
        assertThat(scenarios.scenario(badClass)).isEmpty();
        assertThat(scenarios.scenario(noCounters)).isEmpty();
    }
}
