package io.knobwright.app.health;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeriesRepository;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The disk-full figure is reused for an hour, and so is finding out that an instance has none. */
class DiskFullDaysTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("disk-full-days-" + UUID.randomUUID(), false);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anInstanceWithoutSizeHistoryIsLookedUpOnceAnHourNotAtEveryRead() {
        AtomicInteger reads = new AtomicInteger();
        SizeSeriesRepository counted = (SizeSeriesRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SizeSeriesRepository.class}, (proxy, method, args) -> {
                    reads.incrementAndGet();
                    try {
                        return method.invoke(store.sizeSeries(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DiskFullDays days = new DiskFullDays(new StorageForecastService(counted, store.workloadSeries(),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        Instance noHistory = new Instance(4, "pg-new", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                new HardwareFacts(8, 32L << 30, DiskType.SSD, 1024L << 30), false);

        assertThat(days.of(noHistory, NOW)).isEmpty();
        assertThat(days.of(noHistory, NOW.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(reads).hasValue(1);

        assertThat(days.of(noHistory, NOW.plus(Duration.ofMinutes(61)))).isEmpty();
        assertThat(reads).hasValue(2);
    }
}
