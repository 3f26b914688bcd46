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
    void calibrationReachesBothEndsOfEveryRangeOneClientAndMoreThanTheCores() {
        List<BenchConfiguration> calibration = design.stream().filter(BenchConfiguration::calibration).toList();
        assertThat(calibration.stream().mapToInt(BenchConfiguration::clients).min().orElseThrow()).isEqualTo(1);
        assertThat(calibration.stream().mapToInt(BenchConfiguration::clients).max().orElseThrow()).isEqualTo(8);
        for (String setting : List.of("shared_buffers", "work_mem", "max_wal_size", "checkpoint_timeout")) {
            List<Double> values = calibration.stream().map(c -> Knobs.parse(setting, c.settings().get(setting))).toList();
            List<Double> all = design.stream().map(c -> Knobs.parse(setting, c.settings().get(setting))).toList();
            assertThat(values).as(setting).contains(java.util.Collections.min(all), java.util.Collections.max(all));
        }
        assertThat(calibration.stream().map(c -> c.settings().get("synchronous_commit")).distinct()).hasSize(2);
    }

    @Test
    void everyPredictedValueLiesBetweenCalibratedOnesAndThePredictionsFillEachSliceOfTheRange() {
        List<BenchConfiguration> calibration = design.stream().filter(BenchConfiguration::calibration).toList();
        List<BenchConfiguration> predicted = design.stream().filter(c -> !c.calibration()).toList();
        assertThat(predicted).hasSize(10);
        for (String setting : List.of("shared_buffers", "work_mem", "max_wal_size", "checkpoint_timeout")) {
            double lo = calibration.stream().mapToDouble(c -> Knobs.parse(setting, c.settings().get(setting))).min().orElseThrow();
            double hi = calibration.stream().mapToDouble(c -> Knobs.parse(setting, c.settings().get(setting))).max().orElseThrow();
            assertThat(predicted).allSatisfy(c -> assertThat(Knobs.parse(setting, c.settings().get(setting)))
                    .as(setting + " of " + c.name()).isBetween(lo, hi));
        }
        boolean[] slices = new boolean[predicted.size()];
        for (BenchConfiguration c : predicted) {
            double mb = Knobs.parse("work_mem", c.settings().get("work_mem")) / (1 << 20);
            slices[(int) Math.floor(Math.log(mb) / Math.log(256) * predicted.size())] = true;
        }
        assertThat(slices).containsOnly(true);
        assertThat(predicted.stream().mapToInt(BenchConfiguration::clients).distinct().count()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aQuickDesignCalibratesOnTheDefaultsAndBothEndsOfEachRange() {
        List<BenchConfiguration> quick = ConfigurationDesign.design(6, 3, ConfigurationDesign.SEED);
        List<BenchConfiguration> calibration = quick.stream().filter(BenchConfiguration::calibration).toList();
        assertThat(calibration).hasSize(3);
        assertThat(calibration.stream().mapToInt(BenchConfiguration::clients)).contains(1, 8);
        assertThat(calibration.stream().map(c -> c.settings().get("work_mem"))).contains("1MB", "256MB");
    }

    @Test
    void theSameSeedGivesTheSameDesign() {
        assertThat(ConfigurationDesign.design(15, 5, ConfigurationDesign.SEED)).isEqualTo(design);
    }
}
