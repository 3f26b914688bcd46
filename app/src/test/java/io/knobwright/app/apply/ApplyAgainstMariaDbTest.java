package io.knobwright.app.apply;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approved plans applied to the machine's MariaDB 10.11 (SET GLOBAL, read back from @@GLOBAL): a plan lands whole; a
 * value the server refuses at step 3 puts steps 1 and 2 back; hostile text reaches the server as one literal; a
 * restart-only variable is not sent but handed over as the option-file line to write, and listed as waiting for the
 * restart. Every global a test may change is put back afterwards.
 */
class ApplyAgainstMariaDbTest {

    private static final String DATABASE = "knobwright_apply_app";
    private static final String ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root&password=";
    private static final List<String> TOUCHED = List.of("thread_cache_size", "max_heap_table_size", "init_slave", "time_zone",
            "back_log");

    private final Map<String, String> before = new LinkedHashMap<>();
    private KnobwrightStore store;
    private AppContext context;
    private Instance maria;

    @BeforeEach
    void fleetAndPeople() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        }
        for (String name : TOUCHED) {
            before.put(name, global(name));
        }
        store = KnobwrightStore.inMemory("apply-maria-" + System.nanoTime(), false);
        context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
        maria = context.fleet().register(new Registration("local-maria", "jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root",
                null, null, Tier.TEST, null, null, Map.of()));
        context.policy().addUser("setup", "carol", Set.of(Role.ADMIN));
        context.policy().addUser("carol", "alice", Set.of(Role.DBA));
        context.policy().addUser("carol", "bob", Set.of(Role.REVIEWER));
    }

    @AfterEach
    void putBack() throws Exception {
        context.close();
        try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
            for (Map.Entry<String, String> e : before.entrySet()) {
                if (!e.getKey().equals("back_log")) { // read-only on a running server: only compared, never set
                    boolean number = e.getValue().matches("-?[0-9]+");
                    try (var s = c.prepareStatement("SET GLOBAL " + e.getKey() + " = " + (number ? e.getValue() : "?"))) {
                        if (!number) {
                            s.setString(1, e.getValue());
                        }
                        s.execute();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    private static String global(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT @@GLOBAL." + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private ChangePlan approved(PlannedChange... changes) {
        ChangePlan plan = store.plans().save(new ChangePlan(0, maria.id(), maria.name(), "test", 1, Instant.now(), "alice",
                PlanState.DRAFT, "live at " + Instant.now(), List.of(changes)));
        context.governance().submit("alice", plan.id(), null, "");
        context.governance().approve("bob", plan.id(), "");
        return plan;
    }

    private PlannedChange change(String parameter, String to, ApplyMode mode) {
        return new PlannedChange(parameter, before.get(parameter), to, null, mode, "test", "");
    }

    private String otherThreadCache() {
        return before.get("thread_cache_size").equals("77") ? "78" : "77";
    }

    private String otherHeapTable() {
        return before.get("max_heap_table_size").equals("33554432") ? "67108864" : "33554432";
    }

    @Test
    void anApprovedPlanLandsWholeAndEveryValueIsReadBack() throws Exception {
        ChangePlan plan = approved(change("thread_cache_size", otherThreadCache(), ApplyMode.ONLINE),
                change("max_heap_table_size", otherHeapTable(), ApplyMode.ONLINE),
                change("init_slave", "SET @knobwright = 1", ApplyMode.ONLINE));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);
        assertThat(run.steps()).extracting(JournalStep::phase).containsOnly(StepPhase.VERIFIED);
        assertThat(List.of(global("thread_cache_size"), global("max_heap_table_size"), global("init_slave")))
                .containsExactly(otherThreadCache(), otherHeapTable(), "SET @knobwright = 1");
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.APPLIED);
        assertThat(context.pendingRestarts().pending()).isEmpty();
    }

    @Test
    void aValueTheServerRefusesAtStepThreePutsTheFirstTwoBack() throws Exception {
        // time_zone is any text to the catalog; the server checks it against its zone tables and refuses.
        ChangePlan plan = approved(change("thread_cache_size", otherThreadCache(), ApplyMode.ONLINE),
                change("max_heap_table_size", otherHeapTable(), ApplyMode.ONLINE),
                change("time_zone", "Mars/Olympus_Mons", ApplyMode.ONLINE));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(run.message()).contains("step 3 (time_zone) failed").contains("MariaDB refused setting time_zone");
        assertThat(run.steps()).extracting(JournalStep::phase)
                .containsExactly(StepPhase.COMPENSATED, StepPhase.COMPENSATED, StepPhase.FAILED);
        assertThat(List.of(global("thread_cache_size"), global("max_heap_table_size"), global("time_zone")))
                .containsExactly(before.get("thread_cache_size"), before.get("max_heap_table_size"), before.get("time_zone"));
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.ROLLED_BACK);
    }

    @Test
    void hostileTextReachesTheServerAsOneLiteralAndChangesNothingElse() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + DATABASE + ".canary (id int)");
        }
        String hostile = "x'; DROP TABLE " + DATABASE + ".canary; SET GLOBAL max_connections = 11; -- /* \\' \\\\ */ \" `";
        String maxConnections = global("max_connections");
        ChangePlan plan = approved(change("init_slave", hostile, ApplyMode.ONLINE));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);
        assertThat(global("init_slave")).isEqualTo(hostile);
        assertThat(global("max_connections")).isEqualTo(maxConnections);
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + DATABASE + ".canary")) {
            assertThat(r.next()).isTrue();
        }
    }

    @Test
    void aRestartOnlyVariableIsReportedAsTheOptionFileLineToWriteAndWaitsForTheRestart() throws Exception {
        String backLog = before.get("back_log");
        String target = backLog.equals("300") ? "301" : "300";
        ChangePlan plan = approved(change("thread_cache_size", otherThreadCache(), ApplyMode.ONLINE),
                change("back_log", target, ApplyMode.RESTART));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);
        assertThat(run.steps()).extracting(JournalStep::phase).containsExactly(StepPhase.VERIFIED, StepPhase.HANDED_OVER);
        assertThat(run.message()).contains("write `back_log = " + target + "` under [mariadbd] in the option file and restart the server");
        assertThat(run.pendingRestarts()).containsExactly("back_log");
        assertThat(global("back_log")).isEqualTo(backLog);
        assertThat(global("thread_cache_size")).isEqualTo(otherThreadCache());
        assertThat(context.pendingRestarts().pending()).singleElement().satisfies(p -> {
            assertThat(p.instanceName()).isEqualTo("local-maria");
            assertThat(p.parameter()).isEqualTo("back_log");
            assertThat(p.value()).isEqualTo(target);
            assertThat(p.planId()).isEqualTo(plan.id());
            assertThat(p.note()).contains("back_log = " + target);
        });
        // Nobody wrote the line nor restarted: a check asks the server and keeps it listed.
        PendingRestarts.Check check = context.pendingRestarts().check(maria);
        assertThat(check.unreachable()).isEmpty();
        assertThat(check.cleared()).isEmpty();
        assertThat(check.waiting()).extracting(PendingRestart::parameter).containsExactly("back_log");
    }
}
