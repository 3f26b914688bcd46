package io.knobwright.app.simulation.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class RoundScheduleTest {

    @Test
    void threeRunsInFiveRoundsTakeTheFirstTheMiddleAndTheLast() {
        RoundSchedule five = RoundSchedule.of(5, 3);

        assertThat(five.rounds()).isEqualTo(5);
        assertThat(rounds(five, 3)).containsExactly(0, 2, 4);
        assertThat(rounds(five, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    @ParameterizedTest
    @CsvSource({"5,3", "5,2", "5,1", "7,3", "6,4", "8,5", "3,3", "20,7"})
    void everyConfigurationGetsItsRunsCentredOnTheSameMeanRound(int rounds, int runs) {
        RoundSchedule schedule = new RoundSchedule(rounds);
        int[] taken = rounds(schedule, runs);

        assertThat(taken).hasSize(runs).doesNotHaveDuplicates();
        double mean = IntStream.of(taken).average().orElseThrow();
        assertThat(mean).isCloseTo((rounds - 1) / 2.0, offset(0.5));
    }

    @Test
    void moreRunsThanRoundsIsRefused() {
        assertThatThrownBy(() -> new RoundSchedule(3).measures(4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("4 runs do not fit in 3 rounds.");
        assertThatThrownBy(() -> new RoundSchedule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] rounds(RoundSchedule schedule, int runs) {
        return IntStream.range(0, schedule.rounds()).filter(r -> schedule.measures(runs, r)).toArray();
    }
}
