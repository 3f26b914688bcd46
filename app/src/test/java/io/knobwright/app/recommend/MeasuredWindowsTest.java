package io.knobwright.app.recommend;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionKey;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.ConnectionUseRepository;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.recommend.DayWindow;
import io.knobwright.simulator.recommend.DayWindows;
import io.knobwright.simulator.recommend.WorkloadWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The measured day splits into its time windows, each attributed to its role and built from its own hours. */
class MeasuredWindowsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final double MB = 1024.0 * 1024;

    private final KnobwrightStore store = KnobwrightStore.inMemory("windows-" + UUID.randomUUID(), true);
    private final AppContext context = new AppContext(store, () -> { }, new CatalogRepository(),
            new ConnectorRegistry(List.of()), name -> null);

    @AfterEach
    void close() {
        context.close();
        store.close();
    }

    static boolean night(int hour) {
        return hour >= 1 && hour < 7;
    }

    /** 14 days every 5 minutes: OLTP by day (400 tps, 100 connections), a spilling batch 01-07 (5 tps, 4 connections). */
    static InMemoryMetricHistory dayAndNight(long id, boolean batchAtNight, Instant now) {
        return dayAndNight(id, batchAtNight, now, ZoneOffset.UTC);
    }

    /** The same, with the night counted in {@code zone}. */
    static InMemoryMetricHistory dayAndNight(long id, boolean batchAtNight, Instant now, java.time.ZoneId zone) {
        Map<Metric, IntToDoubleFunction> level = new EnumMap<>(Metric.class);
        level.put(Metric.COMMITS, h -> batchAtNight && night(h) ? 5 : 400);
        level.put(Metric.CONNECTIONS, h -> batchAtNight && night(h) ? 4 : 100);
        level.put(Metric.ACTIVE_SESSIONS, h -> batchAtNight && night(h) ? 4 : 20);
        level.put(Metric.READ_STATEMENTS, h -> batchAtNight && night(h) ? 10 : 2000);
        level.put(Metric.WRITE_STATEMENTS, h -> batchAtNight && night(h) ? 1 : 500);
        level.put(Metric.TEMP_BYTES, h -> batchAtNight && night(h) ? 5 * 200 * MB : 0);
        level.put(Metric.BLOCKS_HIT, h -> batchAtNight && night(h) ? 50_000 : 20_000);
        level.put(Metric.BLOCKS_READ, h -> batchAtNight && night(h) ? 5_000 : 200);
        level.put(Metric.WAL_BYTES, h -> batchAtNight && night(h) ? 1e5 : 4e6);
        level.put(Metric.DATABASE_BYTES, h -> 20e9);
        InMemoryMetricHistory history = new InMemoryMetricHistory();
        level.forEach((metric, f) -> {
            List<MetricPoint> points = new ArrayList<>();
            for (Instant t = now.minus(Duration.ofDays(14)); t.isBefore(now); t = t.plus(Duration.ofMinutes(5))) {
                points.add(new MetricPoint(t, f.applyAsDouble(t.atZone(zone).getHour())));
            }
            history.add(id, metric, points);
        });
        return history;
    }

    /** Hourly connection use: the batch role at night, the application's role by day. */
    private static ConnectionUseRepository roles() {
        List<ConnectionUse> use = new ArrayList<>();
        for (Instant t = NOW.minus(Duration.ofDays(14)); t.isBefore(NOW); t = t.plus(Duration.ofHours(1))) {
            boolean n = night(t.atZone(ZoneOffset.UTC).getHour());
            use.add(new ConnectionUse(t, 200, 197, n ? 4 : 20, n
                    ? Map.of(new ConnectionKey("etl", "batch", "10.0.0.9"), 4.0)
                    : Map.of(new ConnectionKey("shop", "app", "10.0.0.5"), 95.0,
                            new ConnectionKey("psql", "dba", "10.0.0.1"), 5.0)));
        }
        return new ConnectionUseRepository() {
            @Override
            public void record(long instanceId, ConnectionSnapshot snapshot) {
                throw new UnsupportedOperationException("read only in this test");
            }

            @Override
            public List<ConnectionUse> use(long instanceId, Instant from, Instant to) {
                return use.stream().filter(u -> !u.at().isBefore(from) && u.at().isBefore(to)).toList();
            }

            @Override
            public void forget(long instanceId) {
            }

            @Override
            public Map<Long, ConnectionUse> newest(Instant since) {
                return Map.of();
            }
        };
    }

    private Instance postgres() {
        return context.fleet().list().stream().filter(i -> i.engine() == Engine.POSTGRESQL).findFirst().orElseThrow();
    }

    @Test
    void aDayOfOltpAndANightlyBatchSplitIntoTwoWindowsEachWithItsRoleAndItsOwnWorkload() {
        Instance instance = postgres();
        MeasuredWindows measured = new MeasuredWindows(dayAndNight(instance.id(), true, NOW), roles(), i -> List.of(),
                CLOCK, ZoneOffset.UTC);
        List<String> notes = new ArrayList<>();

        List<DayWindow> split = DayWindows.split(measured.hours(instance.id(), NOW.minus(Duration.ofDays(14)), NOW));
        List<WorkloadWindow> windows = measured.windows(instance, new Machine(4, 16L << 30, DeviceProfile.SSD),
                Optional.empty(), notes);

        assertThat(split).extracting(DayWindow::label).containsExactly("01-07", "07-01");
        assertThat(split.getFirst().dominantRole(0.8)).isEqualTo("batch");
        assertThat(split.getLast().dominantRole(0.8)).isEqualTo("app");
        assertThat(split.getFirst().tempBytesPerTx()).isEqualTo(200 * MB);
        assertThat(windows).extracting(WorkloadWindow::label).containsExactly("01-07", "07-01");
        assertThat(windows.getFirst().shape().clients()).isEqualTo(4);
        assertThat(windows.getLast().shape().clients()).isEqualTo(100);
        assertThat(windows.getFirst().shape().classes()).anyMatch(c -> c.sortInputBytes() > 0);
        assertThat(windows.getLast().shape().classes()).allMatch(c -> c.sortInputBytes() == 0);
        assertThat(notes).anyMatch(n -> n.startsWith("time windows of the day: 01-07: 4 clients"));
    }

    @Test
    void aDayAlikeThroughoutIsNotSplitAndTheNotesSaySo() {
        Instance instance = postgres();
        MeasuredWindows measured = new MeasuredWindows(dayAndNight(instance.id(), false, NOW), roles(), i -> List.of(),
                CLOCK, ZoneOffset.UTC);
        List<String> notes = new ArrayList<>();

        List<WorkloadWindow> windows = measured.windows(instance, new Machine(4, 16L << 30, DeviceProfile.SSD),
                Optional.empty(), notes);

        assertThat(windows).isEmpty();
        assertThat(notes).anyMatch(n -> n.contains("not split into time windows"));
    }
}
