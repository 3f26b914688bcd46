package io.knobwright.app;

import io.knobwright.app.catalog.CatalogService;
import io.knobwright.app.apply.ApplyService;
import io.knobwright.app.override.OverrideService;
import io.knobwright.app.apply.PendingRestarts;
import io.knobwright.app.daemon.GovernanceDaemon;
import io.knobwright.connectors.apply.ApplySessions;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.app.fleet.DefaultFleetService;
import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.governance.AuditService;
import io.knobwright.app.governance.GovernanceEvents;
import io.knobwright.app.governance.GovernanceNotifications;
import io.knobwright.app.hub.HubQueue;
import io.knobwright.app.hub.HubService;
import io.knobwright.app.hub.HubSyncLoop;
import io.knobwright.connectors.hub.HubClient;
import io.knobwright.app.task.Lazy;
import io.knobwright.app.cli.VersionProvider;
import io.knobwright.connectors.notify.WebhookDispatcher;
import io.knobwright.connectors.notify.WebhookSender;
import io.knobwright.model.notify.Backoff;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PolicyService;
import io.knobwright.app.plan.PlanService;
import io.knobwright.app.task.ExecutorTaskRunner;
import io.knobwright.app.template.TemplateImporter;
import io.knobwright.app.template.TemplateService;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.EffectiveCatalogs;
import io.knobwright.model.config.FileSource;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.io.BuiltInTemplates;
import io.knobwright.model.fleet.inventory.InventoryImport;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The composition root: the one place that creates the long-lived objects and hands them to each other
 * through constructors. The CLI opens one per command, the workbench one per window; closing it stops
 * background work first and closes the store last, so no task writes into a closed store.
 */
public final class AppContext implements AutoCloseable {

    /** Polls running at once: collecting is waiting on servers, and a thousand instances a minute need a few. */
    private static final int MONITOR_THREADS = 8;

    private final AutoCloseable store;
    private final CatalogRepository catalogs;
    private final ConnectorRegistry connectors;
    private final ExecutorTaskRunner tasks;
    private final FleetService fleet;
    private final TemplateService templates;
    private final CatalogService catalogService;
    private final PlanService plans;
    private final GovernanceService governance;
    private final GovernanceNotifications notifications;
    private final Lazy<WebhookSender> webhookSender;
    private final Lazy<io.knobwright.app.monitor.MonitorService> monitor;
    private final HubService hub;
    private final ApplyService apply;
    private final OverrideService overrides;
    private final io.knobwright.model.override.OverrideRepository overrideRepository;
    private final Function<String, String> environment;
    private final Clock clock;
    private HubSyncLoop hubLoop;
    private GovernanceDaemon daemon;
    private io.knobwright.app.override.RestorationScheduler restorations;
    private final java.util.List<Runnable> governanceListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Runnable> restorationListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final PolicyService policy;
    private final AuditService audit;
    private final io.knobwright.app.workload.LogImportService logImports;
    private final io.knobwright.app.workload.WorkloadService workload;
    private final io.knobwright.app.workload.QueryHistoryService queryHistory;
    private final io.knobwright.app.workload.PlanCaptures planCaptures;
    private final io.knobwright.app.health.IndexAdviceService indexAdvice;
    private final String localUser;
    private final io.knobwright.app.health.StorageForecastService storageForecasts;
    private final io.knobwright.app.health.AlertService alerts;
    private final Lazy<io.knobwright.app.backup.BackupService> backups;
    private final Lazy<io.knobwright.app.simulation.ExperimentService> experiments;
    private final Lazy<io.knobwright.app.simulation.DefaultWhatIfService> whatIf;
    /** The store's first-run welcome flag (decision 0145): whether it is due, and dismissing it. */
    private final java.util.function.BooleanSupplier welcomeDue;
    private final Runnable dismissWelcome;
    private final Lazy<io.knobwright.app.recommend.RecommendationService> recommendations;
    /** One per store: the what-if and the recommendations share its pooled fits per hardware class (a cache). */
    private final Lazy<io.knobwright.app.simulation.CalibratedInstanceModels> instanceModels;
    private final Lazy<io.knobwright.app.recommend.LearnedRecommenders> learnedRecommenders;
    private final Lazy<io.knobwright.app.recommend.OutcomeService> outcomes;

