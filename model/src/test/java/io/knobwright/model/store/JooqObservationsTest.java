package io.knobwright.model.store;

import io.knobwright.model.simulation.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Measured experiments in the store (schema 25): a round trip that keeps every field, append-only reads in order. */
class JooqObservationsTest {

    private static final Instant T = Instant.parse("2026-12-06T20:00:00.123456Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("observations-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private static Observation observation(String workload, long instanceId, String hardware, double tps) {
        return new Observation(0, T, "sandbox:calib", instanceId, workload, hardware,
                Map.of("work_mem", "64MB", "shared_buffers", "1GB"), 8,
                Map.of("pagesPerTx", 12.5, "tempBytesPerTx", 0.0), tps, 3.2, 9.8, 0.18, 3, 1234.5, 1000.0, 1500.0);
    }

    @Test
    void anObservationReadsBackEqualWithItsSettingsFeaturesAndPrediction() {
        Observation stored = store.observations().add(observation("tpcb", 7, "2cpu-24GiB-ssd", 1300));

        assertThat(stored.id()).isPositive();
        assertThat(store.observations().ofWorkload("tpcb")).containsExactly(stored);
        assertThat(store.observations().ofInstance(7)).containsExactly(stored);
    }

    @Test
    void aRunThatWasNotPredictedKeepsNaNAndHostileTextStaysText() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("search_path", "'\"; DROP TABLE observation; --");
        settings.put("application_name", "ünïcødé \u0000-free but 'quoted' \\ back\\slash");
        settings.put("x".repeat(300), "y".repeat(20_000));
        Map<String, Double> features = Map.of("nan feature", Double.NaN, "O'Brien", 1e-300);
        Observation unpredicted = new Observation(0, T, "sandbox:'; DELETE FROM observation; --", 0,
                "replay:pg-1:'or 1=1", "", settings, 1, features, 0, Double.NaN, Double.NaN, Double.NaN, 1,
                Double.NaN, Double.NaN, Double.NaN);

        Observation stored = store.observations().add(unpredicted);
        Observation back = store.observations().ofWorkload("replay:pg-1:'or 1=1").getFirst();

        assertThat(back.wasPredicted()).isFalse();
        assertThat(back.predictedLow()).isNaN();
        assertThat(back.p95Ms()).isNaN();
        assertThat(back.noise()).isNaN();
        assertThat(back.settings()).isEqualTo(settings);
        assertThat(back.features().get("nan feature")).isNaN();
        assertThat(back.features().get("O'Brien")).isEqualTo(1e-300);
        assertThat(back.target()).isEqualTo(stored.target());
        assertThat(back.id()).isEqualTo(stored.id());
        assertThat(store.observations().ofInstance(0)).hasSize(1);
    }

    @Test
    void aHardwareClassGivesItsNewestObservationsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            store.observations().add(observation("w" + i, i, "2cpu-24GiB-ssd", 100 + i));
        }
        store.observations().add(observation("other", 9, "64cpu-512GiB-nvme", 9000));

        List<Observation> newest = store.observations().ofHardwareClass("2cpu-24GiB-ssd", 3);

        assertThat(newest).extracting(Observation::tps).containsExactly(102.0, 103.0, 104.0);
        assertThat(store.observations().ofHardwareClass("2cpu-24GiB-ssd", 0)).isEmpty();
        assertThat(store.observations().ofHardwareClass(null, 10)).isEmpty();
        assertThat(store.observations().ofWorkload("none")).isEmpty();
    }

    @Test
    void anObservationWithoutSettingsOrFeaturesIsStoredToo() {
        Observation bare = new Observation(0, T, "pg-1", 3, "script:abc", "1cpu-1GiB-hdd", Map.of(), 2, Map.of(), 55,
                1, 2, 0, 1, 50, 40, 60);

        Observation stored = store.observations().add(bare);

        assertThat(store.observations().ofInstance(3)).containsExactly(stored);
        assertThat(stored.settings()).isEmpty();
    }

    @Test
    void anObservationWrittenInsideAUnitOfWorkIsThereAfterItCommits() {
        store.inTransaction(repositories -> repositories.observations().add(observation("tx", 4, "c", 10)));

        assertThat(store.observations().ofWorkload("tx")).hasSize(1);
    }
}
