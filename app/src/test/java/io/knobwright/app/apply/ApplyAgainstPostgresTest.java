package io.knobwright.app.apply;

import io.knobwright.app.AppContext;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.KnobwrightStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Approved plans applied to a real PostgreSQL (embedded, so the shared service is never changed): all changes land
 * and are verified; a value the server refuses at step k, or a connection terminated mid-apply, leaves the server
 * with its old configuration and the plan says so; hostile values reach the server as one literal; a plan whose
 * baseline the server no longer matches is refused untouched.
 */
class ApplyAgainstPostgresTest {

    private static EmbeddedPostgres postgres;
    private ApplyFixture fixture;
    private KnobwrightStore store;
    private AppContext context;
    private Instance pg;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void fleetAndPeople() throws Exception {
        sql("ALTER SYSTEM RESET ALL", "SELECT pg_reload_conf()");
        fixture = ApplyFixture.inMemory(postgres.getJdbcUrl("postgres", "postgres"));
        store = fixture.store;
        context = fixture.context;
        pg = fixture.pg;
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
        sql("ALTER SYSTEM RESET ALL", "SELECT pg_reload_conf()");
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String setting(String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + name + "'")) {
            r.next();
            return r.getString(1);
        }
    }

    private ChangePlan approved(PlannedChange... changes) {
        return fixture.approved(changes);
    }

    private static PlannedChange change(String parameter, String from, String to, ApplyMode mode) {
        return ApplyFixture.change(parameter, from, to, mode);
    }

    @Test
    void anApprovedPlanLandsWholeAndEveryValueIsReadBack() throws Exception {
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE),
                change("random_page_cost", "4", "1.1", ApplyMode.ONLINE),
                change("shared_buffers", "16384", "32768", ApplyMode.RESTART));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);
        assertThat(setting("work_mem")).isEqualTo("8192");
        assertThat(setting("random_page_cost")).isEqualTo("1.1");
        assertThat(run.pendingRestarts()).containsExactly("shared_buffers");
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.APPLIED);
        assertThat(context.audit().about("plan:" + plan.id())).extracting(r -> r.action())
                .contains("plan.apply.started", "plan.applied");
    }

    @Test
    void aPlanThatIsNotApprovedNeverReachesTheServer() throws Exception {
        ChangePlan draft = store.plans().save(new ChangePlan(0, pg.id(), pg.name(), "test", 1, Instant.now(), "alice",
                PlanState.DRAFT, "live", List.of(change("work_mem", "4096", "8192", ApplyMode.ONLINE))));
        assertThatThrownBy(() -> context.apply().apply("alice", draft.id())).hasMessageContaining("only an approved plan");
        assertThat(setting("work_mem")).isEqualTo("4096");
    }

    @Test
    void aValueTheServerRefusesAtStepThreePutsTheFirstTwoBack() throws Exception {
        // TimeZone accepts any text in the catalog; the server checks it against its zone database and refuses.
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE),
                change("random_page_cost", "4", "1.1", ApplyMode.ONLINE),
                change("TimeZone", null, "Mars/Olympus_Mons", ApplyMode.ONLINE));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(run.message()).contains("step 3 (TimeZone) failed");
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(setting("random_page_cost")).isEqualTo("4");
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.ROLLED_BACK);
    }

    @Test
    void aConnectionTerminatedMidApplyLeavesTheServerAsTheRecordedStateSays() throws Exception {
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE),
                change("random_page_cost", "4", "1.1", ApplyMode.ONLINE),
                change("effective_io_concurrency", "1", "200", ApplyMode.ONLINE));
        // After step 2 is set, another session terminates the apply's backend (pg_terminate_backend), as an admin might.
        TerminatedAfter[] session = new TerminatedAfter[1];
        ApplyRun run = killingAfter("random_page_cost", session).apply("alice", plan.id());
        assertThat(session[0].terminated).as("backends terminated").isPositive();
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);
        Thread.sleep(200);
        assertThat(List.of(setting("work_mem"), setting("random_page_cost"), setting("effective_io_concurrency")))
                .containsExactly("8192", "1.1", "200");
    }

    @Test
    void aConnectionTerminatedAndThenARefusalAreRolledBackOverANewConnection() throws Exception {
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE),
                change("random_page_cost", "4", "1.1", ApplyMode.ONLINE),
                change("TimeZone", null, "Mars/Olympus_Mons", ApplyMode.ONLINE));
        TerminatedAfter[] session = new TerminatedAfter[1];
        ApplyRun run = killingAfter("random_page_cost", session).apply("alice", plan.id());
        assertThat(session[0].terminated).isPositive();
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.ROLLED_BACK);
        Thread.sleep(200);
        assertThat(List.of(setting("work_mem"), setting("random_page_cost"))).containsExactly("4096", "4");
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.ROLLED_BACK);
    }

    private ApplyService killingAfter(String parameter, TerminatedAfter[] opened) {
        return fixture.applyOver(real -> opened[0] = new TerminatedAfter(parameter, real));
    }

    @Test
    void hostileValuesReachTheServerAsOneLiteralAndChangeNothingElse() throws Exception {
        sql("CREATE TABLE IF NOT EXISTS canary (id int)");
        String hostile = "x'; DROP TABLE canary; -- /* \\ */";
        ChangePlan plan = approved(change("log_line_prefix", null, hostile, ApplyMode.RELOAD));
        ApplyRun run = context.apply().apply("alice", plan.id());
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);
        Thread.sleep(200);
        assertThat(setting("log_line_prefix")).isEqualTo(hostile);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM canary")) {
            assertThat(r.next()).isTrue();
        }
    }

    @Test
    void aPlanWhoseBaselineTheServerNoLongerHoldsIsRefusedUntouched() throws Exception {
        sql("ALTER SYSTEM SET work_mem = '6MB'", "SELECT pg_reload_conf()");
        Thread.sleep(200);
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE));
        assertThatThrownBy(() -> context.apply().apply("alice", plan.id())).isInstanceOf(UserError.class)
                .hasMessageContaining("work_mem is 6144 on the server, the plan expected 4096");
        assertThat(setting("work_mem")).isEqualTo("6144");
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.APPROVED);
    }

    @Test
    void aRunAKilledProcessLeftBehindIsFinishedAtTheNextStart() throws Exception {
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE));
        // What a process killed right after setting work_mem leaves: the server changed, the journal says APPLYING.
        sql("ALTER SYSTEM SET work_mem = '8MB'", "SELECT pg_reload_conf()");
        ApplyRun half = store.applyJournal().start(new ApplyRun(0, plan.id(), pg.id(), pg.name(), "alice", RunState.APPLYING,
                Instant.now(), null, List.of(new io.knobwright.model.apply.journal.JournalStep(0, "work_mem", "4096", "8192", false,
                io.knobwright.model.apply.journal.StepPhase.PLANNED, "")), ""));
        store.applyJournal().step(half.id(), 0, io.knobwright.model.apply.journal.StepPhase.APPLYING, "");
        store.plans().updateState(plan.id(), PlanState.APPLYING);

        List<ApplyRun> recovered = context.apply().recover();
        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.ROLLED_BACK));
        Thread.sleep(200);
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.ROLLED_BACK);
    }

    @Test
    void aPlanLeftApplyingAfterItsRunEndedFollowsTheJournalAtTheNextStart() throws Exception {
        ChangePlan plan = approved(change("work_mem", "4096", "8192", ApplyMode.ONLINE));
        // What a process killed between ending its run and recording it on the plan leaves behind.
        ApplyRun ended = store.applyJournal().start(new ApplyRun(0, plan.id(), pg.id(), pg.name(), "alice", RunState.APPLYING,
                Instant.now(), null, List.of(new io.knobwright.model.apply.journal.JournalStep(0, "work_mem", "4096", "8192", false,
                io.knobwright.model.apply.journal.StepPhase.PLANNED, "")), ""));
        store.applyJournal().finish(ended.id(), RunState.ROLLED_BACK, Instant.now(), "Nothing was changed");
        store.plans().updateState(plan.id(), PlanState.APPLYING);

        assertThat(context.apply().recover()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(ended.id()));
        assertThat(store.plans().find(plan.id()).orElseThrow().state()).isEqualTo(PlanState.ROLLED_BACK);
        assertThat(context.apply().recover()).as("once").isEmpty();
    }

    /** Terminates the session's own backend from another connection right after one parameter was set. */
    private static final class TerminatedAfter extends ForwardingSession {
        private final String parameter;
        int terminated;

        TerminatedAfter(String parameter, ServerSession inner) {
            super(inner);
            this.parameter = parameter;
        }

        @Override
        public void set(String p, String value) {
            super.set(p, value);
            if (p.equals(parameter)) {
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                             + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND application_name = 'Knobwright'")) {
                    r.next();
                    terminated += r.getInt(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
