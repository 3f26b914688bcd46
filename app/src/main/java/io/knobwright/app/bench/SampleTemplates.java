package io.knobwright.app.bench;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.template.TemplateImporter;
import io.knobwright.app.template.TemplateService;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.EffectiveCatalogs;
import io.knobwright.model.config.FileSource;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.io.BuiltInTemplates;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link TemplateService} (built-in templates, shipped catalogs) whose own templates, assignments and
 * plans live in a private in-memory store, for the bench and UI tests that run on an in-memory fleet.
 */
public final class SampleTemplates {

    private static final AtomicInteger STORES = new AtomicInteger();

    private SampleTemplates() {
    }

    /** The store lives as long as the JVM: benches and tests are short-lived. */
    public static TemplateService over(FleetService fleet, Clock clock) {
        KnobwrightStore store = KnobwrightStore.inMemory("sample-templates-" + STORES.incrementAndGet(), false);
        CatalogRepository catalogs = new CatalogRepository();
        return new TemplateService(new TemplateLibrary(BuiltInTemplates.load(), store.templates()),
                store.templateAssignments(), store.plans(), new EffectiveCatalogs(catalogs, store.serverCatalogs()),
                store.serverCatalogs(), fleet,
                new TemplateImporter(catalogs, FileSource.disk()), clock, "bench");
    }
}
