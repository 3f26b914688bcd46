package io.knobwright.app.ui;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.List;
import java.util.UUID;

/** The app wired on a private in-memory store seeded with the demo fleet, as UI and view-model tests use it. */
public final class DemoWorkbench {

    private DemoWorkbench() {
    }

    /** A fresh store of its own; closing the context closes the store. */
    public static AppContext context(String purpose) {
        KnobwrightStore store = KnobwrightStore.inMemory(purpose + "-" + UUID.randomUUID(), true);
        return new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), k -> null);
    }

    /** The demo's PostgreSQL 16 instances that have a settings snapshot, in fleet order. */
    public static List<Instance> postgres16WithSettings(AppContext context) {
        return context.fleet().list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && i.version().equals("16")
                        && context.fleet().latestSnapshot(i.id()).isPresent())
                .toList();
    }

    /**
     * Opens the workbench on {@code context} in a 1000 x 1000 window (the headless screen's size; snapshots
     * render at desktop size), with background work run inline.
     */
    public static Workbench start(Stage stage, AppContext context) {
        Workbench workbench = new Workbench(context.fleet(), context.templates(), context.plans(),
                CatalogLookup.of(context.catalogService()), WorkbenchGovernance.of(context), TaskRunner.inline(),
                Platform::runLater);
        stage.setWidth(1000);
        stage.setHeight(1000);
        workbench.start(stage);
        return workbench;
    }
}