    /**
     * @param store        the repositories, their unit of work, and the vault
     * @param closer       closes the store (tests that share one store pass a no-op)
     * @param environment  reads environment variables (System::getenv outside tests)
     */
    public AppContext(KnobwrightStore store, AutoCloseable closer, CatalogRepository catalogs, ConnectorRegistry connectors,
                      Function<String, String> environment) {
        this(store, closer, catalogs, connectors, environment, null);
    }

    /** @param actingAs who acts (the CLI's --as); null: $KNOBWRIGHT_USER, else the operating-system user */
    public AppContext(KnobwrightStore store, AutoCloseable closer, CatalogRepository catalogs, ConnectorRegistry connectors,
                      Function<String, String> environment, String actingAs) {
        this.store = Objects.requireNonNull(closer, "closer");
        this.welcomeDue = store::welcomeDue;
        this.dismissWelcome = store::dismissWelcome;
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.tasks = new ExecutorTaskRunner();
        Clock clock = Clock.systemUTC();
        this.fleet = new DefaultFleetService(store, store.vault(), connectors, new InventoryImport(store.instances()),
                environment, clock);
        EffectiveCatalogs effective = new EffectiveCatalogs(catalogs, store.serverCatalogs());
        this.catalogService = new CatalogService(effective, fleet);
        io.knobwright.model.diag.StartupTrace.mark("fleet and catalog services");
        TemplateLibrary library = new TemplateLibrary(BuiltInTemplates::load, store.templates());
        io.knobwright.model.diag.StartupTrace.mark("built-in templates");
        String author = actingAs != null && !actingAs.isBlank() ? actingAs.strip() : author(environment);
        this.localUser = author;
        this.templates = new TemplateService(library, store.templateAssignments(), effective, store.serverCatalogs(), fleet,
                new TemplateImporter(catalogs, effective, FileSource.disk()), clock, author);
        this.plans = new PlanService(library, store, effective, fleet, clock, author);
        this.webhookSender = new Lazy<>(() -> new WebhookSender(VersionProvider.version(), environment));
        this.relationSeries = store.relationSeries();
        this.monitor = new Lazy<>(() -> new io.knobwright.app.monitor.MonitorService(store.workloadSeries(),
                relationSeries, store.connectionUse(), io.knobwright.app.monitor.InstancePoller.connecting(store.vault(),
                        io.knobwright.connectors.WorkloadCollectors.defaults(clock)), clock, MONITOR_THREADS));
        this.notifications = new GovernanceNotifications(clock, new Lazy<>(() -> new WebhookDispatcher(store.webhooks(),
                webhookSender.get(), Backoff.DEFAULT)));
        this.governance = new GovernanceService(store, clock, GovernanceEvents.all(notifications, new HubQueue(clock)));
        this.hub = new HubService(store, store.vault(), clock, governance, HubClient::connect);
        java.util.function.Function<Long, java.util.Optional<io.knobwright.model.catalog.ParameterCatalog>> catalogOf =
                id -> java.util.Optional.ofNullable(plans.catalogsOf(java.util.List.of(id)).get(id));
        ApplyService.Sessions sessions = (instance, target, catalog) -> ApplySessions.open(instance.engine(), target,
                ConnectorTimeouts.DEFAULT, catalog);
        this.apply = new ApplyService(store, store.vault(), governance, catalogOf, sessions, clock);
        this.overrideRepository = store.overrides();
        this.overrides = new OverrideService(store, store.vault(), governance, catalogOf, sessions, clock);
        this.environment = environment;
        this.clock = clock;
        this.policy = new PolicyService(store, clock);
        this.audit = new AuditService(store.audit());
        this.logImports = new io.knobwright.app.workload.LogImportService(store, clock, java.time.ZoneId.systemDefault());
        this.planCaptures = new io.knobwright.app.workload.PlanCaptures(store, store.vault(), clock);
        this.queryHistory = new io.knobwright.app.workload.QueryHistoryService(store, clock, java.time.ZoneId.systemDefault());
        this.workload = new io.knobwright.app.workload.WorkloadService(store.workloadSeries(),
                io.knobwright.app.workload.ImportedQueries.of(store),
                instance -> planCaptures.changes(instance.id(), io.knobwright.app.workload.WorkloadService.DEFAULT_WINDOW),
                io.knobwright.app.workload.ImportedQueries.bursts(store),
                instance -> queryHistory.trends(instance), clock, java.time.ZoneId.systemDefault());
        this.storageForecasts = new io.knobwright.app.health.StorageForecastService(store.sizeSeries(),
                store.workloadSeries(), clock);
        this.indexAdvice = new io.knobwright.app.health.IndexAdviceService(store, clock);
        this.metricsSeries = store.workloadSeries();
        this.prometheusMappings = store.prometheusMappings();
        this.connectionEvents = store.connectionEvents();
        this.planSimulations = store.planSimulations();
        this.sessionWatches = new io.knobwright.app.health.SessionWatches(store, clock);
        this.diskFullDays = new io.knobwright.app.health.DiskFullDays(storageForecasts);
        this.backups = new Lazy<>(() -> new io.knobwright.app.backup.BackupService(store.backups(),
                new io.knobwright.connectors.backup.BackupVerifier(), clock));
        this.experiments = new Lazy<>(() -> new io.knobwright.app.simulation.DefaultExperimentService(fleet,
                new io.knobwright.app.simulation.ExperimentTargets(store.vault(), store.queries()), store.observations(),
                clock, (instanceId, request, settings) -> predictBeforeRun(instanceId, request, settings)));
        this.alerts = new io.knobwright.app.health.AlertService(fleet::list, store.alertState(),
                new io.knobwright.app.health.AlertNotifications(store), clock)
                .register("series", new io.knobwright.model.health.SeriesAlertSource(store.workloadSeries(),
                        io.knobwright.model.health.SeriesAlertSource.DEFAULTS))
                .register("restarts", io.knobwright.model.health.RestartAndOverrideAlerts.pendingRestarts(
                        () -> apply.restarts().pending()))
                .register("overrides", io.knobwright.model.health.RestartAndOverrideAlerts.overrides(
                        () -> overrides.recent(500), java.time.Duration.ofMinutes(30)))
                .register("storage", new io.knobwright.app.health.DiskFullAlerts(diskFullDays))
                .register("growth", new io.knobwright.app.health.AbnormalGrowthAlerts(diskFullDays))
                .register("backups", (instances, at) -> new io.knobwright.app.backup.BackupAlerts(backups.get())
                        .alerts(instances, at))
                .register("regressions", new io.knobwright.app.recommend.RegressionAlerts(store));
        this.instanceModels = new Lazy<>(() -> io.knobwright.app.simulation.CalibratedInstanceModels.builtIn(
                store.observations()));
        this.whatIf = new Lazy<>(() -> new io.knobwright.app.simulation.DefaultWhatIfService(fleet, workload,
                catalogService, store.observations(), instanceModels.get())
                .withPlanner(new io.knobwright.app.simulation.PlannerJudgement(store.vault(), store.queries())));
        this.learnedRecommenders = new Lazy<>(() -> new io.knobwright.app.recommend.LearnedRecommenders(
                store.observations(), instanceModels.get()));
        this.recommendations = new Lazy<>(() -> new io.knobwright.app.recommend.DefaultRecommendationService(fleet,
                workload, catalogService, policy, learnedRecommenders.get())
                .withWindows(new io.knobwright.app.recommend.MeasuredWindows(store.workloadSeries(), store.connectionUse(),
                        io.knobwright.app.workload.ImportedQueries.of(store), clock, java.time.ZoneId.systemDefault()))
                .withPlanner(new io.knobwright.app.recommend.PlannerProbing(new io.knobwright.app.simulation
                        .PlannerJudgement(store.vault(), store.queries()), store.queries())));
        this.outcomes = new Lazy<>(() -> new io.knobwright.app.recommend.OutcomeService(store, fleet, workload,
                learnedRecommenders.get(), plans, clock));
        apply.afterApplied(run -> outcomes.get().recordApplied(run));
        this.fleetHealth = new io.knobwright.app.health.FleetHealthSummary(alerts::evaluate, diskFullDays, store.backups(),
                store.connectionUse(), clock);
    }

