package io.knobwright.model.store;

import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.forecast.SizeSeriesRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JooqSizeSeriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private final KnobwrightStore store = KnobwrightStore.inMemory("sizes-" + System.nanoTime(), false);
    private final SizeSeriesRepository sizes = store.sizeSeries();

    @AfterEach
    void close() {
        store.close();
    }

    private static SizePoint at(int day, long bytes) {
        return new SizePoint(T0.plusSeconds(86400L * day), bytes);
    }

    @Test
    void anImportReplacesOnlyTheRangeItCoversAndStaysPerSeries() {
        long id = store.instances().save(TestInstances.inventoryOnly("sizes-1")).id();
        sizes.replace(id, "total", SizeSeries.of(List.of(at(0, 10), at(1, 11), at(2, 12), at(3, 13))));

        int count = sizes.replace(id, "total", SizeSeries.of(List.of(at(1, 21), at(2, 22))));
        sizes.replace(id, "database:app", SizeSeries.of(List.of(at(0, 5))));

        assertThat(count).isEqualTo(4);
        assertThat(sizes.series(id, "total").points()).extracting(SizePoint::bytes).containsExactly(10L, 21L, 22L, 13L);
        assertThat(sizes.names(id)).containsExactly("database:app", "total");
        assertThat(sizes.series(id, "nothing").isEmpty()).isTrue();
    }

    @Test
    void removingTheInstanceRemovesItsSeries() {
        long id = store.instances().save(TestInstances.inventoryOnly("sizes-2")).id();
        sizes.replace(id, "total", SizeSeries.of(List.of(at(0, 10))));

        store.instances().delete(id);

        assertThat(sizes.names(id)).isEmpty();
    }
}
