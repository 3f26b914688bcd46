package io.knobwright.app.override;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.testing.ManualClock;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.apply.PostgresApplySession;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.UserError;
import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Emergency overrides against a real PostgreSQL (embedded): applied at once and read back, restored at the deadline
 * to exactly what was there (an entry in postgresql.auto.conf only when there had been one), extended, cancelled,
 * stacked and restored in the right order, a failing restoration retried until the server answers again, a server
 * changed by someone else left alone, hostile names and values kept off the server. Time is a clock the test moves.
 */
class OverrideLifecycleTest {

    private static EmbeddedPostgres postgres;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
    private KnobwrightStore store;
    private AppContext context;
    private OverrideService overrides;
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
        store = KnobwrightStore.inMemory("override-" + System.nanoTime(), false);
        context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "olga");
        pg = context.fleet().register(new Registration("embedded-pg", postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                null, null, Tier.PRODUCTION, null, null, Map.of()));
        context.policy().addUser("setup", "carol", Set.of(Role.ADMIN));
        context.policy().addUser("carol", "olga", Set.of(Role.OPERATOR));
        context.policy().addUser("carol", "oscar", Set.of(Role.OPERATOR));
        context.policy().addUser("carol", "rita", Set.of(Role.REVIEWER));
        context.policy().addUser("carol", "dave", Set.of(Role.DBA));
        overrides = service(postgres);
    }

    private OverrideService service(EmbeddedPostgres server) {
        return new OverrideService(store, store.vault(), context.governance(),
                id -> Optional.ofNullable(context.plans().catalogsOf(List.of(id)).get(id)),
                (instance, target, catalog) -> new PostgresApplySession(target,
                        new ConnectorTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)), catalog), clock);
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        sql("ALTER SYSTEM RESET ALL", "SELECT pg_reload_conf()");
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        awaitReload();
    }

    /** pg_reload_conf() signals; a fresh connection sees the new value once the postmaster has read the files. */
    private static void awaitReload() throws InterruptedException {
        Thread.sleep(150);
    }

    private static String setting(String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT setting FROM pg_settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** What postgresql.auto.conf says for a parameter (null: no entry). */
    private static String autoConf(String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT setting FROM pg_file_settings WHERE name = ?"
                     + " AND sourcefile LIKE '%postgresql.auto.conf' ORDER BY seqno DESC LIMIT 1")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private OverrideResult apply(String actor, String parameter, String value, Duration duration, boolean stack) {
        return overrides.apply(actor, new OverrideRequest(List.of(pg.name()), Map.of(parameter, value), duration,
                "incident 4711: sorts spilling to disk", stack));
    }

    private EmergencyOverride only(OverrideResult result) {
        assertThat(result.allApplied()).as(result.instances().toString()).isTrue();
        return result.instances().getFirst().overrides().getFirst();
    }

    private EmergencyOverride reread(EmergencyOverride o) {
        return overrides.find(o.id()).orElseThrow();
    }

    @Test
    void anOverrideIsInForceAtOnceAndRestoresItselfAtTheDeadlineLeavingNoEntryBehind() throws Exception {
        assertThat(autoConf("work_mem")).isNull();
        EmergencyOverride o = only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(30), false));

        assertThat(o.state()).isEqualTo(OverrideState.ACTIVE);
        assertThat(o.prior()).isEqualTo("4MB");
        assertThat(o.value()).isEqualTo("64MB");
        assertThat(o.priorPersisted()).isFalse();
        assertThat(setting("work_mem")).isEqualTo("65536");
        assertThat(context.audit().about("override:" + o.id())).extracting(r -> r.action()).containsExactly("override.applied");

        clock.advance(Duration.ofMinutes(29));
        assertThat(overrides.restoreDue()).isEmpty();
        assertThat(setting("work_mem")).isEqualTo("65536");

        clock.advance(Duration.ofMinutes(1));
        List<Restoration> done = overrides.restoreDue();
        assertThat(done).hasSize(1).allMatch(Restoration::restored);
        assertThat(reread(o).state()).isEqualTo(OverrideState.RESTORED);
        assertThat(setting("work_mem")).isEqualTo("4096");
        // the value came from the defaults, so restoring removed ALTER SYSTEM's entry instead of pinning 4MB
        assertThat(autoConf("work_mem")).isNull();
        assertThat(context.audit().about("override:" + o.id())).extracting(r -> r.action())
                .containsExactly("override.applied", "override.restored");
    }

    @Test
    void aValueThatWasSetByAlterSystemIsWrittenBackExactly() throws Exception {
        sql("ALTER SYSTEM SET work_mem = '8MB'", "SELECT pg_reload_conf()");
        EmergencyOverride o = only(apply("olga", "work_mem", "256MB", Duration.ofMinutes(5), false));
        assertThat(o.priorPersisted()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        overrides.restoreDue();
        assertThat(setting("work_mem")).isEqualTo("8192");
        assertThat(autoConf("work_mem")).isEqualTo("8MB");
    }

    @Test
    void extendingMovesTheDeadlineAndCancellingKeepsTheValueForGood() throws Exception {
        EmergencyOverride o = only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(10), false));
        EmergencyOverride extended = overrides.extend("oscar", o.id(), Duration.ofMinutes(20), null, "still spilling");
        assertThat(extended.deadline()).isEqualTo(o.deadline().plus(Duration.ofMinutes(20)));

        clock.advance(Duration.ofMinutes(15));
        assertThat(overrides.restoreDue()).isEmpty();
        assertThat(setting("work_mem")).isEqualTo("65536");

        List<EmergencyOverride> kept = overrides.cancel("olga", o.id(), "the new value is right; a plan follows");
        assertThat(kept).extracting(EmergencyOverride::state).containsExactly(OverrideState.KEPT);
        clock.advance(Duration.ofHours(2));
        assertThat(overrides.restoreDue()).isEmpty();
        assertThat(setting("work_mem")).isEqualTo("65536");
        assertThat(context.audit().about("override:" + o.id())).extracting(r -> r.action())
                .containsExactly("override.applied", "override.extended", "override.cancelled");
        assertThatThrownBy(() -> overrides.restoreNow("olga", o.id(), "")).isInstanceOf(GovernanceRefusal.class)
                .hasMessageContaining("already kept");
    }

    @Test
    void someoneElsesOverrideIsRefusedUnlessStackedAndStacksRestoreToTheOriginalInEitherOrder() throws Exception {
        EmergencyOverride first = only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(10), false));
        OverrideResult refused = apply("oscar", "work_mem", "128MB", Duration.ofMinutes(30), false);
        assertThat(refused.noneApplied()).isTrue();
        assertThat(refused.instances().getFirst().failure()).isInstanceOf(GovernanceRefusal.class)
                .hasMessageContaining("already overridden by olga").hasMessageContaining("--stack");
        assertThat(setting("work_mem")).isEqualTo("65536");

        EmergencyOverride second = only(apply("oscar", "work_mem", "128MB", Duration.ofMinutes(30), true));
        assertThat(second.stackedOn()).isEqualTo(first.id());
        assertThat(second.prior()).isEqualTo("64MB");
        assertThat(setting("work_mem")).isEqualTo("131072");

        // the one below ends first: nothing changes on the server, and the one on top now restores to the original
        clock.advance(Duration.ofMinutes(10));
        assertThat(overrides.restoreDue()).singleElement().satisfies(r -> assertThat(r.message()).contains("stacked above"));
        assertThat(setting("work_mem")).isEqualTo("131072");
        clock.advance(Duration.ofMinutes(20));
        overrides.restoreDue();
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(reread(first).state()).isEqualTo(OverrideState.RESTORED);
        assertThat(reread(second).state()).isEqualTo(OverrideState.RESTORED);
    }

    @Test
    void theTopOfAStackEndingFirstGoesBackToTheValueBelowThenTheOriginal() throws Exception {
        only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(30), false));
        only(apply("oscar", "work_mem", "128MB", Duration.ofMinutes(10), true));
        clock.advance(Duration.ofMinutes(10));
        overrides.restoreDue();
        assertThat(setting("work_mem")).isEqualTo("65536");
        clock.advance(Duration.ofMinutes(20));
        overrides.restoreDue();
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(autoConf("work_mem")).isNull();
    }

    @Test
    void aRestorationThatFailsIsRetriedWithBackoffUntilTheServerAnswersAgain() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kw-override-pg");
        EmbeddedPostgres own = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
        int port = own.getPort();
        try {
            Instance down = context.fleet().register(new Registration("goes-down", own.getJdbcUrl("postgres", "postgres"),
                    "postgres", null, null, Tier.TEST, null, null, Map.of()));
            EmergencyOverride o = only(overrides.apply("olga", new OverrideRequest(List.of(down.name()),
                    Map.of("work_mem", "64MB"), Duration.ofMinutes(5), "incident 4712", false)));
            own.close();

            clock.advance(Duration.ofMinutes(5));
            Restoration failed = overrides.restoreDue().getFirst();
            assertThat(failed.restored()).isFalse();
            assertThat(reread(o).restoreFailing()).isTrue();
            assertThat(reread(o).attempts()).isEqualTo(1);
            assertThat(reread(o).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));
            assertThat(overrides.restoreDue()).as("not before the backoff").isEmpty();
            clock.advance(Duration.ofSeconds(5));
            assertThat(overrides.restoreDue()).singleElement().satisfies(r -> assertThat(r.restored()).isFalse());
            assertThat(reread(o).attempts()).isEqualTo(2);
            assertThat(reread(o).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));

            own = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
            clock.advance(Duration.ofSeconds(10));
            assertThat(overrides.restoreDue()).singleElement().satisfies(r -> assertThat(r.restored()).as(r.message()).isTrue());
            try (Connection c = own.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'work_mem'")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("4096");
            }
            assertThat(context.audit().about("override:" + o.id())).extracting(r -> r.action())
                    .containsExactly("override.applied", "override.restore-failed", "override.restore-failed", "override.restored");
        } finally {
            own.close();
        }
    }

    @Test
    void aServerChangedBySomeoneElseIsLeftAloneUntilAPersonDecides() throws Exception {
        EmergencyOverride o = only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(5), false));
        sql("ALTER SYSTEM SET work_mem = '32MB'", "SELECT pg_reload_conf()");
        clock.advance(Duration.ofMinutes(5));
        assertThat(overrides.restoreDue()).singleElement().satisfies(r -> assertThat(r.message())
                .contains("someone changed it").contains("override cancel " + o.id()));
        assertThat(reread(o).state()).isEqualTo(OverrideState.ATTENTION);
        assertThat(setting("work_mem")).isEqualTo("32768");

        Restoration restored = overrides.restoreNow("oscar", o.id(), "put the original back");
        assertThat(restored.restored()).as(restored.message()).isTrue();
        assertThat(setting("work_mem")).isEqualTo("4096");
    }

    @Test
    void anOverrideThatAPlanBeingAppliedTouchesIsRefused() throws Exception {
        ChangePlan plan = store.plans().save(new ChangePlan(0, pg.id(), pg.name(), "t", 1, clock.instant(), "dave",
                PlanState.DRAFT, ChangePlan.NO_BASELINE, List.of(new PlannedChange("work_mem", "4096", "8192", null,
                ApplyMode.ONLINE, "t", ""))));
        store.plans().updateState(plan.id(), PlanState.APPLYING);
        OverrideResult r = apply("olga", "work_mem", "64MB", Duration.ofMinutes(5), false);
        assertThat(r.instances().getFirst().error()).contains("Plan " + plan.id() + " is being applied");
        assertThat(setting("work_mem")).isEqualTo("4096");
    }

    @Test
    void aPlanTouchingAnOverriddenParameterWaitsForTheOverride() throws Exception {
        EmergencyOverride o = only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(5), false));
        ChangePlan plan = store.plans().save(new ChangePlan(0, pg.id(), pg.name(), "t", 1, clock.instant(), "dave",
                PlanState.DRAFT, ChangePlan.NO_BASELINE, List.of(new PlannedChange("work_mem", "4096", "8192", null,
                ApplyMode.ONLINE, "t", ""))));
        context.governance().submit("dave", plan.id(), null, "");
        context.governance().approve("rita", plan.id(), "");
        assertThatThrownBy(() -> context.apply().apply("dave", plan.id())).isInstanceOf(GovernanceRefusal.class)
                .hasMessageContaining("override " + o.id());
        assertThat(setting("work_mem")).isEqualTo("65536");
    }

    @Test
    void onlyOperatorsOverrideAndALockedParameterBreaksTheGlassWithAReview() throws Exception {
        assertThatThrownBy(() -> apply("dave", "work_mem", "64MB", Duration.ofMinutes(5), false))
                .isInstanceOf(GovernanceRefusal.class).hasMessageContaining("operator");
        context.policy().lock("carol", new LockRule(LockScope.ALL, new ParameterPattern("work_mem"), "capacity"), "lock it");
        OverrideResult shortReason = overrides.apply("olga", new OverrideRequest(List.of(pg.name()), Map.of("work_mem", "64MB"),
                Duration.ofMinutes(5), "fire", false));
        assertThat(shortReason.instances().getFirst().error()).contains("breaks the glass");
        assertThat(setting("work_mem")).isEqualTo("4096");

        EmergencyOverride o = only(apply("olga", "work_mem", "64MB", Duration.ofMinutes(5), false));
        assertThat(o.planId()).isPositive();
        assertThat(store.plans().find(o.planId()).orElseThrow().state()).isEqualTo(PlanState.APPLIED);
        assertThat(context.governance().openReviews()).extracting(i -> i.planId()).contains(o.planId());
        assertThat(context.audit().about("plan:" + o.planId())).extracting(r -> r.action()).contains("plan.bypassed", "plan.applied");
    }

    @Test
    void allParametersOfAnInstanceOrNone() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("work_mem", "64MB");
        settings.put("shared_buffers", "1GB");
        OverrideResult r = overrides.apply("olga", new OverrideRequest(List.of(pg.name()), settings, Duration.ofMinutes(5),
                "incident", false));
        assertThat(r.instances().getFirst().error()).contains("shared_buffers takes effect only after a restart");
        assertThat(setting("work_mem")).isEqualTo("4096");

        settings.put("shared_buffers", "not-a-size");
        assertThat(overrides.apply("olga", new OverrideRequest(List.of(pg.name()), settings, Duration.ofMinutes(5),
                "incident", false)).noneApplied()).isTrue();
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(overrides.live()).isEmpty();
    }

    @Test
    void hostileNamesAndValuesChangeNothingOnTheServer() throws Exception {
        String fsync = setting("fsync"); // the embedded server runs with fsync off: the canary is that nothing changes it
        OverrideResult badName = overrides.apply("olga", new OverrideRequest(List.of(pg.name()),
                Map.of("work_mem = '1GB'; ALTER SYSTEM SET fsync = off; --", "64MB"), Duration.ofMinutes(5), "incident", false));
        assertThat(badName.noneApplied()).isTrue();
        String hostile = "x'; ALTER SYSTEM SET fsync = off; SELECT pg_reload_conf(); -- \\' /* */";
        EmergencyOverride o = only(apply("olga", "log_line_prefix", hostile, Duration.ofMinutes(5), false));
        assertThat(autoConf("log_line_prefix")).isEqualTo(hostile);
        assertThat(setting("log_line_prefix")).isEqualTo(hostile);
        assertThat(setting("fsync")).isEqualTo(fsync);
        assertThat(autoConf("fsync")).isNull();
        clock.advance(Duration.ofMinutes(5));
        overrides.restoreDue();
        assertThat(reread(o).state()).isEqualTo(OverrideState.RESTORED);
        assertThat(autoConf("log_line_prefix")).isNull();
        assertThat(setting("fsync")).isEqualTo(fsync);
    }

    @Test
    void anOverrideAKilledProcessLeftHalfAppliedIsPutBack() throws Exception {
        // what a process killed between ALTER SYSTEM and its confirmation leaves: a PENDING row and the value set
        EmergencyOverride pending = store.overrides().insert(EmergencyOverride.pending("b", pg.id(), pg.name(), "work_mem",
                "64MB", "4096", false, 0, "olga", "incident", clock.instant(), clock.instant().plus(Duration.ofHours(1)), 0));
        sql("ALTER SYSTEM SET work_mem = '64MB'", "SELECT pg_reload_conf()");
        assertThat(overrides.restoreDue()).as("still within the apply's time").isEmpty();
        clock.advance(OverrideService.ABANDONED_AFTER.plusSeconds(1));
        assertThat(overrides.restoreDue()).singleElement().satisfies(r -> assertThat(r.message()).contains("Interrupted"));
        assertThat(reread(pending).state()).isEqualTo(OverrideState.FAILED);
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(autoConf("work_mem")).isNull();
    }

    @Test
    void oneSchedulerPerStore() {
        RestorationScheduler first = new RestorationScheduler(overrides, store.overrides(), clock, "daemon");
        RestorationScheduler second = new RestorationScheduler(overrides, store.overrides(), clock, "daemon");
        try {
            assertThat(first.startExclusive()).isEmpty();
            assertThat(second.startExclusive()).hasValueSatisfying(holder -> assertThat(holder).startsWith("daemon "));
            first.close();
            assertThat(second.startExclusive()).isEmpty();
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void theSchedulerRestoresAtTheDeadlineWithNobodyAsking() throws Exception {
        OverrideService realTime = new OverrideService(store, store.vault(), context.governance(),
                id -> Optional.ofNullable(context.plans().catalogsOf(List.of(id)).get(id)),
                (instance, target, catalog) -> new PostgresApplySession(target, ConnectorTimeouts.DEFAULT, catalog), Clock.systemUTC());
        EmergencyOverride o = only(realTime.apply("olga", new OverrideRequest(List.of(pg.name()), Map.of("work_mem", "64MB"),
                Duration.ofSeconds(1), "incident", false)));
        try (RestorationScheduler scheduler = new RestorationScheduler(realTime, store.overrides(), Clock.systemUTC(), "workbench")) {
            java.util.concurrent.CompletableFuture<List<Restoration>> heard = new java.util.concurrent.CompletableFuture<>();
            scheduler.onRestorations(heard::complete);
            scheduler.start();
            List<Restoration> done = heard.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(done).singleElement().satisfies(r -> assertThat(r.override().id()).isEqualTo(o.id()));
        }
        assertThat(setting("work_mem")).isEqualTo("4096");
    }
}