    /**
     * Who saves templates, makes plans and acts in governance: $KNOBWRIGHT_USER (a user registered in the store
     * under another name than the login), else the operating-system user, as a change board would want it named.
     */
    private static String author(Function<String, String> environment) {
        String chosen = environment.apply("KNOBWRIGHT_USER");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.strip();
        }
        String user = environment.apply("USER");
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }

    /** Opens (creating and migrating when new) the store in {@code dataDir} and wires everything to it. */
    public static AppContext open(Path dataDir) {
        return open(dataDir, null);
    }

    /** @param actingAs who acts (the CLI's --as); null: $KNOBWRIGHT_USER, else the operating-system user */
    public static AppContext open(Path dataDir, String actingAs) {
        return wire(KnobwrightStore.open(dataDir), actingAs);
    }

    /**
     * Wires everything to a store already open (the CLI opens it while it parses the command line: 0118); the context
     * owns the store from here and closes it, also when the wiring fails.
     */
    public static AppContext wire(KnobwrightStore store, String actingAs) {
        io.knobwright.model.diag.StartupTrace.mark("store open");
        try {
            CatalogRepository catalogs = new CatalogRepository();
            io.knobwright.model.diag.StartupTrace.mark("catalog repository");
            ConnectorRegistry connectors = Connectors.defaultRegistry();
            io.knobwright.model.diag.StartupTrace.mark("connectors");
            return new AppContext(store, store, catalogs, connectors, System::getenv, actingAs);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** True while this store's first-run welcome waits to be shown (a new store whose user has not closed it). */
    public boolean welcomeDue() {
        return welcomeDue.getAsBoolean();
    }

    /** The user closed the welcome: it no longer opens by itself. */
    public void dismissWelcome() {
        dismissWelcome.run();
    }

    public FleetService fleet() {
        return fleet;
    }

    /** Polls instances' workload now or on a schedule, into the store's series (made on first use). */
    public io.knobwright.app.monitor.MonitorService monitor() {
        return monitor.get();
    }

    public TemplateService templates() {
        return templates;
    }

    /** Catalogs per instance: the server's own description once read, else the shipped catalog. */
    public CatalogService catalogService() {
        return catalogService;
    }

    public PlanService plans() {
        return plans;
    }

    /** Plans' governed life: submit, decide, break the glass, expire, the check before apply. */
    public GovernanceService governance() {
        return governance;
    }

    /** Users, delegations, locks and approval rules. */
    public PolicyService policy() {
        return policy;
    }

    /** Applying approved plans to servers, all or nothing, and finishing runs a killed process left behind. */
    public OverrideService overrides() {
        return overrides;
    }

    public ApplyService apply() {
        return apply;
    }

    /** Server logs into query fingerprints, and the top queries they give. */
    public io.knobwright.app.workload.LogImportService logImports() {
        return logImports;
    }

    /** Parameters applied plans set that wait for their server's restart, and the check that clears them. */
    public PendingRestarts pendingRestarts() {
        return apply.restarts();
    }

    /** The shared approval hub: link, status, one sync. */
    public HubService hub() {
        return hub;
    }

    /** Environment variables as this context reads them (hub and instance passwords). */
    public Function<String, String> environment() {
        return environment;
    }

    /**
     * Starts syncing with the hub for as long as this context is open (the workbench); does nothing useful until the
     * store is linked, then wakes on the hub's notifications. Started once.
     */
    public synchronized HubSyncLoop startHubSync(Runnable onChange) {
        if (hubLoop == null) {
            hubLoop = new HubSyncLoop(hub, HubClient::connect, environment, clock, onChange);
        }
        return hubLoop;
    }

    /**
     * Starts governance's background work for a workbench: expiry and escalation, webhook delivery, and syncing with
     * the hub when the store is linked. Started once; stopped when this context closes.
     */
    public synchronized GovernanceDaemon startGovernanceDaemon() {
        if (daemon == null) {
            daemon = new GovernanceDaemon(governance, notifications);
            daemon.onChange(() -> governanceListeners.forEach(Runnable::run));
            startHubSync(daemon::changed);
        }
        return daemon;
    }

    /**
     * Starts restoring overrides at their deadlines for this store (the workbench, or `knobwright daemon` with
     * {@code exclusive}). Started once; stopped when this context closes.
     *
     * @return the scheduler; with {@code exclusive}, empty when another scheduler already holds the store's lease
     */
    public synchronized java.util.Optional<io.knobwright.app.override.RestorationScheduler> startRestorations(String role,
                                                                                                              boolean exclusive) {
        if (restorations == null) {
            var scheduler = new io.knobwright.app.override.RestorationScheduler(overrides, overrideRepository, clock, role);
            scheduler.onRestorations(done -> restorationListeners.forEach(Runnable::run));
            if (exclusive) {
                if (scheduler.startExclusive().isPresent()) {
                    scheduler.close();
                    return java.util.Optional.empty();
                }
            } else {
                scheduler.start();
            }
            restorations = scheduler;
        }
        return java.util.Optional.of(restorations);
    }

    /** Hears of governance changes the daemon sees (expiries, decisions pulled from the hub), off the FX thread. */
    public void onGovernanceChange(Runnable listener) {
        governanceListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Hears when this context's restoration scheduler restored (or failed to restore) overrides, off the FX thread;
     * changes made by other processes are seen by polling the store.
     */
    public void onRestorations(Runnable listener) {
        restorationListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Webhooks: what governance queued, sent when due. */
    public GovernanceNotifications notifications() {
        return notifications;
    }

    /** Plans of the top queries, captured now or on the daemon's schedule, and their changes. */
    public io.knobwright.app.workload.PlanCaptures planCaptures() {
        return planCaptures;
    }

    public io.knobwright.app.workload.WorkloadService workload() {
        return workload;
    }

    /** Storage growth forecasts and imported size series (decision 0129). */
    public io.knobwright.app.health.StorageForecastService storageForecasts() {
        return storageForecasts;
    }

    public AuditService audit() {
        return audit;
    }

    /** Who acts here: --as, else $KNOBWRIGHT_USER, else the operating-system user. */
    public String localUser() {
        return localUser;
    }

    public CatalogRepository catalogs() {
        return catalogs;
    }

    public ConnectorRegistry connectors() {
        return connectors;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** Per-table and per-index statistics and sizes of the monitored instances (decision 0128). */
    private final io.knobwright.model.workload.RelationSeriesRepository relationSeries;

    public io.knobwright.model.workload.RelationSeriesRepository relationSeries() {
        return relationSeries;
    }

    /** Index advice for PostgreSQL instances: candidates evaluated off the server, and index hygiene (0132). */
    public io.knobwright.app.health.IndexAdviceService indexAdvice() {
        return indexAdvice;
    }

    /** Backup verification, stored per instance with its RPO compliance and missed schedules. */
    public io.knobwright.app.backup.BackupService backups() {
        return backups.get();
    }

    /** Workloads measured under given settings on a sandbox or a non-production instance (decision 0139). */
    /** The what-if model's throughput for an experiment's configuration, asked before it runs (the accuracy it earns). */
    private java.util.Optional<io.knobwright.simulator.model.Estimate> predictBeforeRun(long instanceId,
            io.knobwright.app.simulation.ExperimentService.Request request, java.util.Map<String, String> settings) {
        io.knobwright.app.simulation.WhatIfService.WorkloadChoice choice = request.script() == null
                ? new io.knobwright.app.simulation.WhatIfService.WorkloadChoice(
                        io.knobwright.app.simulation.WhatIfService.WorkloadChoice.Kind.REPLAY, null, request.clients())
                : new io.knobwright.app.simulation.WhatIfService.WorkloadChoice(
                        io.knobwright.app.simulation.WhatIfService.WorkloadChoice.Kind.SCRIPT, request.script(),
                        request.clients());
        java.util.List<io.knobwright.simulator.model.Prediction> predictions = whatIf().simulate(instanceId, choice, java.util.List.of(
                new io.knobwright.app.simulation.WhatIfService.ScenarioRequest("experiment", settings, request.clients())));
        return java.util.Optional.of(predictions.getLast().throughput());
    }

    public io.knobwright.app.simulation.ExperimentService experiments() {
        return experiments.get();
    }

    /** What-if simulation of an instance: baseline, scenarios, sweeps, held-out accuracy (decision 0141). */
    public io.knobwright.app.simulation.DefaultWhatIfService whatIf() {
        return whatIf.get();
    }

    /** Which settings to change on an instance, why, and what it will do (issue #14). */
    public io.knobwright.app.recommend.RecommendationService recommendations() {
        return recommendations.get();
    }

    /** What applied plans were predicted to do and measurably did; regressions and their revert plans (0152). */
    public io.knobwright.app.recommend.OutcomeService outcomes() {
        return outcomes.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (restorations != null) {
                restorations.close();
            }
            if (daemon != null) {
                daemon.close();
            }
            if (hubLoop != null) {
                hubLoop.close();
            }
        }
        tasks.close();
        monitor.ifMade(io.knobwright.app.monitor.MonitorService::close);
        webhookSender.ifMade(WebhookSender::close);
        try {
            store.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the local store cleanly: " + e.getMessage(), e);
        }
    }

    /** Each instance's fingerprints per day: collector roll-ups, retention, trends and regressions (decision 0127). */
    public io.knobwright.app.workload.QueryHistoryService queryHistory() {
        return queryHistory;
    }

    /** Connection health of instances (decision 0131): a live poll through the monitor, its stored history, the analysis. */
    public io.knobwright.app.health.ConnectionHealthService health() {
        return new io.knobwright.app.health.ConnectionHealthService(monitor(), java.time.Clock.systemUTC(), connectionEvents);
    }

    // ---- Prometheus export (decision 0133) ----
    private final io.knobwright.model.workload.WorkloadSeriesRepository metricsSeries;
    private final io.knobwright.model.workload.PrometheusMappingRepository prometheusMappings;
    /** Connection events of imported logs per second (decision 0131). */
    private final io.knobwright.model.health.ConnectionEventRepository connectionEvents;
    private final io.knobwright.app.health.SessionWatches sessionWatches;

    /** Watches of instances' sessions, once a second, for the Health screen (decision 0131). */
    public io.knobwright.app.health.SessionWatches sessionWatches() {
        return sessionWatches;
    }
    /** Days until each instance's disk is full, reused for an hour: the /metrics page and the alerts read it. */
    private final io.knobwright.app.health.DiskFullDays diskFullDays;

    /** The figures the /metrics page shows, one source each; more sources go into StoreMetricsSources.of. */
    public java.util.List<io.knobwright.app.metrics.MetricsSource> metricsSources() {
        java.util.List<io.knobwright.app.metrics.MetricsSource> sources = new java.util.ArrayList<>(
                io.knobwright.app.metrics.StoreMetricsSources.of(fleet, plans, pendingRestarts(), overrides, metricsSeries));
        sources.add(io.knobwright.app.metrics.StoreMetricsSources.diskFull(fleet, diskFullDays));
        return java.util.List.copyOf(sources);
    }

    /** Serves /metrics on {@code bind}:{@code port} (0: ephemeral) until the endpoint is closed. */
    public io.knobwright.app.metrics.MetricsEndpoint startMetricsEndpoint(String bind, int port) throws java.io.IOException {
        return io.knobwright.app.metrics.MetricsEndpoint.start(bind, port, new io.knobwright.app.metrics.MetricsExporter(
                metricsSources(), VersionProvider.version(), io.knobwright.app.metrics.MetricsExporter.DEFAULT_BUDGET, clock));
    }

    /** Imports PromQL series into instances' series; {@code timeout} bounds each request to Prometheus. */
    public io.knobwright.app.prometheus.PrometheusImport prometheusImport(java.time.Duration timeout) {
        return new io.knobwright.app.prometheus.PrometheusImport(new io.knobwright.app.prometheus.PrometheusClient(timeout),
                metricsSeries);
    }

    /** Saved Prometheus mappings and their re-import (decision 0133); {@code timeout} bounds each request. */
    public io.knobwright.app.prometheus.PrometheusSync prometheusSync(java.time.Duration timeout) {
        return new io.knobwright.app.prometheus.PrometheusSync(prometheusMappings, fleet::find,
                prometheusImport(timeout), environment, clock);
    }

    /** Syncs every saved Prometheus mapping every {@code interval} from now on, until closed (daemon and workbench). */
    public io.knobwright.app.prometheus.PrometheusSyncSchedule startPrometheusSync(java.time.Duration interval,
            java.util.function.Consumer<java.util.List<io.knobwright.app.prometheus.PrometheusSync.Outcome>> report) {
        return new io.knobwright.app.prometheus.PrometheusSyncSchedule(prometheusSync(java.time.Duration.ofSeconds(30)),
                interval, clock, report).start();
    }

    /** The fleet's alerts and maintenance windows; subsystems add their sources with AlertService.register. */
    public io.knobwright.app.health.AlertService alerts() {
        return alerts;
    }

    // ---- Fleet health columns (decision 0135) ----
    private final io.knobwright.app.health.FleetHealthSummary fleetHealth;

    /** Each instance's alerts, disk-full days, last good backup and connection use, for the whole fleet in one call. */
    public io.knobwright.app.health.FleetHealthSummary fleetHealth() {
        return fleetHealth;
    }

    // ---- what-if (decision 0140) ----
    /** Predictions attached to change plans: the what-if screen attaches, the plan's risk, review and PDF read them. */
    private final io.knobwright.model.simulation.PlanSimulationRepository planSimulations;

    public io.knobwright.model.simulation.PlanSimulationRepository planSimulations() {
        return planSimulations;
    }
}
