package io.knobwright.model.store;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.approval.GovernanceRepository;
import io.knobwright.model.apply.journal.ApplyJournal;
import io.knobwright.model.apply.restart.PendingRestartRepository;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.hub.HubSyncRepository;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.override.OverrideRepository;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;
import io.knobwright.model.workload.WorkloadSeriesRepository;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Map;

/**
 * The repositories bound to one jOOQ context: a transaction's (every call in it) or, wrapped by
 * {@link #eachCallAUnit}, the store's own. The only place that lists how each repository is built.
 */
record JooqRepositories(InstanceRepository instances, SnapshotRepository snapshots, TemplateRepository templates,
                        TemplateAssignmentRepository templateAssignments, PlanRepository plans,
                        ServerCatalogRepository serverCatalogs, GovernanceRepository governance,
                        AuditRepository audit, WebhookOutbox webhooks, HubSyncRepository hub,
                        ApplyJournal applyJournal, OverrideRepository overrides,
                        PendingRestartRepository pendingRestarts,
                        io.knobwright.model.workload.QueryRepository queries,
                        WorkloadSeriesRepository workloadSeries,
                        io.knobwright.model.workload.QueryHistoryRepository queryHistory,
                        io.knobwright.model.workload.RelationSeriesRepository relationSeries,
                        io.knobwright.model.health.ConnectionUseRepository connectionUse,
                        io.knobwright.model.forecast.SizeSeriesRepository sizeSeries,
                        io.knobwright.model.health.AlertStateRepository alertState,
                        io.knobwright.model.backup.BackupRepository backups,
                        io.knobwright.model.workload.PrometheusMappingRepository prometheusMappings,
                        io.knobwright.model.health.ConnectionEventRepository connectionEvents,
                        io.knobwright.model.simulation.ObservationRepository observations,
                        io.knobwright.model.simulation.PlanSimulationRepository planSimulations,
                        io.knobwright.model.simulation.ApplyOutcomeRepository applyOutcomes) implements Repositories {

    /** @param catalogCache the store's cache of stored server descriptions, shared by every transaction */
    JooqRepositories(DSLContext dsl, Clock clock, Map<Long, ParameterCatalog> catalogCache) {
        this(new JooqInstanceRepository(dsl, clock), new JooqSnapshotRepository(dsl), new JooqTemplateRepository(dsl, clock),
                new JooqTemplateAssignmentRepository(dsl), new JooqPlanRepository(dsl),
                new JooqServerCatalogRepository(dsl, catalogCache), new JooqGovernanceRepository(dsl),
                new JooqAuditRepository(dsl), new JooqWebhookOutbox(dsl), new JooqHubSyncRepository(dsl),
                new JooqApplyJournal(dsl), new JooqOverrideRepository(dsl), new JooqPendingRestarts(dsl),
                new JooqQueryRepository(dsl), new JooqWorkloadSeries(dsl),
                new JooqQueryHistory(dsl),
                new JooqRelationSeries(dsl),
                new JooqConnectionUse(dsl),
                new JooqSizeSeries(dsl),
                new JooqAlertState(dsl),
                new JooqBackupRepository(dsl),
                new JooqPrometheusMappings(dsl),
                new JooqConnectionEvents(dsl),
                new JooqObservations(dsl),
                new JooqPlanSimulations(dsl),
                new JooqApplyOutcomes(dsl));
    }

    /**
     * The same repositories outside any transaction: each call is one unit of work, tried again by
     * {@link StoreContention} when another process's coming or going interrupted it before it committed.
     */
    JooqRepositories eachCallAUnit(StoreContention contention) {
        return new JooqRepositories(new EachCallAUnit.Instances(instances, contention),
                new EachCallAUnit.Snapshots(snapshots, contention), new EachCallAUnit.Templates(templates, contention),
                new EachCallAUnit.TemplateAssignments(templateAssignments, contention),
                new EachCallAUnit.Plans(plans, contention), new EachCallAUnit.ServerCatalogs(serverCatalogs, contention),
                new EachCallAUnit.Governance(governance, contention), new EachCallAUnit.Audit(audit, contention),
                new EachCallAUnit.Webhooks(webhooks, contention), new EachCallAUnit.Hub(hub, contention),
                new EachCallAUnit.ApplyJournals(applyJournal, contention),
                new EachCallAUnit.Overrides(overrides, contention), new EachCallAUnit.PendingRestarts(pendingRestarts, contention),
                new EachCallAUnit.Queries(queries, contention),
                new EachCallAUnit.WorkloadSeries(workloadSeries, contention),
                new EachCallAUnit.QueryHistory(queryHistory, contention),
                new EachCallAUnit.RelationSeries(relationSeries, contention),
                new EachCallAUnit.ConnectionUse(connectionUse, contention),
                new EachCallAUnit.SizeSeries(sizeSeries, contention),
                new EachCallAUnit.AlertStates(alertState, contention),
                new EachCallAUnit.Backups(backups, contention),
                new EachCallAUnit.PrometheusMappings(prometheusMappings, contention),
                new EachCallAUnit.ConnectionEvents(connectionEvents, contention),
                new EachCallAUnit.Observations(observations, contention),
                new EachCallAUnit.PlanSimulations(planSimulations, contention),
                new EachCallAUnit.ApplyOutcomes(applyOutcomes, contention));
    }
}
