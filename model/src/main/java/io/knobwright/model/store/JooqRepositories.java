package io.knobwright.model.store;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Map;

/**
 * The repositories bound to one jOOQ context: the store's own (each call its own transaction) or a
 * transaction's (every call in it). The only place that lists how each repository is built.
 */
final class JooqRepositories implements Repositories {

    private final JooqInstanceRepository instances;
    private final JooqSnapshotRepository snapshots;
    private final JooqTemplateRepository templates;
    private final JooqTemplateAssignmentRepository assignments;
    private final JooqPlanRepository plans;
    private final JooqServerCatalogRepository serverCatalogs;

    /** @param catalogCache the store's cache of stored server descriptions, shared by every transaction */
    JooqRepositories(DSLContext dsl, Clock clock, Map<Long, ParameterCatalog> catalogCache) {
        this.instances = new JooqInstanceRepository(dsl, clock);
        this.snapshots = new JooqSnapshotRepository(dsl);
        this.templates = new JooqTemplateRepository(dsl, clock);
        this.assignments = new JooqTemplateAssignmentRepository(dsl);
        this.plans = new JooqPlanRepository(dsl);
        this.serverCatalogs = new JooqServerCatalogRepository(dsl, catalogCache);
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
