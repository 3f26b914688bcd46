package io.knobwright.connectors.hub;

import io.knobwright.connectors.hub.HubRefusal.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.knobwright.connectors.hub.HubPlans.BOARD_OF_TWO;
import static io.knobwright.connectors.hub.HubPlans.ESCALATING;
import static io.knobwright.connectors.hub.HubPlans.NO_LEVELS;
import static io.knobwright.connectors.hub.HubPlans.ONE_SENIOR;
import static io.knobwright.connectors.hub.HubPlans.SENIOR_THEN_BOARD;
import static io.knobwright.connectors.hub.HubPlans.submission;
import static io.knobwright.connectors.hub.Verdict.APPROVE;
import static io.knobwright.connectors.hub.Verdict.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The approval rules as the hub enforces them, through the client every workbench uses. */
class HubApprovalRulesTest {

    private static HubTestServer server;
    private String hub;
    private final Map<String, HubClient> clients = new HashMap<>();

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

    @AfterEach
    void closeClients() {
        clients.values().forEach(HubClient::close);
    }

    private HubClient as(String login) {
        return clients.computeIfAbsent(login, l -> server.client(hub, l));
    }

    private UUID submitted(String author, String chain) {
        UUID plan = UUID.randomUUID();
        as(author).submit(submission(plan, chain));
        return plan;
    }

    private DecisionReceipt approve(String login, UUID plan) {
        return as(login).decide(plan, UUID.randomUUID(), APPROVE, "looks right", null);
    }

