package io.knobwright.model.store;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.ConnectionEventCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection events per second in the store (schema 24): batches, a second stored again adds up, forgetting. */
class JooqConnectionEventsTest {

    private static final Instant T = Instant.parse("2026-12-06T09:00:00Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("events-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private long instance() {
        return store.instances().save(new Instance(0, "pg-events", Engine.POSTGRESQL, "15", null, null, Map.of(),
                Tier.PRODUCTION, null, null, null, false)).id();
    }

    @Test
    void aDayOfStormSecondsIsStoredInBatchesAndReadBackInOrder() {
        long id = instance();
        List<ConnectionEventCount> counts = new ArrayList<>();
        for (int s = 0; s < 20_000; s++) { // more than several batches
            counts.add(new ConnectionEventCount(T.plusSeconds(s), ConnectionEvent.Kind.CONNECTED, "app", "shop", "cron", "10.0.0.7",
                    25, 0));
            counts.add(new ConnectionEventCount(T.plusSeconds(s), ConnectionEvent.Kind.DISCONNECTED, "app", "shop", "cron",
                    "10.0.0.7", 25, 0.1));
        }
        long t0 = System.nanoTime();
        store.connectionEvents().store(id, counts);
        System.out.println("40,000 per-second counts stored in " + (System.nanoTime() - t0) / 1_000_000 + " ms");

        List<ConnectionEventCount> back = store.connectionEvents().counts(id, T, T.plusSeconds(20_000));
        assertThat(back).hasSize(40_000);
        assertThat(back.getFirst()).isEqualTo(counts.getFirst());
        assertThat(back.get(1).sessionSecondsTotal()).isEqualTo(0.1);
        assertThat(store.connectionEvents().counts(id, T.plusSeconds(10), T.plusSeconds(12))).hasSize(4);
    }

    @Test
    void aSecondStoredAgainAddsUpAndForgettingTheInstanceDropsThem() {
        long id = instance();
        var once = new ConnectionEventCount(T, ConnectionEvent.Kind.RECEIVED, "", "", "", "10.0.0.9", 3, 0);
        store.connectionEvents().store(id, List.of(once));
        var later = new ConnectionEventCount(T.plusSeconds(1), ConnectionEvent.Kind.RECEIVED, "", "", "", "10.0.0.9", 2, 0);
        store.connectionEvents().store(id, List.of(once, later)); // the next log starts in the same second
        assertThat(store.connectionEvents().counts(id, T, T.plusSeconds(2))).extracting(ConnectionEventCount::events)
                .containsExactly(6, 2);

        store.workloadSeries().forget(id);
        assertThat(store.connectionEvents().counts(id, T, T.plusSeconds(1))).isEmpty();
    }
}
