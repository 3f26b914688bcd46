package io.knobwright.app.monitor;

import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.BlockingChains;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.connectors.ConnectorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorServiceTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("monitor-" + System.nanoTime(), false);
    private final Instant started = Instant.now().minusSeconds(3600);

    @AfterEach
    void close() {
        store.close();
    }

    private Instance instance(String name) {
        return store.instances().saveAll(List.of(new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null,
                null, null, null, false))).getFirst();
    }

    /** Servers whose commit counter is the number of times they were polled times 100; "down" ones hang then refuse. */
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    private CollectedWorkload poll(Instance instance) {
        if (instance.name().startsWith("down")) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ConnectorException("Connection refused by 10.0.0.9:5432: is the server running?");
        }
        int n = polls.computeIfAbsent(instance.name(), k -> new AtomicInteger()).incrementAndGet();
        return new CollectedWorkload(new CounterPoll(Instant.now(), new ServerEpoch(started, null),
                Map.of(Metric.COMMITS, 100.0 * n, Metric.CONNECTIONS, 3.0)), BlockingChains.NONE, List.of());
    }

    @Test
    void anUnreachableInstanceIsRecordedWithItsErrorAndDoesNotHoldUpTheOthers() throws Exception {
        Instance up = instance("up");
        Instance down = instance("down");
        try (MonitorService monitor = new MonitorService(store.workloadSeries(), this::poll, Clock.systemUTC(), 2)) {
            monitor.schedule(down, Duration.ofMillis(200), Duration.ZERO);
            monitor.schedule(up, Duration.ofMillis(200), Duration.ZERO);
            Thread.sleep(1500);
            PollStats stats = monitor.stats();

            assertThat(polls.get("up").get()).as("polled on its own schedule while 'down' hung").isGreaterThanOrEqualTo(5);
            assertThat(monitor.latest().get(down.id()).error()).isEqualTo("Connection refused by 10.0.0.9:5432: is the server running?");
            assertThat(monitor.latest().get(down.id()).errorKind()).isEqualTo(UserError.Kind.UNREACHABLE);
            assertThat(stats.failed()).as("tried again at later intervals").isGreaterThanOrEqualTo(2);
            assertThat(stats.skippedPolls()).as("a hanging poll is not doubled up").isPositive();
        }
        assertThat(store.workloadSeries().points(up.id(), Metric.COMMITS, Instant.EPOCH, Instant.now().plusSeconds(1)))
                .isNotEmpty().allSatisfy(p -> assertThat(p.value()).isPositive());
        assertThat(store.workloadSeries().baseline(down.id())).isEmpty();
    }

    @Test
    void pollNowStoresTheBaselineThenRates() {
        Instance up = instance("up");
        try (MonitorService monitor = new MonitorService(store.workloadSeries(), this::poll, Clock.systemUTC(), 1)) {
            PollOutcome first = monitor.pollNow(List.of(up)).getFirst();
            PollOutcome second = monitor.pollNow(List.of(up)).getFirst();

            assertThat(first.points().orElseThrow().points()).doesNotContainKey(Metric.COMMITS);
            assertThat(second.points().orElseThrow().points().get(Metric.COMMITS)).isPositive();
        }
    }
}
