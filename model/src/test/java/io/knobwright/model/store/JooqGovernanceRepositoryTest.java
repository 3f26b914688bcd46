package io.knobwright.model.store;

import io.knobwright.model.approval.ApprovalChain;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.approval.GovernanceRepository;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.policy.RiskAssessment;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.RuleMatch;
import io.knobwright.model.policy.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, policy versions and every plan's approval record, stored and read back as they were. */
class JooqGovernanceRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456789Z");
    private static final Instant T0_MICROS = Instant.parse("2026-12-01T09:00:00.123456Z");

    private final KnobwrightStore store = KnobwrightStore.inMemory("governance-" + System.nanoTime(), false);
    private final GovernanceRepository governance = store.governance();

    private final ApprovalChain chain = new ApprovalChain("production",
            List.of(new ApprovalLevel(Role.REVIEWER, 1), new ApprovalLevel(new Role("change-board"), 2)), Duration.ofHours(4),
            Role.ADMIN, Duration.ofDays(3));
    private final RiskAssessment risk = new RiskAssessment(RiskLevel.HIGH, List.of(new RiskReason(RiskLevel.HIGH, "touches a lock"),
            new RiskReason(RiskLevel.MEDIUM, "needs a restart")));

    @AfterEach
    void close() {
        store.close();
    }

    private long storedPlan(String instance) {
        return store.plans().save(new ChangePlan(0, 1, instance, "t", 1, T0, "alice", PlanState.DRAFT, "live",
                List.of(new PlannedChange("work_mem", "4096", "8192", "kB", ApplyMode.ONLINE, "t v1", "")))).id();
    }

    private Submission submission(long planId, int round, Instant at) {
        return new Submission(planId, round, "alice", at, chain, risk, "round " + round);
    }

    /** The store keeps microseconds, as it does for every time: decisions here are taken at whole microseconds. */
    private static Decision decision(String uid, int round, int level, String actor, String onBehalfOf, Verdict verdict, Instant at) {
        return new Decision(uid, round, level, actor, onBehalfOf, verdict, "looks fine", at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void usersAreAddedAndTheirRolesReplaced() {
        assertThat(governance.users()).isEmpty();
        governance.saveUser(new User("bob", Set.of(Role.REVIEWER)), "admin", T0);
        governance.saveUser(new User("alice", Set.of(Role.DBA, Role.ADMIN)), "admin", T0);
        governance.saveUser(new User("bob", Set.of(Role.OPERATOR, new Role("change-board"))), "alice", T0.plusSeconds(60));

        assertThat(governance.users()).extracting(User::name).containsExactly("alice", "bob");
        assertThat(governance.user("bob")).hasValue(new User("bob", Set.of(Role.OPERATOR, new Role("change-board"))));
        assertThat(governance.user("alice").orElseThrow().roles()).containsExactly(Role.ADMIN, Role.DBA);
        assertThat(governance.user("carol")).isEmpty();
    }

    @Test
    void aStoreWithoutPolicyUsesTheBuiltInDefault() {
        assertThat(governance.policy()).isEqualTo(PolicyVersion.BUILT_IN);
    }

    @Test
    void policyVersionsCountUpAndTheNewestReadsBackEqual() {
        Policy first = Policy.DEFAULT.withLock(new LockRule(LockScope.ALL, new ParameterPattern("fsync"), "never off"));
        Policy second = new Policy(first.locks(), List.of(new ApprovalRule("production", new RuleMatch(null, Set.of("production"),
                Map.of("team", "payments"), null, null, RiskLevel.MEDIUM, true, false, List.of(new ParameterPattern("shared_*"))),
                chain.levels(), Duration.ofHours(4), Role.ADMIN, Duration.ofDays(3))), ApprovalRule.defaultFallback(),
                List.of(new WebhookSubscription("https://hooks.example.com/k", Set.of(WebhookEvent.Type.BYPASS), "HOOK_SECRET", true)));

        PolicyVersion v1 = governance.savePolicy(first, "erin", T0, "lock fsync");
        PolicyVersion v2 = governance.savePolicy(second, "erin", T0.plusSeconds(60), null);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.changedAt()).as("kept to the microsecond, as stored").isEqualTo(T0_MICROS);
        PolicyVersion newest = governance.policy();
        assertThat(newest).isEqualTo(v2);
        assertThat(newest.policy()).isEqualTo(second);
        assertThat(newest.comment()).isEmpty();
        assertThat(newest.changedBy()).isEqualTo("erin");
    }

    @Test
    void aSubmissionReadsBackWithItsChainAndRisk() {
        long plan = storedPlan("pg-1");
        governance.saveSubmission(submission(plan, 1, T0));
        Submission back = governance.latestSubmission(plan).orElseThrow();
        assertThat(back).isEqualTo(new Submission(plan, 1, "alice", T0_MICROS, chain, risk, "round 1"));
        assertThat(governance.latestSubmission(plan + 1)).isEmpty();
    }

    @Test
    void theLatestSubmissionIsTheNewestRoundOfEachPlan() {
        long p1 = storedPlan("pg-1");
        long p2 = storedPlan("pg-2");
        long p3 = storedPlan("pg-3");
        governance.saveSubmission(submission(p1, 1, T0));
        governance.saveSubmission(submission(p1, 2, T0.plusSeconds(60)));
        governance.saveSubmission(submission(p2, 1, T0.plusSeconds(120)));

        assertThat(governance.latestSubmission(p1).orElseThrow().round()).isEqualTo(2);
        Map<Long, Submission> latest = governance.latestSubmissions(List.of(p1, p2, p3));
        assertThat(latest).containsOnlyKeys(p1, p2);
        assertThat(latest.get(p1).round()).isEqualTo(2);
        assertThat(latest.get(p2).round()).isEqualTo(1);
        assertThat(governance.latestSubmissions(List.of())).isEmpty();
    }

    @Test
    void decisionsAreReadPerRoundOldestFirst() {
        long plan = storedPlan("pg-1");
        governance.saveSubmission(submission(plan, 1, T0));
        governance.saveSubmission(submission(plan, 2, T0.plusSeconds(3600)));
        Decision later = decision("u-2", 1, 1, "carol", null, Verdict.REJECT, T0.plusSeconds(120));
        Decision earlier = decision("u-1", 1, 0, "dave", "bob", Verdict.APPROVE, T0.plusSeconds(60));
        Decision nextRound = decision("u-3", 2, 0, "bob", null, Verdict.APPROVE, T0.plusSeconds(3700));
        governance.saveDecision(plan, later);
        governance.saveDecision(plan, earlier);
        governance.saveDecision(plan, nextRound);

        assertThat(governance.decisions(plan, 1)).containsExactly(earlier, later);
        assertThat(governance.decisions(plan, 2)).containsExactly(nextRound);
        assertThat(governance.decisions(plan, 3)).isEmpty();
        Decision back = governance.decisions(plan, 1).getFirst();
        assertThat(back.who()).isEqualTo("dave for bob");
        assertThat(back.comment()).isEqualTo("looks fine");
    }

    @Test
    void decisionsOfManyPlansAreReadForEachPlansGivenRound() {
        long p1 = storedPlan("pg-1");
        long p2 = storedPlan("pg-2");
        long p3 = storedPlan("pg-3");
        governance.saveSubmission(submission(p1, 1, T0));
        governance.saveSubmission(submission(p1, 2, T0));
        governance.saveSubmission(submission(p2, 1, T0));
        governance.saveDecision(p1, decision("a", 1, 0, "bob", null, Verdict.APPROVE, T0.plusSeconds(1)));
        governance.saveDecision(p1, decision("b", 2, 0, "carol", null, Verdict.APPROVE, T0.plusSeconds(2)));
        governance.saveDecision(p2, decision("c", 1, 0, "bob", null, Verdict.APPROVE, T0.plusSeconds(3)));
        governance.saveDecision(p2, decision("d", 1, 1, "dave", null, Verdict.REJECT, T0.plusSeconds(4)));

        Map<Long, List<Decision>> byPlan = governance.decisions(Map.of(p1, 2, p2, 1, p3, 1));
        assertThat(byPlan).containsOnlyKeys(p1, p2);
        assertThat(byPlan.get(p1)).extracting(Decision::uid).containsExactly("b");
        assertThat(byPlan.get(p2)).extracting(Decision::uid).containsExactly("c", "d");
        assertThat(governance.decisions(Map.of())).isEmpty();
    }

    @Test
    void aDecisionIsKnownByItsUidSoThatSyncingItTwiceDoesNotDoubleIt() {
        long plan = storedPlan("pg-1");
        governance.saveSubmission(submission(plan, 1, T0));
        assertThat(governance.hasDecision("u-1")).isFalse();
        governance.saveDecision(plan, decision("u-1", 1, 0, "bob", null, Verdict.APPROVE, T0));
        assertThat(governance.hasDecision("u-1")).isTrue();
        assertThatThrownBy(() -> governance.saveDecision(plan, decision("u-1", 1, 0, "bob", null, Verdict.APPROVE, T0)))
                .as("the store refuses the same uid twice").isInstanceOf(RuntimeException.class);
        assertThat(governance.decisions(plan, 1)).hasSize(1);
    }

    @Test
    void anEscalationIsRecordedOncePerLevelOfARound() {
        long plan = storedPlan("pg-1");
        governance.saveSubmission(submission(plan, 1, T0));
        governance.saveSubmission(submission(plan, 2, T0));
        assertThat(governance.markEscalated(plan, 1, 0, T0)).isTrue();
        assertThat(governance.markEscalated(plan, 1, 0, T0.plusSeconds(60))).isFalse();
        assertThat(governance.markEscalated(plan, 1, 1, T0)).as("another level").isTrue();
        assertThat(governance.markEscalated(plan, 2, 0, T0)).as("another round").isTrue();
    }

    @Test
    void delegationsAreListedUntilTheirWindowEnds() {
        Delegation stored = governance.saveDelegation(new Delegation(0, "bob", "dave", T0, T0.plus(Duration.ofDays(7)), "holiday"));
        governance.saveDelegation(new Delegation(0, "carol", "dave", T0.minus(Duration.ofDays(7)), T0, "past"));
        Delegation future = governance.saveDelegation(new Delegation(0, "erin", "frank", T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(2)), ""));

        assertThat(stored.id()).isPositive();
        assertThat(stored.validFrom()).isEqualTo(T0_MICROS);
        assertThat(governance.delegations(T0)).containsExactly(stored, future);
        assertThat(governance.delegations(T0.plus(Duration.ofDays(1)).plusSeconds(1))).containsExactly(stored, future);
        assertThat(governance.delegations(T0.plus(Duration.ofDays(7)))).isEmpty();
    }

    @Test
    void aReviewIsOpenedThenClosedOnce() {
        ReviewItem opened = governance.openReview(new ReviewItem(0, 42, "oscar", T0, "outage at 3am", null, null, null));
        assertThat(opened.id()).isPositive();
        assertThat(opened.open()).isTrue();
        assertThat(opened.reason()).isEqualTo("outage at 3am");
        assertThat(governance.review(opened.id())).hasValue(opened);

        ReviewItem closed = governance.closeReview(opened.id(), "bob", T0.plusSeconds(3600), "reviewed, fine");
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo("bob");
        assertThat(closed.closedAt()).isEqualTo(T0_MICROS.plusSeconds(3600));
        assertThat(closed.closeComment()).isEqualTo("reviewed, fine");

        assertThatThrownBy(() -> governance.closeReview(opened.id(), "carol", T0.plusSeconds(7200), "again"))
                .isInstanceOf(StoreException.class)
                .hasMessage("Review item " + opened.id() + " is not open (closed meanwhile, or no such item).");
        assertThat(governance.review(opened.id()).orElseThrow().closedBy()).as("the first close stands").isEqualTo("bob");
        assertThatThrownBy(() -> governance.closeReview(9999, "bob", T0, "")).isInstanceOf(StoreException.class);
        assertThat(governance.review(9999)).isEmpty();
    }

    @Test
    void openReviewsAreListedFirstThenClosedOnesNewestFirst() {
        ReviewItem r1 = governance.openReview(new ReviewItem(0, 1, "oscar", T0, "one", null, null, null));
        ReviewItem r2 = governance.openReview(new ReviewItem(0, 2, "oscar", T0, "two", null, null, null));
        ReviewItem r3 = governance.openReview(new ReviewItem(0, 3, "oscar", T0, "three", null, null, null));
        ReviewItem r4 = governance.openReview(new ReviewItem(0, 4, "oscar", T0, "four", null, null, null));
        governance.closeReview(r2.id(), "bob", T0, "");
        governance.closeReview(r4.id(), "bob", T0, "");

        assertThat(governance.reviews(false)).extracting(ReviewItem::id).containsExactly(r3.id(), r1.id(), r4.id(), r2.id());
        assertThat(governance.reviews(true)).extracting(ReviewItem::id).containsExactly(r3.id(), r1.id());
    }

    @Test
    void governanceWrittenInAUnitOfWorkIsKeptOrDroppedWithIt() {
        assertThatThrownBy(() -> store.inTransaction(repos -> {
            repos.governance().saveUser(new User("bob", Set.of(Role.REVIEWER)), "admin", T0);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(governance.user("bob")).isEmpty();
        store.inTransaction(repos -> repos.governance().saveUser(new User("bob", Set.of(Role.REVIEWER)), "admin", T0));
        assertThat(governance.user("bob")).isPresent();
    }
}
