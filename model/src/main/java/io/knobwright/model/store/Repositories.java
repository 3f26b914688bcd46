package io.knobwright.model.store;

import io.knobwright.model.approval.GovernanceRepository;
import io.knobwright.model.apply.journal.ApplyJournal;
import io.knobwright.model.apply.restart.PendingRestartRepository;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.hub.HubSyncRepository;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;

/**
 * Every repository of the store. Inside {@link UnitOfWork#inTransaction} they all write through one
 * transaction; anywhere else each call is a transaction of its own. A repository the store gains is added
 * here, in the one class that binds them to a connection (JooqRepositories), and as a delegate in EachCallAUnit.
 */
public interface Repositories {

    InstanceRepository instances();

    SnapshotRepository snapshots();

    TemplateRepository templates();

    TemplateAssignmentRepository templateAssignments();

    PlanRepository plans();

    /** What each server said about its own parameters. */
    ServerCatalogRepository serverCatalogs();

    /** Users, the policy, submissions, decisions, delegations and review items. */
    GovernanceRepository governance();

    /** The hash-chained audit trail; append inside the unit of work that makes the change it records. */
    AuditRepository audit();

    /** Webhook notifications waiting to be sent, being retried, or sent. */
    WebhookOutbox webhooks();

    /** The shared approval hub's link and the queue of requests that still have to reach it. */
    HubSyncRepository hub();

    /** What each apply did to a server, step by step, written before each step is done. */
    ApplyJournal applyJournal();

    /** Emergency overrides with their deadlines, and the restoration scheduler's lease. */
    io.knobwright.model.override.OverrideRepository overrides();

    /** Parameters applied plans set that wait for their server's restart. */
    PendingRestartRepository pendingRestarts();

    /** Query fingerprints from log imports, N+1 bursts and captured plans, per instance. */
    io.knobwright.model.workload.QueryRepository queries();

    /** What the collectors measured on each monitored instance: the series, statement digests and the last raw poll. */
    io.knobwright.model.workload.WorkloadSeriesRepository workloadSeries();

    /** Each instance's fingerprints per day, from imported logs and collected statements (trends, regressions). */
    io.knobwright.model.workload.QueryHistoryRepository queryHistory();

    /** Per-table and per-index statistics and sizes of each monitored instance (decision 0128). */
    io.knobwright.model.workload.RelationSeriesRepository relationSeries();

    /** Connection use over time per application, user and client (decision 0131). */
    io.knobwright.model.health.ConnectionUseRepository connectionUse();

    /** Size series imported for storage forecasts, per instance and series name. */
    io.knobwright.model.forecast.SizeSeriesRepository sizeSeries();

    /** Maintenance windows and what is remembered of each alert (first seen, notified, acknowledged). */
    io.knobwright.model.health.AlertStateRepository alertState();

    /** Backup verifications per instance, their problems and checksums, and the watched backup directories. */
    io.knobwright.model.backup.BackupRepository backups();

    /** Saved Prometheus mappings and how far each is imported (decision 0133). */
    io.knobwright.model.workload.PrometheusMappingRepository prometheusMappings();

    /** Connection events from imported logs, per second (decision 0131). */
    io.knobwright.model.health.ConnectionEventRepository connectionEvents();

    /** Measured experiments the what-if simulator calibrates on, append-only (decision 0137). */
    io.knobwright.model.simulation.ObservationRepository observations();

    /** What-if predictions attached to change plans (decision 0140). */
    io.knobwright.model.simulation.PlanSimulationRepository planSimulations();

    /** What applied plans were predicted to do and measurably did (decision 0152). */
    io.knobwright.model.simulation.ApplyOutcomeRepository applyOutcomes();
}
