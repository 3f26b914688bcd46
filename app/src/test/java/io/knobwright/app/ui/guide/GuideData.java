package io.knobwright.app.ui.guide;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.app.ui.HealthDemo;
import io.knobwright.app.ui.workload.WorkloadDesk;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.app.workload.QueryTrends;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionLimits;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.IdleTransaction;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.QueryRegressions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the guide's pictures show, stored on the governed demo store as the subsystems store it (HealthDemo adds the
 * backups, the size history and the maintenance window):
 * <pre>
 * tuned      the demo PostgreSQL 16 instance allowed the most connections: follows payments-oltp (a child of
 *            postgresql-oltp), two weeks of collected series (the what-if's baseline), a draft plan from alice
 * overridden two demo PostgreSQL instances given a connection: live emergency overrides (one stacked, one whose
 *            restoration keeps failing), a plan being applied, one needing attention, their audit records
 * maria-booking-prod-01  a week of good nightly dumps before its damaged newest one
 * busy       maria-nextcloud-prod-01, given a connection nothing answers: a day of connection polls rising to 88 of
 *            the 97 usable, an idle transaction
 * </pre>
 * The Workload screen reads a generated workload (DemoWorkload) for {@code tuned}, at a fixed time, through a desk of
 * its own: the store holds no imported logs. The Health screen's connection section takes {@code busy}'s newest stored
 * poll where the workbench would poll the server ({@link #healthDesk}); everything else it reads is the store's.
 */
public final class GuideData {

    /** The Workload screen's clock: its pictures do not change from one run to the next. */
    static final Instant WORKLOAD_NOW = Instant.parse("2026-12-04T15:00:00Z");

    private final List<Instance> fleet;
    public final Instance tuned;
    public final Instance overridden;
    public final Instance failing;
    public final ChangePlan tunedPlan;
    public final EmergencyOverride firstOverride;
    /** busy's newest connection poll, two minutes old. */
    private final ConnectionSnapshot busyPoll;

    private GuideData(List<Instance> fleet, Instance tuned, Instance overridden, Instance failing, ChangePlan tunedPlan,
                      EmergencyOverride firstOverride, ConnectionSnapshot busyPoll) {
        this.busyPoll = busyPoll;
        this.fleet = fleet;
        this.tuned = tuned;
        this.overridden = overridden;
        this.failing = failing;
        this.tunedPlan = tunedPlan;
        this.firstOverride = firstOverride;
    }

    static GuideData seed(GovernedDemo demo, Instant now) {
        KnobwrightStore store = demo.store();
        AppContext alice = demo.as("alice");
        List<Instance> postgres = alice.fleet().list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && i.version().equals("16"))
                .filter(i -> store.snapshots().latest(i.id()).isPresent())
                .sorted(Comparator.comparingInt((Instance i) -> maxConnections(store, i)).reversed()
                        .thenComparing(Instance::name))
                .toList();
        Instance tuned = postgres.getFirst();
        alice.templates().save(new Template("payments-oltp", Engine.POSTGRESQL, List.of("15", "16", "17"),
                "postgresql-oltp", List.of(TemplateEntry.literal("work_mem", "32MB", "Payment batches sort large result sets"),
                TemplateEntry.literal("idle_in_transaction_session_timeout", "60s",
                        "A forgotten transaction must not hold locks on the ledger")), false,
                "OLTP for the payments services: bigger sorts, no idle transactions"), "first cut");
        alice.templates().assign(Long.toString(tuned.id()), "payments-oltp");
        collected(store, tuned, now);
        ChangePlan plan = alice.plans().createPlans("payments-oltp", List.of(tuned.id()), false, n -> { }).plans().getFirst();

        Instance overridden = store.instances().save(withConnection(postgres.get(1)));
        Instance failing = store.instances().save(withConnection(postgres.get(2)));
        EmergencyOverride first = overrides(store, overridden, failing, now);
        Instance busy = alice.fleet().list().stream().filter(i -> i.name().equals(HealthDemo.BUSY_CONNECTIONS))
                .findFirst().orElseThrow();
        // Connection health needs a connection; nothing listens on this port, so live sampling says it cannot connect.
        goodBackupsBefore(store, alice.fleet().list().stream().filter(i -> i.name().equals(HealthDemo.FAILED_BACKUP))
                .findFirst().orElseThrow(), now);
        ConnectionSnapshot newest = connectionPolls(store, store.instances().save(new Instance(busy.id(), busy.name(), busy.engine(), busy.version(),
                busy.fullVersion(), new ConnectionSpec("jdbc:mariadb://127.0.0.1:3399/nextcloud", "kw", CredentialRef.NONE),
                busy.tags(), busy.tier(), busy.criticality(), busy.workload(), busy.hardware(), busy.demo())), now);
        return new GuideData(alice.fleet().list(), tuned, overridden, failing, plan, first, newest);
    }

    Instance named(String name) {
        return fleet.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No instance " + name + " in the guide's demo fleet"));
    }

    private static int maxConnections(KnobwrightStore store, Instance instance) {
        return store.snapshots().latest(instance.id()).flatMap(s -> s.find("max_connections"))
                .map(s -> Integer.parseInt(s.value())).orElse(100);
    }

    /** Two weeks of the demo workload's series, hourly, as `monitor collect` would have stored them. */
    static void collected(KnobwrightStore store, Instance instance, Instant now) {
        InMemoryMetricHistory demo = new DemoWorkload(now, 4, ZoneOffset.UTC, 42).history(instance.id());
        Instant to = now.plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(15));
        for (Metric metric : Metric.values()) {
            var all = demo.points(instance.id(), metric, from, to);
            var points = IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
            if (!points.isEmpty()) {
                store.workloadSeries().importPoints(instance.id(), metric, points);
            }
        }
    }

    private static Instance withConnection(Instance i) {
        return new Instance(i.id(), i.name(), i.engine(), i.version(), i.fullVersion(),
                new ConnectionSpec("jdbc:postgresql://" + i.name() + ".db.example:5432/postgres", "kw", CredentialRef.NONE),
                i.tags(), i.tier(), i.criticality(), i.workload(), i.hardware(), i.demo());
    }

    /** Live overrides, plans after an apply and their audit records, as the CLI would have left them. */
    private static EmergencyOverride overrides(KnobwrightStore store, Instance payments, Instance orders, Instant now) {
        var repo = store.overrides();
        EmergencyOverride first = active(store, repo.insert(EmergencyOverride.pending("g1", payments.id(), payments.name(),
                "work_mem", "256MB", "4MB", false, 0, "dave", "INC-2211 sorts spilling to disk", now.minusSeconds(600),
                now.plusSeconds(12 * 60 + 4), 0)), now);
        EmergencyOverride stacked = active(store, repo.insert(EmergencyOverride.pending("g2", payments.id(), payments.name(),
                "work_mem", "512MB", "256MB", true, first.id(), "erin", "INC-2211 the month-end report needs more",
                now.minusSeconds(120), now.plusSeconds(45 * 60), 0)), now);
        EmergencyOverride failing = active(store, repo.insert(EmergencyOverride.pending("g3", orders.id(), orders.name(),
                "statement_timeout", "5s", "30s", false, 0, "dave", "INC-2209 runaway queries", now.minusSeconds(3600),
                now.minusSeconds(180), 0)), now);
        repo.failedAttempt(failing.id(), 3, now.plusSeconds(35), "connection refused: " + orders.name()
                + ":5432 (is the server up?)");
        plan(store, payments, PlanState.APPLYING, now);
        plan(store, orders, PlanState.NEEDS_ATTENTION, now);
        store.inTransaction(repos -> {
            repos.audit().append(new AuditEntry("dave", "override.applied", "override:" + first.id(), "4MB", "256MB",
                    "INC-2211 sorts spilling to disk"), now);
            repos.audit().append(new AuditEntry("erin", "override.applied", "override:" + stacked.id(), "256MB", "512MB",
                    "INC-2211 the month-end report needs more"), now);
            repos.audit().append(new AuditEntry("knobwright", "override.restore-failed", "override:" + failing.id(), "5s", "5s",
                    "attempt 3: connection refused; next attempt at " + now.plusSeconds(35)), now);
        });
        return first;
    }

    private static void plan(KnobwrightStore store, Instance instance, PlanState state, Instant now) {
        store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "postgresql-oltp", 1, now.minusSeconds(300),
                "alice", state, ChangePlan.NO_BASELINE, List.of(new PlannedChange("random_page_cost", "4", "1.1", null,
                ApplyMode.RELOAD, "SSD storage", ""))));
    }

    private static EmergencyOverride active(KnobwrightStore store, EmergencyOverride o, Instant now) {
        store.overrides().transition(o.id(), OverrideState.PENDING, OverrideState.ACTIVE, now);
        return store.overrides().find(o.id()).orElseThrow();
    }

    /** A week of nightly good dumps before HealthDemo's damaged one: the timeline, the schedule and the RPO have a past. */
    private static void goodBackupsBefore(KnobwrightStore store, Instance instance, Instant now) {
        for (int day = 7; day >= 1; day--) {
            Instant taken = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(2));
            store.backups().record(instance.id(), io.knobwright.model.backup.BackupVerification.of(
                    "/backups/booking-01/night-" + day + ".sql", io.knobwright.model.backup.BackupKind.MARIADB_DUMP, taken,
                    7_340_032L - day * 40_000L, Duration.ofMinutes(4), taken.plus(Duration.ofMinutes(10)), List.of(), Map.of(),
                    List.of()));
        }
    }

    /** A day of polls every hour: the web application's pool creeps up to 88 of the 97 usable connections. */
    private static ConnectionSnapshot connectionPolls(KnobwrightStore store, Instance busy, Instant now) {
        ConnectionSnapshot newest = null;
        for (int hour = 24; hour >= 0; hour--) {
            int web = 34 + (24 - hour) * 2 - (hour % 3);
            int cron = 6 + (hour % 4 == 0 && hour > 0 ? 6 : 0);
            List<IdleTransaction> idle = hour <= 2 ? List.of(new IdleTransaction("4711", "nextcloud", "nc", "10.2.0.14",
                    "nextcloud", 1800 + (2 - hour) * 3600, 1790 + (2 - hour) * 3600,
                    "UPDATE oc_filecache SET mtime = $1 WHERE fileid = $2")) : List.of();
            newest = new ConnectionSnapshot(now.minus(Duration.ofHours(hour)).minusSeconds(120),
                    new ConnectionLimits(100, 3, 0, List.of()), web + cron, 6,
                    List.of(new ConnectionGroup("nextcloud", "nc", "10.2.0.14", "nextcloud", "idle", web - 6),
                            new ConnectionGroup("nextcloud", "nc", "10.2.0.14", "nextcloud", "active", 6),
                            new ConnectionGroup("cron", "nc", "10.2.0.15", "nextcloud", "idle", cron)),
                    idle, Map.of(), List.of());
            store.connectionUse().record(busy.id(), newest);
        }
        return newest;
    }

    /**
     * The workbench's Health desk, except that an instance's connections come from its newest stored poll instead of
     * a poll of the server now (there is no server behind the demo fleet).
     */
    io.knobwright.app.ui.health.HealthDesk healthDesk(AppContext context, KnobwrightStore store) {
        var real = io.knobwright.app.ui.health.HealthDesk.of(context);
        return new io.knobwright.app.ui.health.HealthDesk(instance -> {
            Instant now = Instant.now();
            var history = store.connectionUse().use(instance.id(), now.minus(Duration.ofDays(2)), now.plusMillis(1));
            if (history.isEmpty()) {
                throw io.knobwright.model.UserError.input("No connection poll of " + instance.name() + " in the guide's demo.");
            }
            var report = io.knobwright.model.health.ConnectionReport.of(busyPoll, history, List.of(),
                    instance.hardware().cpus() > 0 ? java.util.OptionalInt.of(instance.hardware().cpus())
                            : java.util.OptionalInt.empty(),
                    io.knobwright.model.health.ConnectionReport.DEFAULT_LEAK_AGE, now);
            return new io.knobwright.app.ui.health.HealthDesk.Connections(report, history);
        }, real.storage(), real.indexAdvice(), real.alerts(), real.acknowledge(), real.backups(), real.fleet(),
                real.sessions());
    }

    /** The Workload screen's data: the demo workload for {@code tuned}, nothing for the rest, at a fixed time. */
    WorkloadDesk workloadDesk(AppContext context) {
        DemoWorkload demo = new DemoWorkload(WORKLOAD_NOW, 4, ZoneOffset.UTC, 42);
        QueryTrends trends = QueryTrends.of(QueryRegressions.judge(demo.days(14), QueryRegressions.Settings.DEFAULT),
                demo.texts());
        WorkloadService service = new WorkloadService(demo.history(tuned.id()),
                i -> i.id() == tuned.id() ? demo.queries(48) : List.of(), i -> List.of(), i -> List.of(),
                i -> i.id() == tuned.id() ? trends : QueryTrends.NONE, Clock.fixed(WORKLOAD_NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        return new WorkloadDesk(i -> service.report(i, WorkloadService.DEFAULT_WINDOW, 25),
                io.knobwright.app.workload.LogImportTasks.NONE, context.workload()::latestClasses);
    }
}
