package io.knobwright.app.hub;

import io.knobwright.app.governance.GovernanceEvents;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.hub.HubClient;
import io.knobwright.connectors.hub.HubSchema;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two workbenches (two local stores) and one hub (a real PostgreSQL): plans submitted on one are decided on the
 * other; work done offline is queued and pushed later; a sync killed half-way neither loses nor doubles anything;
 * two reviewers deciding one level at once converge to the hub's single outcome; a decision reaches the other
 * workbench within a second.
 */
class HubSyncTest {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Function<String, String> NO_ENV = name -> null;

    private String hubUrl;
    private final List<Workbench> workbenches = new ArrayList<>();

    /** One person's workbench: their own store, linked to the hub as their login. */
    private final class Workbench implements AutoCloseable {
        final KnobwrightStore store = KnobwrightStore.inMemory("hubsync-" + System.nanoTime(), false);
        final GovernanceService governance = new GovernanceService(store, Clock.systemUTC(),
                GovernanceEvents.all(new HubQueue(Clock.systemUTC())));
        final AtomicBoolean hubDown = new AtomicBoolean();
        final HubService hub = new HubService(store, store.vault(), Clock.systemUTC(), governance, target -> {
            if (hubDown.get()) {
                throw new ConnectorException("Could not reach the hub at 127.0.0.1: connection refused");
            }
            return HubClient.connect(target);
        });
        final io.knobwright.app.governance.PolicyService policy = new io.knobwright.app.governance.PolicyService(store,
                Clock.systemUTC());
        final String login;
        final Instance instance;

        Workbench(String login) {
            this.login = login;
            instance = store.instances().save(new Instance(0, "orders-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of(),
                    Tier.PRODUCTION, null, null, null, false));
            hub.connect(hubUrl, login, null, NO_ENV);
            workbenches.add(this);
        }

