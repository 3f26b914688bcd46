package io.knobwright.connectors.hub;

import io.knobwright.connectors.hub.HubRefusal.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.knobwright.connectors.hub.HubPlans.BOARD_OF_TWO;
import static io.knobwright.connectors.hub.HubPlans.ONE_SENIOR;
import static io.knobwright.connectors.hub.HubPlans.submission;
import static io.knobwright.connectors.hub.Verdict.APPROVE;
import static io.knobwright.connectors.hub.Verdict.REJECT;
import static org.assertj.core.api.Assertions.assertThat;

/** Reviewers deciding at the same moment, many at once, and the hub telling listeners within a second. */
class HubConcurrencyTest {

    private static HubTestServer server;
    private String hub;

    @BeforeAll
    static void startServer() throws Exception {
        server = HubTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshHub() throws Exception {
        hub = server.newHub();
    }

    /** What one attempt came to: a receipt or a typed refusal. */
    private record Outcome(DecisionReceipt receipt, Reason refusal) {
        static Outcome of(Callable<DecisionReceipt> attempt) throws Exception {
            try {
                return new Outcome(attempt.call(), null);
            } catch (HubRefusal refusal) {
                return new Outcome(null, refusal.reason());
            }
        }
    }

    private static List<Outcome> race(List<Callable<DecisionReceipt>> attempts) throws Exception {
        CyclicBarrier start = new CyclicBarrier(attempts.size());
        try (ExecutorService threads = Executors.newFixedThreadPool(attempts.size())) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<DecisionReceipt> attempt : attempts) {
                futures.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return Outcome.of(attempt);
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }

    @Test
    void twoReviewersRacingOnALevelGetExactlyOneOutcome() throws Exception {
        try (HubClient alice = server.client(hub, "alice"); HubClient bob = server.client(hub, "bob");
             HubClient sam = server.client(hub, "sam")) {
            for (int round = 0; round < 20; round++) {
                UUID plan = UUID.randomUUID();
                alice.submit(submission(plan, ONE_SENIOR));

                List<Outcome> outcomes = race(List.of(
                        () -> bob.decide(plan, UUID.randomUUID(), APPROVE, "go", null),
                        () -> sam.decide(plan, UUID.randomUUID(), REJECT, "stop", null)));

                List<Outcome> recorded = outcomes.stream().filter(o -> o.receipt() != null).toList();
                assertThat(recorded).hasSize(1);
                DecisionReceipt winner = recorded.getFirst().receipt();
                Reason loserWasTold = outcomes.stream().filter(o -> o.receipt() == null).findFirst().orElseThrow().refusal();
                HubPlan after = alice.plan(plan).orElseThrow();
                if (winner.verdict() == APPROVE) {
                    assertThat(after.state()).isEqualTo(HubPlanState.APPROVED);
                    assertThat(loserWasTold).isEqualTo(Reason.LEVEL_COMPLETE);
                } else {
                    assertThat(after.state()).isEqualTo(HubPlanState.REJECTED);
                    assertThat(loserWasTold).isEqualTo(Reason.PLAN_NOT_PENDING);
                }
                assertThat(after.decisions()).hasSize(1);
            }
        }
    }

    @Test
    void threeReviewersRacingForAQuorumOfTwoRecordExactlyTwo() throws Exception {
        try (HubClient alice = server.client(hub, "alice"); HubClient carol = server.client(hub, "carol");
             HubClient dave = server.client(hub, "dave"); HubClient erin = server.client(hub, "erin")) {
            for (int round = 0; round < 20; round++) {
                UUID plan = UUID.randomUUID();
                alice.submit(submission(plan, BOARD_OF_TWO));

                List<Outcome> outcomes = race(List.of(
                        () -> carol.decide(plan, UUID.randomUUID(), APPROVE, null, null),
                        () -> dave.decide(plan, UUID.randomUUID(), APPROVE, null, null),
                        () -> erin.decide(plan, UUID.randomUUID(), APPROVE, null, null)));

                assertThat(outcomes).filteredOn(o -> o.receipt() != null).extracting(o -> o.receipt().approvals())
                        .containsExactlyInAnyOrder(1, 2);
                assertThat(outcomes).filteredOn(o -> o.receipt() == null).extracting(Outcome::refusal)
                        .containsExactly(Reason.LEVEL_COMPLETE);
                assertThat(alice.plan(plan).orElseThrow().decisions()).hasSize(2);
            }
        }
    }

    @Test
    void theSameDecisionSentTwiceAtOnceIsRecordedOnce() throws Exception {
        try (HubClient alice = server.client(hub, "alice"); HubClient carolHere = server.client(hub, "carol");
             HubClient carolRestarted = server.client(hub, "carol")) {
            for (int round = 0; round < 10; round++) {
                UUID plan = UUID.randomUUID();
                alice.submit(submission(plan, BOARD_OF_TWO));
                UUID decision = UUID.randomUUID();

                List<Outcome> outcomes = race(List.of(
                        () -> carolHere.decide(plan, decision, APPROVE, "ok", null),
                        () -> carolRestarted.decide(plan, decision, APPROVE, "ok", null)));

                assertThat(outcomes).allMatch(o -> o.receipt() != null);
                assertThat(outcomes).extracting(o -> o.receipt().replayed()).containsExactlyInAnyOrder(false, true);
                assertThat(outcomes).extracting(o -> o.receipt().eventSeq()).containsOnly(outcomes.getFirst().receipt().eventSeq());
                assertThat(alice.plan(plan).orElseThrow().pending().approvals()).isEqualTo(1);
            }
        }
    }

    @Test
    void fiftyReviewersDecidingAThousandPlansLoseAndDoubleNothing() throws Exception {
        int reviewers = 50;
        int plans = 1000;
        List<String> logins = new ArrayList<>();
        try (HubClient boss = server.client(hub, "boss")) {
            for (int i = 1; i <= reviewers; i++) {
                String login = "board_%02d".formatted(i);
                server.createLogins(login);
                boss.addMember(login, Set.of("change-board"));
                logins.add(login);
            }
        }
        List<UUID> planUids = new ArrayList<>();
        try (HubClient alice = server.client(hub, "alice")) {
            for (int i = 0; i < plans; i++) {
                UUID plan = UUID.randomUUID();
                alice.submit(submission(plan, BOARD_OF_TWO));
                planUids.add(plan);
            }
        }

        Map<UUID, DecisionReceipt> recorded = new ConcurrentHashMap<>();
        Map<Reason, AtomicLong> refused = new ConcurrentHashMap<>();
        AtomicLong untyped = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(reviewers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < reviewers; r++) {
                String login = logins.get(r);
                List<UUID> order = new ArrayList<>(planUids);
                Collections.shuffle(order, new Random(r));
                running.add(threads.submit(() -> {
                    try (HubClient client = server.client(hub, login)) {
                        for (UUID plan : order) {
                            UUID decision = UUID.randomUUID();
                            try {
                                recorded.put(decision, client.decide(plan, decision, APPROVE, null, null));
                            } catch (HubRefusal refusal) {
                                refused.computeIfAbsent(refusal.reason(), k -> new AtomicLong()).incrementAndGet();
                            } catch (RuntimeException other) {
                                untyped.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(5, TimeUnit.MINUTES);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Hub scale: %d reviewers x %d plans = %d decision attempts in %.1f s (%.0f/s)%n", reviewers, plans,
                reviewers * plans, took.toMillis() / 1000.0, reviewers * plans * 1000.0 / Math.max(1, took.toMillis()));

        assertThat(untyped.get()).as("attempts that failed without a typed refusal").isZero();
        assertThat(recorded).hasSize(2 * plans);
        Map<Reason, Long> refusals = new EnumMap<>(Reason.class);
        refused.forEach((reason, count) -> refusals.put(reason, count.get()));
        assertThat(refusals).isEqualTo(Map.of(Reason.LEVEL_COMPLETE, (long) (reviewers - 2) * plans));
        Set<UUID> approvedByReceipt = new HashSet<>();
        recorded.values().stream().filter(r -> r.planState() == HubPlanState.APPROVED).forEach(r -> approvedByReceipt.add(r.planUid()));
        assertThat(approvedByReceipt).hasSize(plans);
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_plan WHERE state = 'APPROVED'"))
                .isEqualTo(plans);
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM (SELECT plan_uid FROM knobwright_hub.hub_decision"
                + " GROUP BY plan_uid HAVING count(*) = 2 AND count(DISTINCT decided_by) = 2) twice")).isEqualTo(plans);
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_decision")).isEqualTo(2L * plans);
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_decision d WHERE d.decision_uid = ANY (?)",
                (Object) recorded.keySet().toArray(UUID[]::new))).isEqualTo(2L * plans);
        assertThat(server.superuserCount(hub, "SELECT max(seq) - count(*) FROM knobwright_hub.hub_event"))
                .as("event numbers without gaps").isZero();
        assertThat(took).as("50 x 1000 decision attempts on two cores").isLessThan(Duration.ofSeconds(120));
    }

    /** What one listen() returned, and when. */
    private record Heard(List<Long> seqs, long at) {
    }

    @Test
    void aListenerSeesAnotherClientsDecisionWellWithinOneSecond() throws Exception {
        try (HubClient alice = server.client(hub, "alice"); HubClient carol = server.client(hub, "carol");
             HubClient rita = server.client(hub, "rita");
             ExecutorService listening = Executors.newSingleThreadExecutor()) {
            rita.listen(Duration.ZERO);
            long cursor = rita.eventsSince(0, HubClient.MAX_PULL).getLast().seq();
            List<Long> latenciesMicros = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                UUID plan = UUID.randomUUID();
                long submitted = alice.submit(submission(plan, BOARD_OF_TWO)).eventSeq();
                Future<Heard> heard = listening.submit(() -> {
                    while (true) {
                        List<Long> seqs = rita.listen(Duration.ofSeconds(5));
                        if (seqs.isEmpty() || seqs.getLast() > submitted) {
                            return new Heard(seqs, System.nanoTime());
                        }
                    }
                });
                Thread.sleep(20);

                long before = System.nanoTime();
                DecisionReceipt decided = carol.decide(plan, UUID.randomUUID(), APPROVE, null, null);
                Heard got = heard.get(10, TimeUnit.SECONDS);

                assertThat(got.seqs()).contains(decided.eventSeq());
                latenciesMicros.add((got.at() - before) / 1000);
                List<HubEvent> pulled = rita.eventsSince(cursor, HubClient.MAX_PULL);
                assertThat(pulled.getLast()).extracting(HubEvent::seq, HubEvent::kind, HubEvent::actor)
                        .containsExactly(decided.eventSeq(), HubEventKind.DECISION_RECORDED, "carol");
                cursor = pulled.getLast().seq();
            }
            Collections.sort(latenciesMicros);
            System.out.printf("Hub notify: decide() to listen() return, median %.1f ms, max %.1f ms%n",
                    latenciesMicros.get(latenciesMicros.size() / 2) / 1000.0, latenciesMicros.getLast() / 1000.0);
            assertThat(latenciesMicros.getLast()).as("slowest of 20, in microseconds").isLessThan(1_000_000);
        }
    }
}
