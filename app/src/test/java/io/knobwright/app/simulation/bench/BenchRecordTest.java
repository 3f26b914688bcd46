package io.knobwright.app.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.HotRows;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRecordTest {

    private static BenchLoad.Run run(double tps) {
        return new BenchLoad.Run(tps, 1.0, 2.5, (long) (tps * 6), 0, new BenchLoad.ServerDelta(1000, 10, 0, 5e5, 20, 0));
    }

    @Test
    void aSavedBenchReadsBackWithItsMachineShapeAndEveryRun(@TempDir Path dir) throws Exception {
        BenchConfiguration defaults = new BenchConfiguration("defaults", Map.of("shared_buffers", "128MB"), 4, true);
        BenchConfiguration c01 = new BenchConfiguration("c01", Map.of("shared_buffers", "256MB"), 8, true);
        BenchConfiguration c05 = new BenchConfiguration("c05", Map.of("shared_buffers", "69MB"), 7, false);
        WorkloadShape shape = new WorkloadShape("in-memory (pgbench tpcb-like)", List.of(new QueryClass("update", 1, 0.1,
                4, 0, 0, 1, 100, false)), 8.5e7, 0.3, 4, 0, 1, true,
                List.of(new HotRows("UPDATE pgbench_branches", 5, 3)));
        Machine machine = new Machine(2, 24L << 30, new DeviceProfile(0.1, 500, 0.11));

        BenchRecord record = new BenchRecord();
        record.machine(machine);
        record.workload("in-memory", shape);
        record.run("in-memory", c01, run(3000));
        record.run("in-memory", defaults, run(2000));
        record.run("in-memory", c05, run(4000));
        record.run("in-memory", defaults.asCalibration(false), run(2100));
        Path file = dir.resolve("runs.json");
        record.write(file);

        BenchRecord.Saved saved = BenchRecord.read(file);
        assertThat(saved.machine()).contains(machine);
        BenchRecord.SavedWorkload w = saved.workloads().getFirst();
        assertThat(w.shape()).isEqualTo(shape);
        // the defaults first, calibrating, as a live bench's design has them
        assertThat(w.design()).extracting(BenchConfiguration::name).containsExactly("defaults", "c01", "c05");
        assertThat(w.design()).extracting(BenchConfiguration::calibration).containsExactly(true, true, false);
        // a file from before 0159 measured the defaults again in a second phase: all of their runs count
        assertThat(w.runs("defaults")).extracting(BenchLoad.Run::tps).containsExactly(2000.0, 2100.0);
        assertThat(w.runs("c05")).extracting(BenchLoad.Run::tps).containsExactly(4000.0);
        assertThat(w.runs(w.design()).get(w.design().get(1))).extracting(BenchLoad.Run::tps).containsExactly(3000.0);
    }

    @Test
    void aFileThatIsNoSavedBenchSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "[1, 2]");
        assertThatThrownBy(() -> BenchRecord.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bench simulator --save");
        Path broken = Files.writeString(dir.resolve("y.json"), "{\"in-memory\": ");
        assertThatThrownBy(() -> BenchRecord.read(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read");
    }
}
