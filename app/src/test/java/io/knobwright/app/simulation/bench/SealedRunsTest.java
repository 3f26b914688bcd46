package io.knobwright.app.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knobwright.simulator.model.Estimate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SealedRunsTest {

    private static final BenchConfiguration C05 = new BenchConfiguration("c05", Map.of("work_mem", "7MB"), 7, false);
    private static final BenchConfiguration C06 = new BenchConfiguration("c06", Map.of("work_mem", "194MB"), 3, false);

    @Test
    void theHeldOutRunsOpenOnlyForAPredictionOfEveryOne() {
        SealedRuns sealed = new SealedRuns(Map.of(C05, List.of(), C06, List.of()));
        Estimate e = new Estimate(100, 90, 110);

        assertThatThrownBy(() -> sealed.open(Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealed.open(Map.of(C05, e))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("every one of them was predicted");
        assertThat(sealed.open(Map.of(C05, e, C06, e))).containsOnlyKeys(C05, C06);
    }
}
