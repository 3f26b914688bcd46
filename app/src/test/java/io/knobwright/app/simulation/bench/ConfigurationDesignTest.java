package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Knobs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationDesignTest {

    private final List<BenchConfiguration> design = ConfigurationDesign.design(15, 5, ConfigurationDesign.SEED);

    @Test
    void theDefaultsComeFirstAndCalibrateWithFourOthers() {
        assertThat(design).hasSize(15);
        BenchConfiguration defaults = design.get(0);
        assertThat(defaults.settings()).containsEntry("shared_buffers", "128MB").containsEntry("work_mem", "4MB")
                .containsEntry("max_wal_size", "1024MB").containsEntry("synchronous_commit", "on");
        assertThat(defaults.clients()).isEqualTo(4);
        assertThat(design.stream().filter(BenchConfiguration::calibration)).hasSize(5).contains(defaults);
    }

    @Test
    void everySettingOfTheHypercubeHasOnePointInEachSliceOfItsRange() {
        List<BenchConfiguration> cube = design.subList(1, design.size());
        int n = cube.size();
        boolean[] slices = new boolean[n];
        for (BenchConfiguration c : cube) {
            double mb = Knobs.parse("work_mem", c.settings().get("work_mem")) / (1 << 20);
            double u = Math.log(mb) / Math.log(256);
            int slice = (int) Math.min(n - 1, Math.floor(u * n + 1e-6));
            slices[slice] = true;
        }
        for (boolean s : slices) {
            // rounding to whole MB can move a point at a slice edge; all but one slice must be hit
            assertThat(s || countFalse(slices) <= 1).isTrue();
        }
        assertThat(cube.stream().mapToInt(BenchConfiguration::clients).distinct().count()).isEqualTo(8);
        assertThat(cube.stream().map(c -> c.settings().get("synchronous_commit")).distinct()).hasSize(2);
    }

    @Test
    void theSameSeedGivesTheSameDesign() {
        assertThat(ConfigurationDesign.design(15, 5, ConfigurationDesign.SEED)).isEqualTo(design);
    }

    private static int countFalse(boolean[] b) {
        int k = 0;
        for (boolean x : b) {
            k += x ? 0 : 1;
        }
        return k;
    }
}
