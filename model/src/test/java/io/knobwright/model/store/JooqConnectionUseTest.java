package io.knobwright.model.store;

import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionKey;
import io.knobwright.model.health.ConnectionLimits;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.workload.SeriesRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JooqConnectionUseTest {

    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("connection-use-" + System.nanoTime(), false);

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private static ConnectionSnapshot poll(Instant at, int billing, int reports) {
        return new ConnectionSnapshot(at, new ConnectionLimits(100, 3, 0, List.of()), billing + reports, 1,
                List.of(new ConnectionGroup("billing", "app", "10.0.0.5", "shop", "idle", billing - 1),
                        new ConnectionGroup("billing", "app", "10.0.0.5", "shop", "active", 1),
                        new ConnectionGroup("reports", "bi", "10.0.0.9", "shop", "idle", reports)),
                List.of(), Map.of(), List.of());
    }

    @Test
    void eachPollIsStoredPerApplicationUserAndClientWithItsLimits() {
        store.connectionUse().record(7, poll(T, 10, 3));
        store.connectionUse().record(7, poll(T.plusSeconds(60), 12, 0));

        List<ConnectionUse> use = store.connectionUse().use(7, T, T.plusSeconds(3600));

        assertThat(use).hasSize(2);
        assertThat(use.get(0).sessions()).containsEntry(new ConnectionKey("billing", "app", "10.0.0.5"), 10.0)
                .containsEntry(new ConnectionKey("reports", "bi", "10.0.0.9"), 3.0);
        assertThat(use.get(0).maxConnections()).isEqualTo(100);
        assertThat(use.get(0).usable()).isEqualTo(97);
        assertThat(use.get(1).byApplication()).containsEntry("billing", 12.0).containsEntry("reports", 0.0);
        assertThat(store.connectionUse().use(8, T, T.plusSeconds(3600))).isEmpty();
    }

    @Test
    void oldPollsAreAveragedIntoFiveMinutePointsByTheSeriesMaintenance() {
        for (int i = 0; i < 5; i++) {
            store.connectionUse().record(7, poll(T.plusSeconds(60L * i), 10 + i, i % 2 == 0 ? 4 : 0));
        }
        Instant now = T.plus(Duration.ofDays(8));

        store.workloadSeries().maintain(SeriesRetention.DEFAULT, now);

        List<ConnectionUse> use = store.connectionUse().use(7, T.minusSeconds(1), now);
        assertThat(use).singleElement().satisfies(p -> {
            assertThat(p.at()).isEqualTo(T);
            assertThat(p.byApplication()).containsEntry("billing", 12.0).containsEntry("reports", 12 / 5.0);
            assertThat(p.maxConnections()).isEqualTo(100);
        });
    }

    @Test
    void forgettingTheInstanceDropsItsConnectionUse() {
        store.connectionUse().record(7, poll(T, 10, 3));

        store.workloadSeries().forget(7);

        assertThat(store.connectionUse().use(7, T.minusSeconds(1), T.plusSeconds(1))).isEmpty();
    }

    @Test
    void theNewestPointOfEveryInstanceIsReadAtOnceForTheFleetTable() {
        store.connectionUse().record(7, poll(T, 10, 3));
        store.connectionUse().record(7, poll(T.plusSeconds(60), 40, 50));
        store.connectionUse().record(8, poll(T.plusSeconds(30), 5, 0));
        store.connectionUse().record(9, poll(T.minusSeconds(7200), 5, 0));

        Map<Long, ConnectionUse> newest = store.connectionUse().newest(T.minusSeconds(3600));

        assertThat(newest).containsOnlyKeys(7L, 8L);
        assertThat(newest.get(7L).at()).isEqualTo(T.plusSeconds(60));
        assertThat(newest.get(7L).total()).isEqualTo(90);
        assertThat(newest.get(7L).maxConnections()).isEqualTo(100);
        assertThat(newest.get(8L).byApplication()).containsEntry("billing", 5.0);
        assertThat(store.connectionUse().newest(T.plusSeconds(3600))).isEmpty();
    }
}
