package io.knobwright.app.testing;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.plan.PlanService;
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
 * A real {@link TemplateService} and {@link PlanService} (built-in templates, shipped catalogs) whose own templates,
 * assignments and plans live in a private in-memory store, for UI tests that run on an in-memory fleet.
 */
public record SampleTemplates(TemplateService templates, PlanService plans) {

    private static final AtomicInteger STORES = new AtomicInteger();

    /** The store lives as long as the JVM: tests are short-lived. Plans are signed "bench". */
    public static SampleTemplates over(FleetService fleet, Clock clock) {
        KnobwrightStore store = KnobwrightStore.inMemory("sample-templates-" + STORES.incrementAndGet(), false);
        CatalogRepository catalogs = new CatalogRepository();
        TemplateLibrary library = new TemplateLibrary(BuiltInTemplates.load(), store.templates());
        EffectiveCatalogs effective = new EffectiveCatalogs(catalogs, store.serverCatalogs());
        return new SampleTemplates(new TemplateService(library, store.templateAssignments(), effective,
                store.serverCatalogs(), fleet, new TemplateImporter(catalogs, effective, FileSource.disk()), clock, "bench"),
                new PlanService(library, store, effective, fleet, clock, "bench"));
    }
}
