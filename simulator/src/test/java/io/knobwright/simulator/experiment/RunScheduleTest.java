package io.knobwright.simulator.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunScheduleTest {

    @Test
    void everyRoundRunsEachConfigurationOnceSoTheOrderIsBalanced() {
        RunSchedule schedule = RunSchedule.interleaved(List.of("A", "B", "C"), 5, 1, 42);

        assertThat(schedule.runs()).hasSize(18);
        assertThat(schedule.measured()).hasSize(15);
        Map<String, Long> counts = schedule.measured().stream()
                .collect(Collectors.groupingBy(RunSchedule.Run::configuration, Collectors.counting()));
        assertThat(counts).containsEntry("A", 5L).containsEntry("B", 5L).containsEntry("C", 5L);
        for (int round = 0; round < 6; round++) {
            List<String> block = schedule.runs().subList(3 * round, 3 * round + 3).stream()
                    .map(RunSchedule.Run::configuration).toList();
            assertThat(block).containsExactlyInAnyOrder("A", "B", "C");
        }
        assertThat(schedule.of("B")).extracting(RunSchedule.Run::round).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void warmUpComesFirstAndIsMarkedToDiscard() {
        RunSchedule schedule = RunSchedule.interleaved(List.of("A", "B"), 3, 1, 7);

        assertThat(schedule.runs().subList(0, 2)).allMatch(RunSchedule.Run::warmUp);
        assertThat(schedule.runs().subList(2, 8)).noneMatch(RunSchedule.Run::warmUp);
        assertThat(schedule.runs()).extracting(RunSchedule.Run::order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(schedule.describe()).matches("[AB] [AB] \\| [AB] [AB] [AB] [AB] [AB] [AB]");
    }

    @Test
    void theOrderIsShuffledFromRoundToRoundAndRepeatsWithItsSeed() {
        RunSchedule one = RunSchedule.interleaved(List.of("A", "B"), 20, 0, 1);
        RunSchedule again = RunSchedule.interleaved(List.of("A", "B"), 20, 0, 1);

        assertThat(one).isEqualTo(again);
        long aFirst = one.runs().stream().filter(r -> r.order() % 2 == 0 && r.configuration().equals("A")).count();
        assertThat(aFirst).as("A does not always go first").isBetween(4L, 16L);
        assertThat(RunSchedule.interleaved(List.of("A", "B"), 20, 0, 2)).isNotEqualTo(one);
        assertThat(RunSchedule.interleaved(List.of("A"), 2, 0, 1).describe()).isEqualTo("A A");
    }

    @Test
    void aScheduleWithoutRunsOrWithTwinNamesIsRefused() {
        assertThatThrownBy(() -> RunSchedule.interleaved(List.of(), 3, 1, 1)).hasMessageContaining("at least one configuration");
        assertThatThrownBy(() -> RunSchedule.interleaved(List.of("A", "A"), 3, 1, 1)).hasMessageContaining("named once");
        assertThatThrownBy(() -> RunSchedule.interleaved(List.of("A"), 0, 1, 1)).hasMessageContaining("at least one measured");
        assertThatThrownBy(() -> RunSchedule.interleaved(List.of("A"), 1, -1, 1)).hasMessageContaining("negative warm-up");
    }
}