        ChangePlan draft() {
            return store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "postgresql-oltp", 1,
                    java.time.Instant.now(), login, PlanState.DRAFT, "live", List.of(new PlannedChange("work_mem", "4096", "8192",
                    "kB", ApplyMode.ONLINE, "postgresql-oltp v1", ""))));
        }

        HubService.SyncReport sync() {
            return hub.syncOnce(NO_ENV);
        }

        ChangePlan plan(String uid) {
            return store.plans().findByUid(uid).orElseThrow();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", null); Statement s = c.createStatement()) {
            for (int i = 0; i < 50; i++) {
                s.execute("CREATE ROLE reviewer" + i + " LOGIN");
            }
            for (String login : List.of("alice", "bob", "carol", "boss", "olga", "dan")) {
                s.execute("CREATE ROLE " + login + " LOGIN");
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    @BeforeEach
    void newHub() throws Exception {
        String name = "hub_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        hubUrl = url(name);
        HubSchema.migrate(hubUrl, "postgres", null);
        new HubSchema(new ConnectionTarget(hubUrl, "postgres", null)).enrolAdmin("boss");
        try (HubClient boss = HubClient.connect(new ConnectionTarget(hubUrl, "boss", null))) {
            boss.addMember("alice", Set.of("dba"));
            boss.addMember("bob", Set.of("reviewer"));
            boss.addMember("carol", Set.of("reviewer"));
            boss.addMember("olga", Set.of("operator"));
            boss.addMember("dan", Set.of("dba"));
            for (int i = 0; i < 50; i++) {
                boss.addMember("reviewer" + i, Set.of("reviewer"));
            }
        }
    }

    @AfterEach
    void closeWorkbenches() {
        workbenches.forEach(Workbench::close);
    }

    private long hubCount(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(hubUrl, "postgres", null); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aPlanSubmittedOnOneWorkbenchIsApprovedOnAnotherAndBothAgree() {
        Workbench alice = new Workbench("alice");
        Workbench bob = new Workbench("bob");
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), "CHG42", "more sort memory");
        assertThat(alice.sync().pushed()).isEqualTo(1);

        assertThat(bob.sync().plansChanged()).isEqualTo(1);
        ChangePlan received = bob.plan(plan.uid());
        assertThat(received.state()).isEqualTo(PlanState.SUBMITTED);
        assertThat(received.ticket()).isEqualTo("CHG42");
        assertThat(received.author()).isEqualTo("alice");
        assertThat(received.changes()).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo("8192"));
        assertThat(bob.governance.awaiting("bob")).extracting(r -> r.plan().uid()).containsExactly(plan.uid());

        bob.governance.approve("bob", received.id(), "fine");
        assertThat(bob.sync().pushed()).isEqualTo(1);
        alice.sync();
        PlanReview atAlice = alice.governance.review(plan.id());
        assertThat(atAlice.plan().state()).isEqualTo(PlanState.APPROVED);
        assertThat(atAlice.decisions()).singleElement().satisfies(d -> assertThat(d.actor()).isEqualTo("bob"));
        assertThat(alice.sync().plansChanged()).isZero();
    }

    @Test
    void workDoneOfflineIsQueuedAndReachesTheHubWhenItIsBack() throws Exception {
        Workbench alice = new Workbench("alice");
        alice.hubDown.set(true);
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), null, "");
        HubService.SyncReport offline = alice.sync();
        assertThat(offline.ok()).isFalse();
        var status = alice.hub.status().orElseThrow();
        assertThat(status.pending()).isEqualTo(1);
        assertThat(status.link().failures()).isEqualTo(1);
        assertThat(status.link().nextAttemptAt()).isAfter(java.time.Instant.now());
        alice.sync();
        assertThat(alice.hub.status().orElseThrow().link().failures()).isEqualTo(2);
        assertThat(hubCount("SELECT count(*) FROM knobwright_hub.hub_plan")).isZero();

        alice.hubDown.set(false);
        assertThat(alice.sync().pushed()).isEqualTo(1);
        assertThat(alice.hub.status().orElseThrow().pending()).isZero();
        assertThat(alice.hub.status().orElseThrow().link().failures()).isZero();
        assertThat(hubCount("SELECT count(*) FROM knobwright_hub.hub_plan")).isEqualTo(1);
    }

    @Test
    void aSyncKilledAfterTheHubAcceptedButBeforeThisStoreKnewIsNeitherLostNorDoubled() throws Exception {
        Workbench alice = new Workbench("alice");
        Workbench bob = new Workbench("bob");
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), null, "");
        alice.sync();
        bob.sync();
        bob.governance.approve("bob", bob.plan(plan.uid()).id(), "");
        bob.hub.afterPush(() -> { throw new IllegalStateException("killed"); });
        assertThatThrownBy(bob::sync).hasMessage("killed");
        assertThat(bob.hub.status().orElseThrow().pending()).isEqualTo(1);

        bob.hub.afterPush(() -> { });
        HubService.SyncReport again = bob.sync();
        assertThat(again.ok()).isTrue();
        assertThat(again.refused()).isZero();
        assertThat(hubCount("SELECT count(*) FROM knobwright_hub.hub_decision")).isEqualTo(1);
        alice.sync();
        assertThat(alice.governance.review(plan.id()).decisions()).hasSize(1);
        assertThat(alice.plan(plan.uid()).state()).isEqualTo(PlanState.APPROVED);
    }

    @Test
    void twoReviewersDecidingOneLevelAtOnceConvergeToTheHubsSingleOutcome() throws Exception {
        Workbench alice = new Workbench("alice");
        Workbench bob = new Workbench("bob");
        Workbench carol = new Workbench("carol");
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), null, "");
        alice.sync();
        bob.sync();
        carol.sync();
        // Both decide locally (offline from each other), then race to the hub.
        bob.governance.approve("bob", bob.plan(plan.uid()).id(), "bob says yes");
        carol.governance.reject("carol", carol.plan(plan.uid()).id(), "carol says no");
        CountDownLatch start = new CountDownLatch(1);
        List<HubService.SyncReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> racers = List.of(bob, carol).stream().map(w -> Thread.ofPlatform().start(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reports.add(w.sync());
        })).toList();
        start.countDown();
        for (Thread t : racers) {
            t.join();
        }
        assertThat(reports).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(reports.stream().mapToInt(HubService.SyncReport::refused).sum()).isEqualTo(1);
        assertThat(hubCount("SELECT count(*) FROM knobwright_hub.hub_decision")).isEqualTo(1);
        alice.sync();
        bob.sync();
        carol.sync();
        PlanState outcome = alice.plan(plan.uid()).state();
        assertThat(outcome).isIn(PlanState.APPROVED, PlanState.REJECTED);
        assertThat(bob.plan(plan.uid()).state()).isEqualTo(outcome);
        assertThat(carol.plan(plan.uid()).state()).isEqualTo(outcome);
        for (Workbench w : List.of(alice, bob, carol)) {
            assertThat(w.governance.review(w.plan(plan.uid()).id()).decisions()).hasSize(1);
        }
    }

    @Test
    void aDelegationMadeOnOneWorkbenchLetsTheDelegateDecideOnAnother() {
        Workbench alice = new Workbench("alice");
        Workbench bob = new Workbench("bob");
        Workbench dan = new Workbench("dan");
        bob.policy.delegate("bob", "bob", "dan", java.time.Instant.now().plus(Duration.ofDays(1)), "holiday");
        assertThat(bob.sync().pushed()).isEqualTo(1);
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), null, "");
        alice.sync();
        dan.sync();

        PlanReview decided = dan.governance.approve("dan", dan.plan(plan.uid()).id(), "for bob, who is away");
        assertThat(decided.decisions()).singleElement().satisfies(d -> assertThat(d.who()).isEqualTo("dan for bob"));
        HubService.SyncReport pushed = dan.sync();
        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(pushed.refused()).isZero();
        alice.sync();
        assertThat(alice.plan(plan.uid()).state()).isEqualTo(PlanState.APPROVED);
        assertThat(alice.governance.review(plan.id()).decisions()).singleElement()
                .satisfies(d -> assertThat(d.who()).isEqualTo("dan for bob"));
        // Nobody delegates someone else's decisions.
        assertThatThrownBy(() -> dan.policy.delegate("dan", "bob", "alice", java.time.Instant.now().plus(Duration.ofDays(1)), ""))
                .isInstanceOf(io.knobwright.model.approval.GovernanceRefusal.class).hasMessageContaining("bob");
    }

    @Test
    void theAuthorCannotApproveOnTheHubEvenThroughPlainSql() throws Exception {
        Workbench alice = new Workbench("alice");
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), null, "");
        alice.sync();
        try (Connection c = DriverManager.getConnection(hubUrl, "alice", null); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT * FROM knobwright_hub.decide(gen_random_uuid(), '" + plan.uid()
                    + "'::uuid, 'APPROVE', 'mine', NULL, NULL)")).hasMessageContaining("author may not decide");
            assertThatThrownBy(() -> s.execute("INSERT INTO knobwright_hub.hub_decision SELECT * FROM knobwright_hub.hub_decision"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(hubCount("SELECT count(*) FROM knobwright_hub.hub_decision")).isZero();
    }

    @Test
    void onlyTheLinkedLoginActsOnALinkedStore() {
        Workbench alice = new Workbench("alice");
        alice.store.governance().saveUser(new io.knobwright.model.policy.User("mallory",
                Set.of(io.knobwright.model.policy.Role.DBA)), "test", java.time.Instant.now());
        ChangePlan plan = alice.draft();
        ChangePlan mallorys = alice.store.plans().save(new ChangePlan(0, alice.instance.id(), "orders-1", "t", 1,
                java.time.Instant.now(), "mallory", PlanState.DRAFT, "live", plan.changes()));
        assertThatThrownBy(() -> alice.governance.submit("mallory", mallorys.id(), null, ""))
                .hasMessageContaining("syncs with the hub as alice");
        assertThat(alice.hub.status().orElseThrow().pending()).isZero();
    }

    @Test
    void aDecisionOnOneWorkbenchAppearsOnAnotherWithinASecond() throws Exception {
        Workbench alice = new Workbench("alice");
        Workbench bob = new Workbench("bob");
        CountDownLatch changed = new CountDownLatch(1);
        ChangePlan plan = alice.draft();
        alice.governance.submit("alice", plan.id(), null, "");
        alice.sync();
        bob.sync();
        try (HubSyncLoop loop = new HubSyncLoop(alice.hub, HubClient::connect, NO_ENV, Clock.systemUTC(), changed::countDown)) {
            Thread.sleep(500); // the loop connects and listens
            long t = System.nanoTime();
            bob.governance.approve("bob", bob.plan(plan.uid()).id(), "");
            bob.sync();
            boolean seen = waitForState(alice, plan.uid(), PlanState.APPROVED, Duration.ofSeconds(5));
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertThat(seen).as("alice's store sees bob's decision").isTrue();
            assertThat(ms).as("decision to appearance, ms").isLessThan(1000);
        }
    }

    @Test
    void fiftyReviewersDecidingAThousandPlansLoseAndDoubleNothingAndBothStoresAgreeWithTheHub() throws Exception {
        Workbench alice = new Workbench("alice");
        Workbench observer = new Workbench("carol");
        alice.store.governance().savePolicy(io.knobwright.model.policy.PolicyFile.readYaml(
                "fallback:\n  levels: [{role: reviewer, quorum: 2}]\n", "test"), "test", java.time.Instant.now(), "quorum of two");
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ChangePlan plan = alice.draft();
            alice.governance.submit("alice", plan.id(), null, "");
            uids.add(plan.uid());
        }
        assertThat(alice.sync().pushed()).isEqualTo(1000);

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> reviewers = new ArrayList<>();
        for (int r = 0; r < 50; r++) {
            String login = "reviewer" + r;
            List<String> order = new ArrayList<>(uids);
            java.util.Collections.shuffle(order, new java.util.Random(r));
            reviewers.add(Thread.ofPlatform().start(() -> {
                try (HubClient client = HubClient.connect(new ConnectionTarget(hubUrl, login, null))) {
                    for (String uid : order.subList(0, 100)) {
                        try {
                            client.decide(java.util.UUID.fromString(uid), java.util.UUID.randomUUID(),
                                    io.knobwright.connectors.hub.Verdict.APPROVE, "", null);
                            accepted.incrementAndGet();
                        } catch (io.knobwright.connectors.hub.HubRefusal e) {
                            refused.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : reviewers) {
            t.join();
        }
        long onHub = hubCount("SELECT count(*) FROM knobwright_hub.hub_decision");
        assertThat(onHub).isEqualTo(accepted.get());
        assertThat(accepted.get() + refused.get()).isEqualTo(5000);

        alice.sync();
        observer.sync();
        long approvedOnHub = hubCount("SELECT count(*) FROM knobwright_hub.hub_plan WHERE state = 'APPROVED'");
        for (Workbench w : List.of(alice, observer)) {
            long decisions = 0;
            long approved = 0;
            for (String uid : uids) {
                ChangePlan p = w.plan(uid);
                List<io.knobwright.model.approval.Decision> made = w.governance.review(p.id()).decisions();
                assertThat(made).as("decisions of " + uid).hasSizeLessThanOrEqualTo(2)
                        .extracting(io.knobwright.model.approval.Decision::actor).doesNotHaveDuplicates();
                decisions += made.size();
                approved += p.state() == PlanState.APPROVED ? 1 : 0;
                assertThat(p.state()).isEqualTo(made.size() == 2 ? PlanState.APPROVED : PlanState.SUBMITTED);
            }
            assertThat(decisions).isEqualTo(onHub);
            assertThat(approved).isEqualTo(approvedOnHub);
        }
    }

    private static boolean waitForState(Workbench w, String uid, PlanState state, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            if (w.plan(uid).state() == state) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
