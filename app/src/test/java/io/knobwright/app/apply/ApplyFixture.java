package io.knobwright.app.apply;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.apply.PostgresApplySession;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the apply tests against a real PostgreSQL share: a store whose fleet holds the server, three people (carol
 * the admin, alice a DBA who applies, bob a reviewer who approves), approved plans on demand, apply services over the
 * real session with a test's fault around it, and what the server holds, read over SQL.
 */
final class ApplyFixture implements AutoCloseable {

    final KnobwrightStore store;
    final AppContext context;
    final Instance pg;

    private ApplyFixture(KnobwrightStore store, AppContext context, Instance pg) {
        this.store = store;
        this.context = context;
        this.pg = pg;
    }

    /** Wired as the application wires it, acting as alice, reading no environment. */
    private static AppContext contextOf(KnobwrightStore store) {
        return new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
    }

    /** A new store in memory, its fleet the server at {@code jdbcUrl}. */
    static ApplyFixture inMemory(String jdbcUrl) {
        return populated(KnobwrightStore.inMemory("apply-" + System.nanoTime(), false), jdbcUrl);
    }

    /** A new store in {@code dataDir}, as the CLI opens it, its fleet the server at {@code jdbcUrl}. */
    static ApplyFixture onDisk(Path dataDir, String jdbcUrl) {
        return populated(KnobwrightStore.open(dataDir), jdbcUrl);
    }

    /** The store a fixture made in {@code dataDir}, opened again (as the next process would). */
    static ApplyFixture reopened(Path dataDir) {
        KnobwrightStore store = KnobwrightStore.open(dataDir);
        return new ApplyFixture(store, contextOf(store), store.instances().findAll().stream()
                .filter(i -> i.name().equals("embedded-pg")).findFirst().orElseThrow());
    }

    private static ApplyFixture populated(KnobwrightStore store, String jdbcUrl) {
        AppContext context = contextOf(store);
        Instance pg = context.fleet().register(new Registration("embedded-pg", jdbcUrl, "postgres", null, null, Tier.TEST,
                null, null, Map.of()));
        context.policy().addUser("setup", "carol", Set.of(Role.ADMIN));
        context.policy().addUser("carol", "alice", Set.of(Role.DBA));
        context.policy().addUser("carol", "bob", Set.of(Role.REVIEWER));
        return new ApplyFixture(store, context, pg);
    }

    /** A plan of alice's, submitted and approved by bob. */
    ChangePlan approved(PlannedChange... changes) {
        ChangePlan plan = store.plans().save(new ChangePlan(0, pg.id(), pg.name(), "test", 1, Instant.now(), "alice",
                PlanState.DRAFT, "live at " + Instant.now(), List.of(changes)));
        context.governance().submit("alice", plan.id(), null, "");
        context.governance().approve("bob", plan.id(), "");
        return plan;
    }

    static PlannedChange change(String parameter, String from, String to, ApplyMode mode) {
        return new PlannedChange(parameter, from, to, null, mode, "test", "");
    }

    static PlannedChange online(String parameter, String from, String to) {
        return change(parameter, from, to, ApplyMode.ONLINE);
    }

    PlanState planState(long planId) {
        return store.plans().find(planId).orElseThrow().state();
    }

    /** An apply service like the application's, its real PostgreSQL session wrapped by {@code fault}. */
    ApplyService applyOver(UnaryOperator<ServerSession> fault) {
        return applyOver(context, store, fault);
    }

    static ApplyService applyOver(AppContext context, KnobwrightStore store, UnaryOperator<ServerSession> fault) {
        return new ApplyService(store, store.vault(), context.governance(),
                id -> Optional.ofNullable(context.plans().catalogsOf(List.of(id)).get(id)),
                (instance, target, catalog) -> fault.apply(new PostgresApplySession(target, ConnectorTimeouts.DEFAULT, catalog)),
                Clock.systemUTC());
    }

    @Override
    public void close() {
        context.close();
    }

    // ---- what the server holds, over SQL ----

    static void sql(String jdbcUrl, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** pg_settings.setting of each parameter, in order. */
    static List<String> settings(String jdbcUrl, String... names) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet r = s.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + name + "'")) {
                    r.next();
                    values.add(r.getString(1));
                }
            }
        }
        return values;
    }

    /** postgresql.auto.conf as the server reads it at its next start: what ALTER SYSTEM persisted. */
    static String autoConf(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_read_file('postgresql.auto.conf')")) {
            r.next();
            return r.getString(1);
        }
    }
}
