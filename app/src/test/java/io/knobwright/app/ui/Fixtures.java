package io.knobwright.app.ui;

import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.UiTimer;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.task.TaskRunner;

import java.util.List;
import java.util.Map;

/** A small fleet whose counts can be checked by eye, and synchronous background work. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Work runs at once and delayed actions run without waiting: for tests that are not about timing. */
    public static BackgroundWork inline() {
        return new BackgroundWork(TaskRunner.inline(), Runnable::run, (action, details) -> { }, noWait());
    }

    /**
     * Governance over {@code store} for windows and view-models whose tests are not about it: with no users
     * registered it is a single-user store, where {@code user} may do everything but approve their own plans.
     */
    public static io.knobwright.app.ui.workbench.WorkbenchGovernance governance(io.knobwright.model.store.KnobwrightStore store,
                                                                              String user) {
        java.time.Clock clock = java.time.Clock.systemUTC();
        return new io.knobwright.app.ui.workbench.WorkbenchGovernance(
                new io.knobwright.app.governance.GovernanceService(store, clock, io.knobwright.app.governance.GovernanceEvents.NONE),
                new io.knobwright.app.governance.PolicyService(store, clock),
                new io.knobwright.app.governance.AuditService(store.audit()), user);
    }

    /** An empty in-memory store of its own (no demo fleet), for the governance of tests that use fake fleets. */
    public static io.knobwright.model.store.KnobwrightStore emptyStore(String purpose) {
        return io.knobwright.model.store.KnobwrightStore.inMemory(purpose + "-" + java.util.UUID.randomUUID(), false);
    }

    /** Delayed actions run at once. */
    public static UiTimer noWait() {
        return (delay, action) -> {
            action.run();
            return javafx.util.Subscription.EMPTY;
        };
    }

    public static Instance instance(long id, String name, Engine engine, String version, Tier tier,
                                    Criticality criticality, WorkloadKind workload, Map<String, String> tags) {
        return new Instance(id, name, engine, version, version + ".2", null, tags, tier, criticality, workload,
                new HardwareFacts(8, 64L << 30, DiskType.NVME, 500L << 30), false);
    }

    /**
     * Eight instances:
     * <pre>
     * 1 orders-pg-prod-01     PostgreSQL 16 production critical OLTP  team=orders   region=eu
     * 2 orders-pg-stg-01      PostgreSQL 16 staging    medium   OLTP  team=orders   region=eu
     * 3 payments-pg-prod-01   PostgreSQL 15 production high     OLTP  team=payments region=us
     * 4 payments-my-prod-01   MySQL 8.0     production critical web   team=payments region=us
     * 5 reports-maria-dev-01  MariaDB 10.11 development low     OLAP  team=analytics
     * 6 ledger-mssql-prod-01  SQL Server 2022 production high   mixed team=payments region=eu
     * 7 crm-ora-test-01       Oracle 19c    test       medium   OLTP  team=crm      region=us
     * 8 search-pg-dev-01      PostgreSQL 17 development low     web   (no tags)
     * </pre>
     */
    public static List<Instance> smallFleet() {
        return List.of(
                instance(1, "orders-pg-prod-01", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Criticality.CRITICAL,
                        WorkloadKind.OLTP, Map.of("team", "orders", "region", "eu")),
                instance(2, "orders-pg-stg-01", Engine.POSTGRESQL, "16", Tier.STAGING, Criticality.MEDIUM,
                        WorkloadKind.OLTP, Map.of("team", "orders", "region", "eu")),
                instance(3, "payments-pg-prod-01", Engine.POSTGRESQL, "15", Tier.PRODUCTION, Criticality.HIGH,
                        WorkloadKind.OLTP, Map.of("team", "payments", "region", "us")),
                instance(4, "payments-my-prod-01", Engine.MYSQL, "8.0", Tier.PRODUCTION, Criticality.CRITICAL,
                        WorkloadKind.WEB, Map.of("team", "payments", "region", "us")),
                instance(5, "reports-maria-dev-01", Engine.MARIADB, "10.11", Tier.DEVELOPMENT, Criticality.LOW,
                        WorkloadKind.OLAP, Map.of("team", "analytics")),
                instance(6, "ledger-mssql-prod-01", Engine.SQLSERVER, "2022", Tier.PRODUCTION, Criticality.HIGH,
                        WorkloadKind.MIXED, Map.of("team", "payments", "region", "eu")),
                instance(7, "crm-ora-test-01", Engine.ORACLE, "19c", Tier.TEST, Criticality.MEDIUM,
                        WorkloadKind.OLTP, Map.of("team", "crm", "region", "us")),
                instance(8, "search-pg-dev-01", Engine.POSTGRESQL, "17", Tier.DEVELOPMENT, Criticality.LOW,
                        WorkloadKind.WEB, Map.of()));
    }

    public static Instance connected(Instance i, String url, CredentialRef credential) {
        return new Instance(i.id(), i.name(), i.engine(), i.version(), i.fullVersion(),
                new ConnectionSpec(url, "dba", credential), i.tags(), i.tier(), i.criticality(), i.workload(),
                i.hardware(), i.demo());
    }

    public static Instance demo(Instance i) {
        return new Instance(i.id(), i.name(), i.engine(), i.version(), i.fullVersion(), i.connection(), i.tags(),
                i.tier(), i.criticality(), i.workload(), i.hardware(), true);
    }
}
