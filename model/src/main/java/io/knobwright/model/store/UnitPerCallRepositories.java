package io.knobwright.model.store;

import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;

/**
 * The store's own repositories, outside any transaction: each call is one unit of work, tried again by
 * {@link StoreContention} when another process's coming or going interrupted it before it committed.
 */
final class UnitPerCallRepositories implements Repositories {

    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final TemplateRepository templates;
    private final TemplateAssignmentRepository assignments;
    private final PlanRepository plans;
    private final ServerCatalogRepository serverCatalogs;

    UnitPerCallRepositories(Repositories store, StoreContention contention) {
        this.instances = contention.eachCallAUnit(InstanceRepository.class, store.instances());
        this.snapshots = contention.eachCallAUnit(SnapshotRepository.class, store.snapshots());
        this.templates = contention.eachCallAUnit(TemplateRepository.class, store.templates());
        this.assignments = contention.eachCallAUnit(TemplateAssignmentRepository.class, store.templateAssignments());
        this.plans = contention.eachCallAUnit(PlanRepository.class, store.plans());
        this.serverCatalogs = contention.eachCallAUnit(ServerCatalogRepository.class, store.serverCatalogs());
    }

    @Override
    public InstanceRepository instances() {
        return instances;
    }

    @Override
    public SnapshotRepository snapshots() {
        return snapshots;
    }

    @Override
    public TemplateRepository templates() {
        return templates;
    }

    @Override
    public TemplateAssignmentRepository templateAssignments() {
        return assignments;
    }

    @Override
    public PlanRepository plans() {
        return plans;
    }

    @Override
    public ServerCatalogRepository serverCatalogs() {
        return serverCatalogs;
    }
}