    private static void assertRefused(Executable request, Reason reason) {
        assertThatThrownBy(request::execute).isInstanceOfSatisfying(HubRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private HubPlan plan(UUID uid) {
        return as("boss").plan(uid).orElseThrow();
    }

    @Test
    void planWithoutLevelsIsApprovedAtSubmission() {
        UUID plan = UUID.randomUUID();

        HubReceipt receipt = as("alice").submit(submission(plan, NO_LEVELS));

        assertThat(receipt.planState()).isEqualTo(HubPlanState.APPROVED);
        assertThat(plan(plan).state()).isEqualTo(HubPlanState.APPROVED);
        assertThat(plan(plan).pending()).isNull();
        assertRefused(() -> approve("bob", plan), Reason.LEVEL_COMPLETE);
    }

    @Test
    void oneLevelOfQuorumOneIsApprovedByOneHolderOfItsRole() {
        UUID plan = submitted("alice", ONE_SENIOR);

        assertRefused(() -> approve("carol", plan), Reason.NOT_ENTITLED);
        DecisionReceipt receipt = approve("bob", plan);

        assertThat(receipt.planState()).isEqualTo(HubPlanState.APPROVED);
        assertThat(receipt.completedLevel()).isTrue();
        assertThat(plan(plan).countedDecisions()).extracting(HubDecision::decidedBy).containsExactly("bob");
    }

    @Test
    void levelsAreDecidedInOrderAndTheSecondNeedsTwoDistinctApprovals() {
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);

        assertRefused(() -> approve("carol", plan), Reason.NOT_ENTITLED);
        assertThat(approve("bob", plan)).extracting(DecisionReceipt::planState, DecisionReceipt::level)
                .containsExactly(HubPlanState.SUBMITTED, 1);
        assertThat(plan(plan).pending()).extracting(PendingLevel::level, PendingLevel::role, PendingLevel::quorum, PendingLevel::approvals)
                .containsExactly(2, "change-board", 2, 0);
        DecisionReceipt first = approve("carol", plan);
        assertThat(first).extracting(DecisionReceipt::planState, DecisionReceipt::approvals, DecisionReceipt::quorum)
                .containsExactly(HubPlanState.SUBMITTED, 1, 2);
        assertRefused(() -> approve("carol", plan), Reason.ALREADY_DECIDED);
        DecisionReceipt second = approve("dave", plan);

        assertThat(second).extracting(DecisionReceipt::planState, DecisionReceipt::level, DecisionReceipt::approvals)
                .containsExactly(HubPlanState.APPROVED, 2, 2);
        assertRefused(() -> approve("erin", plan), Reason.LEVEL_COMPLETE);
        HubPlan approved = plan(plan);
        assertThat(approved.state()).isEqualTo(HubPlanState.APPROVED);
        assertThat(approved.decidedAt()).isNotNull();
        assertThat(approved.countedDecisions()).extracting(HubDecision::decidedBy, HubDecision::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", 1), org.assertj.core.groups.Tuple.tuple("carol", 2),
                        org.assertj.core.groups.Tuple.tuple("dave", 2));
    }

    @Test
    void aHolderOfACompletedLevelsRoleIsToldTheLevelIsComplete() {
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);
        approve("bob", plan);

        assertThatThrownBy(() -> approve("sam", plan)).isInstanceOfSatisfying(HubRefusal.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.LEVEL_COMPLETE);
            assertThat(r.getMessage()).contains("already complete").contains("level 2 (change-board) is pending");
        });
        assertRefused(() -> as("carol").decideAtLevel(plan, UUID.randomUUID(), APPROVE, null, null, 1), Reason.LEVEL_COMPLETE);
        assertRefused(() -> as("sam").decideAtLevel(plan, UUID.randomUUID(), APPROVE, null, null, 3), Reason.NOT_ENTITLED);
        assertThat(as("carol").decideAtLevel(plan, UUID.randomUUID(), APPROVE, null, null, 2).level()).isEqualTo(2);
    }

    @Test
    void oneRejectionAtTheFirstLevelRejectsThePlanForGood() {
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);

        DecisionReceipt receipt = as("bob").decide(plan, UUID.randomUUID(), REJECT, "work_mem too high for 300 sessions", null);

        assertThat(receipt.planState()).isEqualTo(HubPlanState.REJECTED);
        assertRefused(() -> approve("sam", plan), Reason.PLAN_NOT_PENDING);
        assertRefused(() -> as("alice").submit(submission(plan, SENIOR_THEN_BOARD)), Reason.PLAN_NOT_PENDING);
        assertThat(plan(plan).state()).isEqualTo(HubPlanState.REJECTED);
    }

    @Test
    void oneRejectionAtTheSecondLevelRejectsThePlanAfterItsFirstLevelApproved() {
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);
        approve("bob", plan);
        approve("carol", plan);

        DecisionReceipt receipt = as("dave").decide(plan, UUID.randomUUID(), REJECT, "not during month-end", null);

        assertThat(receipt).extracting(DecisionReceipt::planState, DecisionReceipt::level).containsExactly(HubPlanState.REJECTED, 2);
        assertRefused(() -> approve("erin", plan), Reason.PLAN_NOT_PENDING);
    }

    @Test
    void aLevelEscalatesToItsEscalationRoleOnlyAfterEscalateAfter() throws Exception {
        UUID plan = submitted("alice", ESCALATING);
        assertThat(plan(plan).pending().escalateTo()).isEqualTo("admin");
        assertThatThrownBy(() -> approve("boss", plan)).isInstanceOfSatisfying(HubRefusal.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.NOT_ENTITLED);
            assertThat(r.getMessage()).contains("holders of admin may decide it too");
        });

        server.age(hub, plan, "4 hours 1 minute");
        DecisionReceipt escalated = approve("boss", plan);

        assertThat(escalated.planState()).isEqualTo(HubPlanState.SUBMITTED);
        HubPlan after = plan(plan);
        assertThat(after.countedDecisions().getFirst()).extracting(HubDecision::entitledBy, HubDecision::escalated)
                .containsExactly("admin", true);
        // the second level has just become pending: its own four hours start now
        assertThat(after.pending().level()).isEqualTo(2);
        assertThat(after.pending().escalatesAt()).isAfter(Instant.now().plus(Duration.ofHours(3)));
    }

    @Test
    void aPlanUndecidedPastExpireAfterIsExpiredAndRefusesDecisions() throws Exception {
        UUID plan = submitted("alice", ESCALATING);
        server.age(hub, plan, "3 days 1 minute");

        assertRefused(() -> approve("bob", plan), Reason.PLAN_EXPIRED);
        assertThat(plan(plan).state()).as("read as expired before anyone marks it").isEqualTo(HubPlanState.EXPIRED);
        assertThat(as("rita").expireStale()).isEqualTo(1);
        assertThat(as("rita").expireStale()).isZero();
        assertThat(as("rita").eventsSince(0, 100).getLast()).extracting(HubEvent::kind, HubEvent::planUid, HubEvent::planState)
                .containsExactly(HubEventKind.PLAN_EXPIRED, plan, HubPlanState.EXPIRED);

        HubReceipt again = as("alice").submit(submission(plan, ESCALATING));
        assertThat(again).extracting(HubReceipt::round, HubReceipt::planState).containsExactly(2, HubPlanState.SUBMITTED);
        assertThat(approve("bob", plan).round()).isEqualTo(2);
    }

    @Test
    void aDelegateDecidesOnBehalfOfTheDelegatorWithinTheWindow() {
        UUID plan = submitted("alice", ONE_SENIOR);
        as("bob").delegate(UUID.randomUUID(), "nora", null, Instant.now().plus(Duration.ofDays(7)), "on leave this week");

        DecisionReceipt receipt = as("nora").decide(plan, UUID.randomUUID(), APPROVE, "for bob", "bob");

        assertThat(receipt.planState()).isEqualTo(HubPlanState.APPROVED);
        assertThat(plan(plan).countedDecisions().getFirst())
                .extracting(HubDecision::decidedBy, HubDecision::onBehalfOf, HubDecision::entitledBy)
                .containsExactly("nora", "bob", "senior-dba");
        assertThat(as("nora").eventsSince(0, 100).getLast()).extracting(HubEvent::actor, HubEvent::onBehalfOf)
                .containsExactly("nora", "bob");
    }

    @Test
    void aDelegationOutsideItsWindowOrRevokedEntitlesNobody() throws Exception {
        UUID plan = submitted("alice", ONE_SENIOR);
        assertRefused(() -> as("nora").decide(plan, UUID.randomUUID(), APPROVE, null, "bob"), Reason.NOT_ENTITLED);

        UUID later = UUID.randomUUID();
        as("bob").delegate(later, "nora", Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)), "next shift");
        assertThatThrownBy(() -> as("nora").decide(plan, UUID.randomUUID(), APPROVE, null, "bob"))
                .isInstanceOfSatisfying(HubRefusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.NOT_ENTITLED);
                    assertThat(r.getMessage()).contains("No delegation from bob to you (nora) is in force now");
                });

        server.moveDelegation(hub, later, "-2 hours", "-1 hour");
        assertRefused(() -> as("nora").decide(plan, UUID.randomUUID(), APPROVE, null, "bob"), Reason.NOT_ENTITLED);

        server.moveDelegation(hub, later, "-1 hour", "1 hour");
        as("bob").revokeDelegation(later);
        assertRefused(() -> as("nora").decide(plan, UUID.randomUUID(), APPROVE, null, "bob"), Reason.NOT_ENTITLED);

        UUID now = UUID.randomUUID();
        as("bob").delegate(now, "nora", null, Instant.now().plus(Duration.ofHours(1)), "covering");
        assertThat(as("nora").decide(plan, UUID.randomUUID(), APPROVE, null, "bob").planState()).isEqualTo(HubPlanState.APPROVED);
    }

    @Test
    void nobodyDecidesOnBehalfOfTheAuthor() {
        UUID plan = submitted("bob", BOARD_OF_TWO);
        as("bob").delegate(UUID.randomUUID(), "carol", null, Instant.now().plus(Duration.ofDays(1)), "away");

        assertRefused(() -> as("carol").decide(plan, UUID.randomUUID(), APPROVE, null, "bob"), Reason.SELF_APPROVAL);
        assertRefused(() -> approve("bob", plan), Reason.SELF_APPROVAL);
    }

    @Test
    void aDelegateAndTheDelegatorCountAsOnePersonWhoDecidesOnce() {
        UUID plan = submitted("alice", BOARD_OF_TWO);
        as("carol").delegate(UUID.randomUUID(), "dave", null, Instant.now().plus(Duration.ofDays(1)), "away");
        as("erin").delegate(UUID.randomUUID(), "dave", null, Instant.now().plus(Duration.ofDays(1)), "away too");

        approve("dave", plan);
        assertRefused(() -> as("dave").decide(plan, UUID.randomUUID(), APPROVE, null, "carol"), Reason.ALREADY_DECIDED);

        UUID other = submitted("alice", BOARD_OF_TWO);
        as("dave").decide(other, UUID.randomUUID(), APPROVE, null, "carol");
        assertRefused(() -> approve("carol", other), Reason.ALREADY_DECIDED);
        assertRefused(() -> approve("dave", other), Reason.ALREADY_DECIDED);
        assertRefused(() -> as("dave").decide(other, UUID.randomUUID(), APPROVE, null, "erin"), Reason.ALREADY_DECIDED);
        assertThat(plan(other).pending().approvals()).isEqualTo(1);
        assertThat(approve("erin", other).planState()).isEqualTo(HubPlanState.APPROVED);
    }

    @Test
    void aBypassOpensAReviewThatOnlyAnotherReviewerCloses() {
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);
        assertRefused(() -> as("carol").bypass(plan, UUID.randomUUID(), "urgent"), Reason.NOT_AUTHORISED);

        HubReceipt bypass = as("oscar").bypass(plan, UUID.randomUUID(), "INC-4411: checkpoints stalling, fix needed now");

        assertThat(bypass.planState()).isEqualTo(HubPlanState.BYPASSED);
        assertRefused(() -> approve("bob", plan), Reason.PLAN_NOT_PENDING);
        assertThat(plan(plan).reviews()).singleElement().satisfies(review -> {
            assertThat(review.open()).isTrue();
            assertThat(review.bypassedBy()).isEqualTo("oscar");
        });
        assertRefused(() -> as("oscar").closeReview(plan, UUID.randomUUID(), "fine"), Reason.SELF_APPROVAL);
        assertRefused(() -> as("carol").closeReview(plan, UUID.randomUUID(), "fine"), Reason.NOT_AUTHORISED);

        as("rita").closeReview(plan, UUID.randomUUID(), "Checked the incident log: the change was needed and is correct.");

        assertThat(plan(plan).reviews()).singleElement().satisfies(review -> {
            assertThat(review.open()).isFalse();
            assertThat(review.closedBy()).isEqualTo("rita");
        });
        assertRefused(() -> as("rita").closeReview(plan, UUID.randomUUID(), "again"), Reason.NO_OPEN_REVIEW);
        assertRefused(() -> as("oscar").bypass(plan, UUID.randomUUID(), "again"), Reason.PLAN_NOT_PENDING);
    }

    @Test
    void aWithdrawnPlanSubmittedAgainStartsAFreshRoundWhereEarlierDecisionsNoLongerCount() {
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);
        approve("bob", plan);
        approve("carol", plan);
        assertRefused(() -> as("ann").withdraw(plan, UUID.randomUUID(), "not mine"), Reason.NOT_AUTHORISED);
        assertRefused(() -> as("alice").submit(submission(plan, SENIOR_THEN_BOARD)), Reason.ALREADY_SUBMITTED);

        HubReceipt withdrawn = as("alice").withdraw(plan, UUID.randomUUID(), "shared_buffers too");
        assertThat(withdrawn.planState()).isEqualTo(HubPlanState.WITHDRAWN);
        assertRefused(() -> approve("dave", plan), Reason.PLAN_NOT_PENDING);

        HubReceipt again = as("alice").submit(submission(plan, SENIOR_THEN_BOARD));
        assertThat(again).extracting(HubReceipt::round, HubReceipt::planState).containsExactly(2, HubPlanState.SUBMITTED);
        assertThat(plan(plan).pending()).extracting(PendingLevel::level, PendingLevel::approvals).containsExactly(1, 0);
        assertThat(approve("bob", plan).round()).isEqualTo(2);

        HubPlan fresh = plan(plan);
        assertThat(fresh.decisions()).hasSize(3);
        assertThat(fresh.countedDecisions()).extracting(HubDecision::decidedBy).containsExactly("bob");
        assertThat(fresh.pending()).extracting(PendingLevel::level, PendingLevel::approvals).containsExactly(2, 0);
    }

    @Test
    void aRetryWithTheSameUidReturnsTheOriginalOutcomeWithoutRecordingTwice() {
        UUID plan = UUID.randomUUID();
        PlanSubmission submission = submission(plan, BOARD_OF_TWO);
        HubReceipt submitted = as("alice").submit(submission);
        assertThat(as("alice").submit(submission)).isEqualTo(new HubReceipt(submitted.requestUid(), plan, 1,
                HubPlanState.SUBMITTED, submitted.eventSeq(), true));

        UUID decision = UUID.randomUUID();
        DecisionReceipt first = as("carol").decide(plan, decision, APPROVE, "ok", null);
        approve("dave", plan);
        long events = as("carol").eventsSince(0, 1000).size();

        DecisionReceipt retried = as("carol").decide(plan, decision, APPROVE, "ok", null);

        assertThat(retried.replayed()).isTrue();
        assertThat(retried).usingRecursiveComparison().ignoringFields("replayed").isEqualTo(first);
        assertThat(retried.planState()).as("the outcome it had then").isEqualTo(HubPlanState.SUBMITTED);
        assertThat(as("carol").eventsSince(0, 1000)).hasSize((int) events);
        assertThat(plan(plan).decisions()).hasSize(2);
        assertRefused(() -> as("carol").decide(plan, decision, REJECT, "changed my mind", null), Reason.UID_CONFLICT);
        assertRefused(() -> as("dave").decide(plan, decision, APPROVE, "ok", null), Reason.UID_CONFLICT);
        assertRefused(() -> as("alice").submit(new PlanSubmission(submission.submissionUid(), UUID.randomUUID(), "other-db",
                null, "low", ONE_SENIOR, "{}")), Reason.UID_CONFLICT);
    }

    @Test
    void aChainTheHubCannotEnforceIsRefusedWithTheReason() {
        for (String chain : List.of("not json", "[]", "{\"rule\":\"x\"}",
                "{\"rule\":\"x\",\"levels\":[{\"role\":\"dba\",\"quorum\":0}]}",
                "{\"rule\":\"x\",\"levels\":[{\"role\":\"dba\",\"quorum\":1.5}]}",
                "{\"rule\":\"x\",\"levels\":[{\"role\":\"Senior DBA\",\"quorum\":1}]}",
                "{\"rule\":\"x\",\"levels\":[{\"role\":\"dba\",\"quorum\":1,\"team\":\"payments\"}]}",
                "{\"rule\":\"x\",\"levels\":[],\"requireTwoTeams\":true}",
                "{\"rule\":\"x\",\"levels\":[],\"escalateAfter\":\"PT4H\"}",
                "{\"rule\":\"x\",\"levels\":[],\"escalateAfter\":\"4 hours\",\"escalateTo\":\"admin\"}",
                "{\"rule\":\"x\",\"levels\":[],\"expireAfter\":\"PT0S\"}")) {
            assertThatThrownBy(() -> as("alice").submit(submission(UUID.randomUUID(), chain)))
                    .as(chain).isInstanceOfSatisfying(HubRefusal.class, r -> {
                        assertThat(r.reason()).isEqualTo(Reason.INVALID_REQUEST);
                        assertThat(r.getMessage()).containsIgnoringCase("chain");
                    });
        }
        assertThat(as("alice").eventsSince(0, 1000)).allMatch(e -> e.kind() == HubEventKind.MEMBER_CHANGED);
    }

    @Test
    void onlyAdminsChangeMembersAndRoles() {
        UUID plan = submitted("alice", ONE_SENIOR);
        assertRefused(() -> as("carol").setRoles("carol", Set.of("senior-dba")), Reason.NOT_AUTHORISED);
        assertRefused(() -> as("carol").addMember("stranger", Set.of("admin")), Reason.NOT_AUTHORISED);
        assertRefused(() -> as("boss").addMember("nobody_here", Set.of("dba")), Reason.INVALID_REQUEST);
        assertRefused(() -> as("boss").setRoles("boss", Set.of("dba")), Reason.INVALID_REQUEST);

        assertThat(as("boss").setRoles("nora", Set.of("senior-dba"))).isEqualTo(new HubMember("nora", Set.of("senior-dba"), true));
        assertThat(approve("nora", plan).planState()).isEqualTo(HubPlanState.APPROVED);

        as("boss").removeMember("bob");
        UUID next = submitted("alice", ONE_SENIOR);
        assertRefused(() -> approve("bob", next), Reason.NOT_AUTHORISED);
        assertThat(as("bob").me()).contains(new HubMember("bob", Set.of(), false));
    }

    @Test
    void aLoginThatIsNoMemberCannotUseTheHub() {
        assertThatThrownBy(() -> as("stranger").eventsSince(0, 10)).isInstanceOfSatisfying(HubRefusal.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.NOT_AUTHORISED);
            assertThat(r.getMessage()).contains("Login stranger may not use the approval hub").contains("Ask a hub admin");
        });
        assertRefused(() -> as("stranger").submit(submission(UUID.randomUUID(), ONE_SENIOR)), Reason.NOT_AUTHORISED);
    }

    @Test
    void anUnknownPlanIsRefusedAsUnknown() {
        assertRefused(() -> approve("bob", UUID.randomUUID()), Reason.UNKNOWN_PLAN);
        assertRefused(() -> as("alice").withdraw(UUID.randomUUID(), UUID.randomUUID(), null), Reason.UNKNOWN_PLAN);
        assertThat(as("bob").plan(UUID.randomUUID())).isEmpty();
    }

    @Test
    void eventsArePulledByCursorInOrderWithoutGaps() {
        long before = as("alice").eventsSince(0, 1000).getLast().seq();
        UUID plan = submitted("alice", SENIOR_THEN_BOARD);
        approve("bob", plan);
        approve("carol", plan);
        as("dave").decide(plan, UUID.randomUUID(), REJECT, "no", null);

        List<HubEvent> page1 = as("rita").eventsSince(before, 2);
        List<HubEvent> page2 = as("rita").eventsSince(page1.getLast().seq(), 10);

        assertThat(page1).extracting(HubEvent::seq).containsExactly(before + 1, before + 2);
        assertThat(page2).extracting(HubEvent::seq).containsExactly(before + 3, before + 4);
        assertThat(page1.getFirst()).extracting(HubEvent::kind, HubEvent::actor, HubEvent::planState, HubEvent::level)
                .containsExactly(HubEventKind.PLAN_SUBMITTED, "alice", HubPlanState.SUBMITTED, 1);
        assertThat(page1.getFirst().detailJson()).contains("\"ticket\": \"CHG0012345\"");
        assertThat(page2.getLast()).extracting(HubEvent::kind, HubEvent::actor, HubEvent::verdict, HubEvent::note, HubEvent::planState)
                .containsExactly(HubEventKind.DECISION_RECORDED, "dave", REJECT, "no", HubPlanState.REJECTED);
        assertThat(as("rita").eventsSince(page2.getLast().seq(), 10)).isEmpty();
    }
}
