package io.knobwright.model.fleet.demo;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.plan.TemplatePlanner;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.io.BuiltInTemplates;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSettingsTest {

    @Test
    void aNewStoreShowsDriftOnPartOfTheDemoFleetForEveryEngine() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("demo-settings-" + System.nanoTime())) {
            Map<Long, TemplateAssignment> assigned = store.templateAssignments().findAll();
            assertThat(assigned.size()).isBetween(60, 90);
            TemplateLibrary library = new TemplateLibrary(BuiltInTemplates.load(), store.templates());
            TemplatePlanner planner = new TemplatePlanner(library::latest, new CatalogRepository(), new CatalogValueEquivalence());
            int drifting = 0;
            java.util.Set<io.knobwright.model.engine.Engine> engines = new java.util.HashSet<>();
            for (TemplateAssignment a : assigned.values()) {
                Instance instance = store.instances().findById(a.instanceId()).orElseThrow();
                SettingsSnapshot snapshot = store.snapshots().latest(a.instanceId()).orElseThrow();
                assertThat(snapshot.settings()).isNotEmpty();
                int drift = planner.drift(library.require(a.reference()), instance, snapshot);
                if (drift > 0) {
                    drifting++;
                }
                engines.add(instance.engine());
            }
            assertThat(engines).hasSize(5);
            assertThat(drifting).isGreaterThan(assigned.size() / 2);
        }
    }

    @Test
    void demoSettingsAreTheSameInEveryNewStore() {
        try (KnobwrightStore a = KnobwrightStore.inMemory("demo-a-" + System.nanoTime());
             KnobwrightStore b = KnobwrightStore.inMemory("demo-b-" + System.nanoTime())) {
            Instance first = a.instances().findAll().stream().filter(i -> a.snapshots().latest(i.id()).isPresent()).findFirst().orElseThrow();
            Instance twin = b.instances().findByName(first.name()).orElseThrow();
            assertThat(b.snapshots().latest(twin.id()).orElseThrow().settings())
                    .isEqualTo(a.snapshots().latest(first.id()).orElseThrow().settings());
        }
    }
}
