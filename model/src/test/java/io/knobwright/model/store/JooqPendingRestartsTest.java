package io.knobwright.model.store;

import io.knobwright.model.apply.restart.PendingRestart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JooqPendingRestartsTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("restarts-" + System.nanoTime(), false);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aParameterWaitsOncePerInstanceWithTheNewestRunsValue() {
        store.pendingRestarts().put(new PendingRestart(2, "orders", "shared_buffers", "32768", now, 5, 9, ""));
        store.pendingRestarts().put(new PendingRestart(1, "billing", "back_log", "300", now, 4, 8, "write `back_log = 300`"));
        store.pendingRestarts().put(new PendingRestart(2, "orders", "shared_buffers", "65536", now.plusSeconds(60), 6, 10, ""));

        assertThat(store.pendingRestarts().all()).extracting(PendingRestart::instanceName, PendingRestart::parameter,
                PendingRestart::value, PendingRestart::planId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("billing", "back_log", "300", 4L),
                        org.assertj.core.groups.Tuple.tuple("orders", "shared_buffers", "65536", 6L));
        assertThat(store.pendingRestarts().ofInstance(1)).singleElement()
                .satisfies(p -> assertThat(p.note()).isEqualTo("write `back_log = 300`"));
        assertThat(store.pendingRestarts().ofInstance(2).getFirst().since()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void aClearedParameterNoLongerWaits() {
        store.pendingRestarts().put(new PendingRestart(2, "orders", "shared_buffers", "32768", now, 5, 9, ""));
        store.pendingRestarts().put(new PendingRestart(2, "orders", "max_connections", "300", now, 5, 9, ""));
        store.pendingRestarts().clear(2, "shared_buffers");
        assertThat(store.pendingRestarts().ofInstance(2)).extracting(PendingRestart::parameter).containsExactly("max_connections");
    }
}
