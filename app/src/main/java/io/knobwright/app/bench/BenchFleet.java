package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.demo.DemoSettings;
import io.knobwright.model.store.KnobwrightStore;

import java.util.List;

/**
 * The app as the benches run it: the real services of {@link AppContext} over a private in-memory store (the
 * user's data directory is never touched), the shipped catalogs and built-in templates, and a generated fleet
 * ({@link SampleFleet}, marked as demo like a new store's). With settings, every instance also has a full snapshot
 * of its catalog's parameters and follows the built-in template of its workload, about a quarter of whose values
 * it lacks ({@link DemoSettings}): what drift and plans work on. The connectors are the real ones; nothing connects.
 */
final class BenchFleet {

    /** Snapshots stored per transaction while seeding: large enough to be quick, small enough for H2's undo log. */
    private static final int SEED_CHUNK = 250;

    private BenchFleet() {
    }

    /** Closing the context drops the store. */
    static AppContext open(String purpose, int size, boolean withSettings) {
        return open(purpose, size, withSettings, (store, stored) -> { });
    }

    /** Like {@link #open(String, int, boolean)}, then {@code more} stores what a bench needs besides (workload series). */
    static AppContext open(String purpose, int size, boolean withSettings,
                           java.util.function.BiConsumer<KnobwrightStore, List<Instance>> more) {
        KnobwrightStore store = KnobwrightStore.inMemory("bench-" + purpose + "-" + System.nanoTime(), false);
        try {
            List<Instance> stored = store.instances().saveAll(
                    SampleFleet.generate(size, true, 42).stream().map(i -> i.withId(0)).toList());
            if (withSettings) {
                seedSettings(store, stored);
            }
            more.accept(store, stored);
            return new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), System::getenv);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static void seedSettings(KnobwrightStore store, List<Instance> instances) {
        DemoSettings settings = new DemoSettings(new CatalogRepository());
        for (int from = 0; from < instances.size(); from += SEED_CHUNK) {
            List<Instance> chunk = instances.subList(from, Math.min(instances.size(), from + SEED_CHUNK));
            store.inTransaction(tx -> chunk.forEach(instance -> settings.snapshot(instance).ifPresent(snapshot -> {
                tx.snapshots().save(snapshot);
                tx.templateAssignments().assign(settings.assignment(instance));
            })));
        }
    }
}
