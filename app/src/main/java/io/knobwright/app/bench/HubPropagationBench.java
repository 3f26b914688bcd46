package io.knobwright.app.bench;

import io.knobwright.app.governance.GovernanceEvents;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.hub.HubQueue;
import io.knobwright.app.hub.HubService;
import io.knobwright.app.hub.HubSyncLoop;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.hub.HubClient;
import io.knobwright.connectors.hub.HubSchema;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.KnobwrightStore;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How long a decision taken on one workbench takes to appear in another workbench's store through the hub: bob's
 * workbench approves and pushes; alice's workbench, listening with its sync loop, pulls and records it. Run against
 * a real PostgreSQL whose superuser may create a scratch database and two logins (dropped afterwards).
 */
public final class HubPropagationBench {

    static final long TARGET_MS = 1000;

    public record Result(int decisions, double medianMs, double p95Ms, double maxMs) {
        public boolean meetsTarget() {
            return maxMs < TARGET_MS;
        }
    }

    private HubPropagationBench() {
    }

    public static Result run(String serverUrl, String superuser, int decisions, PrintStream out) throws Exception {
        String database = "knobwright_bench_" + Long.toHexString(System.nanoTime());
        String base = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1);
        String hubUrl = base + database;
        sql(serverUrl, superuser, "CREATE DATABASE " + database);
        try {
            for (String login : List.of("kw_bench_alice", "kw_bench_bob", "kw_bench_admin")) {
                sql(serverUrl, superuser, "DO $$ BEGIN CREATE ROLE " + login + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            }
            HubSchema.migrate(hubUrl, superuser, null);
            new HubSchema(new ConnectionTarget(hubUrl, superuser, null)).enrolAdmin("kw_bench_admin");
            try (HubClient admin = HubClient.connect(new ConnectionTarget(hubUrl, "kw_bench_admin", null))) {
                admin.addMember("kw_bench_alice", Set.of("dba"));
                admin.addMember("kw_bench_bob", Set.of("reviewer"));
            }
            out.printf(Locale.ROOT, "Hub propagation bench: %d decisions, hub database %s (dropped afterwards)%n", decisions, database);
            out.println(Targets.machine());
            return measure(hubUrl, decisions, out);
        } finally {
            sql(serverUrl, superuser, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Result measure(String hubUrl, int count, PrintStream out) throws Exception {
        try (Side alice = new Side("kw_bench_alice", hubUrl); Side bob = new Side("kw_bench_bob", hubUrl)) {
            Object seen = new Object();
            try (HubSyncLoop loop = new HubSyncLoop(alice.hub, HubClient::connect, n -> null, Clock.systemUTC(), () -> {
                synchronized (seen) {
                    seen.notifyAll();
                }
            })) {
                double[] ms = new double[count];
                for (int i = 0; i < count; i++) {
                    ChangePlan plan = alice.draft();
                    alice.governance.submit("kw_bench_alice", plan.id(), null, "");
                    loop.nudge();
                    waitUntil(() -> bob.hub.syncOnce(n -> null) != null && bob.store.plans().findByUid(plan.uid()).isPresent(), seen);
                    long t = System.nanoTime();
                    bob.governance.approve("kw_bench_bob", bob.store.plans().findByUid(plan.uid()).orElseThrow().id(), "");
                    bob.hub.syncOnce(n -> null);
                    waitUntil(() -> alice.store.plans().find(plan.id()).orElseThrow().state() == PlanState.APPROVED, seen);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                double[] sorted = ms.clone();
                Arrays.sort(sorted);
                Result r = new Result(count, GovernanceBench.percentile(sorted, 50), GovernanceBench.percentile(sorted, 95),
                        sorted[sorted.length - 1]);
                out.printf(Locale.ROOT, "  decision on bob's workbench -> recorded in alice's store: median %.0f ms, p95 %.0f ms,"
                        + " max %.0f ms  (target < %d ms: %s)%n", r.medianMs(), r.p95Ms(), r.maxMs(), TARGET_MS,
                        Targets.verdict(r.meetsTarget()));
                out.println("  (the time includes bob's push; alice's loop is woken by the hub's NOTIFY, not by polling)");
                return r;
            }
        }
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitUntil(Condition condition, Object monitor) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("Nothing arrived within 10 s: is the hub reachable?");
            }
            synchronized (monitor) {
                monitor.wait(2);
            }
        }
    }

    private static void sql(String url, String user, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** One workbench: an in-memory store linked to the hub. */
    private static final class Side implements AutoCloseable {
        final KnobwrightStore store = KnobwrightStore.inMemory("hub-bench-" + System.nanoTime(), false);
        final GovernanceService governance = new GovernanceService(store, Clock.systemUTC(),
                GovernanceEvents.all(new HubQueue(Clock.systemUTC())));
        final HubService hub = new HubService(store, store.vault(), Clock.systemUTC(), governance, HubClient::connect);
        final Instance instance = store.instances().save(new Instance(0, "orders-1", Engine.POSTGRESQL, "16", "16.4", null,
                Map.of(), null, null, null, null, false));
        final String login;

        Side(String login, String hubUrl) {
            this.login = login;
            hub.connect(hubUrl, login, null, n -> null);
        }

        ChangePlan draft() {
            return store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "bench", 1, Instant.now(), login,
                    PlanState.DRAFT, "live", List.of(new PlannedChange("work_mem", "4096", "8192", "kB", ApplyMode.ONLINE, "bench", ""))));
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
