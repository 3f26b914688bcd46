package io.knobwright.model.store;

import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideRepository;
import io.knobwright.model.override.OverrideState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JooqOverrideRepositoryTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("overrides-" + System.nanoTime(), false);
    private final OverrideRepository overrides = store.overrides();

    @AfterEach
    void close() {
        store.close();
    }

    private EmergencyOverride stored(String parameter, Duration lasting, long on) {
        EmergencyOverride o = overrides.insert(EmergencyOverride.pending("batch-1", 7, "pg-7", parameter, "64MB", null, false, on,
                "olga", "incident 'quoted'; --", T, T.plus(lasting), 0));
        assertThat(overrides.transition(o.id(), OverrideState.PENDING, OverrideState.ACTIVE, T)).isTrue();
        return overrides.find(o.id()).orElseThrow();
    }

    @Test
    void anOverrideReadsBackAsWrittenWithANullPriorKept() {
        EmergencyOverride o = stored("work_mem", Duration.ofMinutes(30), 0);
        assertThat(o.prior()).isNull();
        assertThat(o.reason()).isEqualTo("incident 'quoted'; --");
        assertThat(o.deadline()).isEqualTo(T.plus(Duration.ofMinutes(30)));
        assertThat(o.state()).isEqualTo(OverrideState.ACTIVE);
        assertThat(overrides.liveOn(7, "work_mem")).containsExactly(o);
        assertThat(overrides.liveOn(7, "other")).isEmpty();
    }

    @Test
    void dueIsDeadlinesPassedAndRetriesDueAndStaleClaims() {
        EmergencyOverride soon = stored("work_mem", Duration.ofMinutes(5), 0);
        EmergencyOverride later = stored("temp_buffers", Duration.ofMinutes(50), 0);
        Instant at = T.plus(Duration.ofMinutes(10));
        assertThat(overrides.due(at, at.minusSeconds(60))).containsExactly(soon);

        overrides.failedAttempt(soon.id(), 1, at.plusSeconds(5), "server down");
        assertThat(overrides.due(at, at.minusSeconds(60))).isEmpty();
        assertThat(overrides.due(at.plusSeconds(5), at)).extracting(EmergencyOverride::id).containsExactly(soon.id());
        assertThat(overrides.find(soon.id()).orElseThrow().restoreFailing()).isTrue();

        assertThat(overrides.transition(later.id(), OverrideState.ACTIVE, OverrideState.RESTORING, at)).isTrue();
        assertThat(overrides.transition(later.id(), OverrideState.ACTIVE, OverrideState.RESTORING, at)).as("claimed once").isFalse();
        assertThat(overrides.due(at.plusSeconds(30), at)).extracting(EmergencyOverride::id).doesNotContain(later.id());
        assertThat(overrides.due(at.plusSeconds(120), at.plusSeconds(60))).extracting(EmergencyOverride::id).contains(later.id());

        overrides.reschedule(soon.id(), at.plus(Duration.ofHours(1)));
        EmergencyOverride moved = overrides.find(soon.id()).orElseThrow();
        assertThat(moved.nextAttemptAt()).isNull();
        assertThat(moved.deadline()).isEqualTo(at.plus(Duration.ofHours(1)));
    }

    @Test
    void endedOverridesLeaveTheLiveListButStayInHistory() {
        EmergencyOverride o = stored("work_mem", Duration.ofMinutes(5), 0);
        EmergencyOverride top = stored("work_mem", Duration.ofMinutes(5), o.id());
        assertThat(overrides.stackedOn(o.id())).containsExactly(top);
        overrides.end(o.id(), OverrideState.RESTORED, T.plusSeconds(1), "knobwright", "deadline");
        assertThat(overrides.live()).containsExactly(top);
        EmergencyOverride ended = overrides.find(o.id()).orElseThrow();
        assertThat(ended.endedAt()).isEqualTo(T.plusSeconds(1));
        assertThat(ended.endedBy()).isEqualTo("knobwright");
        assertThat(overrides.recent(10)).extracting(EmergencyOverride::id).containsExactly(top.id(), o.id());
    }

    @Test
    void pendingRowsOlderThanTheApplyAreFound() {
        EmergencyOverride p = overrides.insert(EmergencyOverride.pending("b", 7, "pg-7", "work_mem", "64MB", "4MB", false, 0,
                "olga", "r", T, T.plusSeconds(600), 0));
        assertThat(overrides.pendingSince(T)).isEmpty();
        assertThat(overrides.pendingSince(T.plusSeconds(31))).containsExactly(p);
    }

    @Test
    void theLeaseIsHeldByOneHolderUntilItsHeartbeatIsOld() {
        Duration lease = Duration.ofSeconds(15);
        assertThat(overrides.acquireLease("daemon 1", T, lease)).isTrue();
        assertThat(overrides.acquireLease("workbench 2", T.plusSeconds(5), lease)).isFalse();
        assertThat(overrides.acquireLease("daemon 1", T.plusSeconds(10), lease)).as("renewed").isTrue();
        assertThat(overrides.leaseHolder(T.plusSeconds(20), lease)).contains("daemon 1");
        assertThat(overrides.acquireLease("workbench 2", T.plusSeconds(26), lease)).as("heartbeat too old").isTrue();
        assertThat(overrides.leaseHolder(T.plusSeconds(26), lease)).contains("workbench 2");
        overrides.releaseLease("daemon 1");
        assertThat(overrides.leaseHolder(T.plusSeconds(26), lease)).contains("workbench 2");
        overrides.releaseLease("workbench 2");
        assertThat(overrides.leaseHolder(T.plusSeconds(26), lease)).isEmpty();
    }
}
