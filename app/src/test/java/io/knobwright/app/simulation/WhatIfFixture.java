package io.knobwright.app.simulation;

import io.knobwright.app.AppContext;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A store with an instance as the what-if service finds it after `fleet add`, `fleet edit` and two weeks of
 * `monitor collect`: hardware facts, a settings snapshot and the collected series (the demo workload's).
 */
public final class WhatIfFixture implements AutoCloseable {

    public final KnobwrightStore store = KnobwrightStore.inMemory("whatif-" + UUID.randomUUID(), false);
    public final AppContext context = new AppContext(store, () -> { }, new CatalogRepository(),
            new ConnectorRegistry(List.of()), name -> null);

    public Instance instance(String name, HardwareFacts hardware) {
        return store.instances().save(new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null,
                null, hardware, false));
    }

    public static HardwareFacts fourCpus16Gb() {
        return new HardwareFacts(4, 16L << 30, DiskType.SSD, 500L << 30);
    }

    public void snapshot(Instance instance, Map<String, String[]> settings) {
        List<LiveSetting> live = settings.entrySet().stream()
                .map(e -> new LiveSetting(e.getKey(), e.getValue()[0], e.getValue()[1], "configuration file", false))
                .toList();
        store.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), "16.4", live));
    }

    /** Two weeks of the demo workload's series, ending now, as `monitor collect` would have stored them. */
    public void collected(Instance instance) {
        InMemoryMetricHistory demo = new DemoWorkload(Instant.now(), 4, ZoneOffset.UTC, 42).history(instance.id());
        Instant to = Instant.now().plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(15));
        for (Metric metric : Metric.values()) {
            // hourly, not every 5 minutes: the profile's figures are means, and the store takes a twelfth of the time
            var all = demo.points(instance.id(), metric, from, to);
            var points = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
            if (!points.isEmpty()) {
                store.workloadSeries().importPoints(instance.id(), metric, points);
            }
        }
    }

    public Observation observed(Instance instance, String workloadKey, Map<String, String> settings, double tps,
                                double predicted) {
        return store.observations().add(new Observation(0, Instant.now(), instance.name(), instance.id(), workloadKey,
                "4cpu-16GiB-ssd", settings, 50, Map.of(), tps, 2, 8, 0.05, 3, predicted, predicted / 1.2,
                predicted * 1.2));
    }

    public DefaultWhatIfService service(InstanceModels models) {
        return new DefaultWhatIfService(context.fleet(), context.workload(), context.catalogService(), store.observations(),
                models);
    }

    @Override
    public void close() {
        context.close();
        store.close();
    }
}
