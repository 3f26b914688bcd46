package io.knobwright.model.override;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OverrideStackTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private final Map<Long, EmergencyOverride> rows = new HashMap<>();
    private final OverrideStack stack = new OverrideStack(rows::get,
            id -> rows.values().stream().filter(o -> o.stackedOn() == id).toList());

    private EmergencyOverride put(long id, String value, String prior, boolean persisted, long on, OverrideState state) {
        EmergencyOverride o = EmergencyOverride.pending("b", 1, "pg", "work_mem", value, prior, persisted, on, "olga", "r", T,
                T.plus(Duration.ofHours(1)), 0).withId(id).withState(state);
        rows.put(id, o);
        return o;
    }

    @Test
    void aLoneOverrideRestoresWhatWasThereAndSaysWhetherItWasPersisted() {
        EmergencyOverride o = put(1, "64MB", "4MB", false, 0, OverrideState.ACTIVE);
        assertThat(stack.restorationOf(o)).isEqualTo(new OverrideStack.Restoration(true, "4MB", false));
    }

    @Test
    void theTopRestoresToTheLiveOneBelowWhichIsAnAlterSystemValue() {
        put(1, "64MB", "4MB", false, 0, OverrideState.ACTIVE);
        EmergencyOverride top = put(2, "128MB", "64MB", true, 1, OverrideState.ACTIVE);
        assertThat(stack.restorationOf(top)).isEqualTo(new OverrideStack.Restoration(true, "64MB", true));
        assertThat(stack.restorationOf(rows.get(1L)).changesServer()).as("covered by the top").isFalse();
    }

    @Test
    void onceTheOneBelowHasEndedTheTopRestoresTheOriginal() {
        put(1, "64MB", "4MB", false, 0, OverrideState.RESTORED);
        EmergencyOverride top = put(2, "128MB", "64MB", true, 1, OverrideState.ACTIVE);
        assertThat(stack.restorationOf(top)).isEqualTo(new OverrideStack.Restoration(true, "4MB", false));
    }

    @Test
    void aKeptOverrideBelowIsTheNewBaselineAndAKeptOneAboveCoversTheOnesBelow() {
        put(1, "64MB", "4MB", false, 0, OverrideState.KEPT);
        EmergencyOverride top = put(2, "128MB", "64MB", true, 1, OverrideState.ACTIVE);
        assertThat(stack.restorationOf(top)).isEqualTo(new OverrideStack.Restoration(true, "64MB", true));

        rows.clear();
        EmergencyOverride bottom = put(1, "64MB", "4MB", false, 0, OverrideState.ACTIVE);
        put(2, "128MB", "64MB", true, 1, OverrideState.KEPT);
        assertThat(stack.restorationOf(bottom).changesServer()).isFalse();
    }

    @Test
    void aThreeHighStackWithTheMiddleGoneSkipsIt() {
        put(1, "64MB", "4MB", false, 0, OverrideState.ACTIVE);
        put(2, "128MB", "64MB", true, 1, OverrideState.RESTORED);
        EmergencyOverride top = put(3, "256MB", "128MB", true, 2, OverrideState.ACTIVE);
        assertThat(stack.restorationOf(top)).isEqualTo(new OverrideStack.Restoration(true, "64MB", true));
        assertThat(stack.liveBelow(top)).extracting(EmergencyOverride::id).containsExactly(1L);
    }

    @Test
    void aRestoredOverrideAboveNoLongerCovers() {
        EmergencyOverride bottom = put(1, "64MB", "4MB", false, 0, OverrideState.ACTIVE);
        put(2, "128MB", "64MB", true, 1, OverrideState.RESTORED);
        assertThat(stack.restorationOf(bottom)).isEqualTo(new OverrideStack.Restoration(true, "4MB", false));
        assertThat(List.of(OverrideState.values())).filteredOn(OverrideState::live)
                .containsExactly(OverrideState.PENDING, OverrideState.ACTIVE, OverrideState.RESTORING, OverrideState.ATTENTION);
    }
}
