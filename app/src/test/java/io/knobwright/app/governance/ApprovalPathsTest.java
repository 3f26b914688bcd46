package io.knobwright.app.governance;

import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.approval.LevelProgress;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way through approval: each rule shape, quorum, rejection at each level, and separation of duties. */
class ApprovalPathsTest {

    private final GovernanceFixture f = new GovernanceFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static GovernanceRefusal.Reason reason(Throwable t) {
        return ((GovernanceRefusal) t).reason();
    }

    @Test
    void outOfTheBoxOneReviewerWhoIsNotTheAuthorApproves() {
        f.users("carol:admin", "alice:dba", "bob:reviewer");
        ChangePlan plan = f.draft("alice", f.production);

        PlanReview submitted = f.governance.submit("alice", plan.id(), "CHG0001", "more sort memory");
        assertThat(submitted.plan().state()).isEqualTo(PlanState.SUBMITTED);
        assertThat(submitted.plan().ticket()).isEqualTo("CHG0001");
        assertThat(submitted.submission().orElseThrow().chain().text()).isEqualTo("1 reviewer");

        PlanReview approved = f.governance.approve("bob", plan.id(), "fine");
        assertThat(approved.plan().state()).isEqualTo(PlanState.APPROVED);
        assertThat(approved.decisions()).singleElement().satisfies(d -> assertThat(d.actor()).isEqualTo("bob"));
    }

    @Test
    void theAuthorCannotApproveTheirOwnPlanAndTheAttemptIsAudited() {
        f.users("carol:admin", "alice:dba,reviewer");
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");

        assertThatThrownBy(() -> f.governance.approve("alice", plan.id(), "looks good to me"))
                .isInstanceOf(GovernanceRefusal.class).satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.SELF_APPROVAL))
                .hasMessageContaining("separation of duties");
        assertThat(f.state(plan)).isEqualTo(PlanState.SUBMITTED);
        assertThat(f.audit.about("plan:" + plan.id())).last().satisfies(r -> {
            assertThat(r.action()).isEqualTo("plan.approve.refused");
            assertThat(r.actor()).isEqualTo("alice");
            assertThat(r.after()).isEqualTo("SELF_APPROVAL");
        });
    }

    @Test
    void nobodyDecidesTwiceOnOnePlanEvenAtAnotherLevel() {
        f.users("carol:admin", "alice:dba", "bob:reviewer,senior-dba");
        f.policy("""
                rules:
                  - name: two-step
                    levels: [{role: reviewer, quorum: 1}, {role: senior-dba, quorum: 1}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");
        f.governance.approve("bob", plan.id(), "level 1");

        assertThatThrownBy(() -> f.governance.approve("bob", plan.id(), "level 2 as well"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ALREADY_DECIDED));
        assertThat(f.governance.review(plan.id()).status().orElseThrow().pendingLevel()).isEqualTo(1);
    }

    @Test
    void aRuleWithoutLevelsApprovesAtSubmission() {
        f.users("carol:admin", "alice:dba");
        f.policy("""
                rules:
                  - name: development-free
                    match: {tiers: [development]}
                    levels: []
                """);
        ChangePlan plan = f.draft("alice", f.development);
        assertThat(f.governance.submit("alice", plan.id(), null, "").plan().state()).isEqualTo(PlanState.APPROVED);
    }

    @Test
    void firstMatchingRuleWinsAndTheFallbackCatchesTheRest() {
        f.users("carol:admin", "alice:dba");
        f.policy("""
                rules:
                  - name: production
                    match: {tiers: [production]}
                    levels: [{role: senior-dba, quorum: 1}, {role: change-board, quorum: 2}]
                  - name: payments
                    match: {tags: {team: payments}}
                    levels: [{role: reviewer, quorum: 1}]
                fallback:
                  levels: [{role: admin, quorum: 1}]
                """);
        assertThat(f.governance.submit("alice", f.draft("alice", f.production).id(), null, "").submission().orElseThrow()
                .chain().rule()).isEqualTo("production");
        assertThat(f.governance.submit("alice", f.draft("alice", f.development).id(), null, "").submission().orElseThrow()
                .chain().rule()).isEqualTo("payments");
        f.policy("""
                rules:
                  - name: mysql-only
                    match: {engines: [mysql]}
                    levels: [{role: reviewer, quorum: 1}]
                fallback:
                  levels: [{role: admin, quorum: 1}]
                """);
        assertThat(f.governance.submit("alice", f.draft("alice", f.development).id(), null, "").submission().orElseThrow()
                .chain().text()).isEqualTo("1 admin");
    }

    @Test
    void aQuorumNeedsThatManyDistinctApprovers() {
        f.users("carol:admin", "alice:dba", "bob:change-board", "dan:change-board", "erin:change-board");
        f.policy("""
                rules:
                  - name: board
                    levels: [{role: change-board, quorum: 2}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");

        PlanReview one = f.governance.approve("bob", plan.id(), "");
        assertThat(one.plan().state()).isEqualTo(PlanState.SUBMITTED);
        assertThat(one.progressText()).isEqualTo("level 1 of 1 (2 change-board): 1 of 2 approvals");
        assertThat(f.governance.approve("dan", plan.id(), "").plan().state()).isEqualTo(PlanState.APPROVED);
        assertThatThrownBy(() -> f.governance.approve("erin", plan.id(), "late"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_PENDING));
    }

    @Test
    void levelsAreDecidedInOrderAndOnlyByTheirRole() {
        f.users("carol:admin", "alice:dba", "sam:senior-dba", "bob:change-board", "dan:change-board");
        f.policy("""
                rules:
                  - name: production
                    levels: [{role: senior-dba, quorum: 1}, {role: change-board, quorum: 2}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");

        assertThatThrownBy(() -> f.governance.approve("bob", plan.id(), "board first?"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_ELIGIBLE))
                .hasMessageContaining("needs a senior-dba");
        f.governance.approve("sam", plan.id(), "");
        f.governance.approve("bob", plan.id(), "");
        PlanReview done = f.governance.approve("dan", plan.id(), "");
        assertThat(done.plan().state()).isEqualTo(PlanState.APPROVED);
        assertThat(done.status().orElseThrow().levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.APPROVED, LevelProgress.State.APPROVED);
    }

    @Test
    void aRejectionAtTheFirstLevelEndsTheRound() {
        f.users("carol:admin", "alice:dba", "sam:senior-dba", "bob:change-board");
        f.policy("""
                rules:
                  - name: production
                    levels: [{role: senior-dba, quorum: 1}, {role: change-board, quorum: 1}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");

        assertThatThrownBy(() -> f.governance.reject("sam", plan.id(), " "))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.REASON_REQUIRED));
        PlanReview rejected = f.governance.reject("sam", plan.id(), "too large a step");
        assertThat(rejected.plan().state()).isEqualTo(PlanState.REJECTED);
        assertThat(rejected.status().orElseThrow().levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.REJECTED, LevelProgress.State.WAITING);
        assertThatThrownBy(() -> f.governance.approve("bob", plan.id(), ""))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_PENDING));
    }

    @Test
    void aRejectionAtTheSecondLevelEndsTheRoundAfterTheFirstApproved() {
        f.users("carol:admin", "alice:dba", "sam:senior-dba", "bob:change-board", "dan:change-board");
        f.policy("""
                rules:
                  - name: production
                    levels: [{role: senior-dba, quorum: 1}, {role: change-board, quorum: 2}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");
        f.governance.approve("sam", plan.id(), "");
        f.governance.approve("bob", plan.id(), "");

        PlanReview rejected = f.governance.reject("dan", plan.id(), "not during the sale");
        assertThat(rejected.plan().state()).isEqualTo(PlanState.REJECTED);
        assertThat(rejected.status().orElseThrow().levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.APPROVED, LevelProgress.State.REJECTED);
    }

    @Test
    void aDelegateDecidesForTheDelegatorWithinTheWindowOnly() {
        f.users("carol:admin", "alice:dba", "sam:senior-dba", "pat:dba");
        f.policy("""
                rules:
                  - name: senior
                    levels: [{role: senior-dba, quorum: 1}]
                """);
        f.policy.delegate("sam", "sam", "pat", f.clock.instant().plus(Duration.ofDays(2)), "on holiday");
        ChangePlan first = f.draft("alice", f.production);
        f.governance.submit("alice", first.id(), null, "");

        PlanReview approved = f.governance.approve("pat", first.id(), "for sam");
        assertThat(approved.plan().state()).isEqualTo(PlanState.APPROVED);
        assertThat(approved.decisions()).singleElement().satisfies(d -> assertThat(d.who()).isEqualTo("pat for sam"));

        f.clock.advance(Duration.ofDays(3));
        ChangePlan second = f.draft("alice", f.production);
        f.governance.submit("alice", second.id(), null, "");
        assertThatThrownBy(() -> f.governance.approve("pat", second.id(), "window over"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_ELIGIBLE));
    }

    @Test
    void aDelegateCannotActForTheAuthorNorForSomeoneWhoAlreadyDecided() {
        f.users("carol:admin", "sam:senior-dba,dba", "tom:senior-dba", "pat:dba");
        f.policy("""
                rules:
                  - name: two-seniors
                    levels: [{role: senior-dba, quorum: 1}, {role: senior-dba, quorum: 1}]
                """);
        f.policy.delegate("sam", "sam", "pat", f.clock.instant().plus(Duration.ofDays(1)), "away");
        f.policy.delegate("tom", "tom", "pat", f.clock.instant().plus(Duration.ofDays(1)), "away");
        ChangePlan samsPlan = f.draft("sam", f.production);
        f.governance.submit("sam", samsPlan.id(), null, "");
        PlanReview first = f.governance.approve("pat", samsPlan.id(), "");
        assertThat(first.decisions()).singleElement().satisfies(d -> assertThat(d.who()).isEqualTo("pat for tom"));
        assertThatThrownBy(() -> f.governance.approve("pat", samsPlan.id(), "again for sam"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ALREADY_DECIDED));
        assertThatThrownBy(() -> f.governance.approve("tom", samsPlan.id(), "myself now"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ALREADY_DECIDED));
    }

    @Test
    void aWaitingLevelEscalatesToTheNamedRoleAfterItsTimeoutAndIsAuditedOnce() {
        f.users("carol:admin", "alice:dba", "sam:senior-dba", "boss:admin");
        f.policy("""
                rules:
                  - name: senior
                    levels: [{role: senior-dba, quorum: 1}]
                    escalateAfter: 4h
                    escalateTo: admin
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");
        assertThatThrownBy(() -> f.governance.approve("boss", plan.id(), "too early"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_ELIGIBLE));

        f.clock.advance(Duration.ofHours(5));
        assertThat(f.governance.sweep()).isEqualTo(1);
        assertThat(f.governance.sweep()).isZero();
        assertThat(f.governance.review(plan.id()).progressText()).endsWith("escalated");
        assertThat(f.governance.approve("boss", plan.id(), "sam is out").plan().state()).isEqualTo(PlanState.APPROVED);
        assertThat(f.audit.about("plan:" + plan.id())).extracting(r -> r.action())
                .containsOnlyOnce("plan.escalated");
    }

    @Test
    void aStaleRequestExpiresAndCanNoLongerBeDecided() {
        f.users("carol:admin", "alice:dba", "bob:reviewer");
        f.policy("""
                rules:
                  - name: quick
                    levels: [{role: reviewer, quorum: 1}]
                    expireAfter: 3d
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");
        f.clock.advance(Duration.ofDays(3).plusMinutes(1));

        assertThatThrownBy(() -> f.governance.approve("bob", plan.id(), "back from leave"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.EXPIRED));
        assertThat(f.state(plan)).isEqualTo(PlanState.EXPIRED);
        assertThat(f.audit.about("plan:" + plan.id())).extracting(r -> r.action())
                .contains("plan.expired", "plan.approve.refused");
    }

    @Test
    void theMatchedRuleIsCopiedSoEditingThePolicyLaterDoesNotChangeAPendingPlan() {
        f.users("carol:admin", "alice:dba", "bob:reviewer", "dan:reviewer");
        f.policy("""
                rules:
                  - name: two
                    levels: [{role: reviewer, quorum: 2}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");
        f.policy("""
                rules:
                  - name: one
                    levels: [{role: reviewer, quorum: 1}]
                """);
        assertThat(f.governance.approve("bob", plan.id(), "").plan().state()).isEqualTo(PlanState.SUBMITTED);
        assertThat(f.governance.approve("dan", plan.id(), "").plan().state()).isEqualTo(PlanState.APPROVED);
    }

    @Test
    void aPlanEditedAfterSubmissionGoesBackToDraftAndItsNextRoundStartsAfresh() {
        f.users("carol:admin", "alice:dba", "bob:reviewer", "dan:reviewer");
        f.policy("""
                rules:
                  - name: two
                    levels: [{role: reviewer, quorum: 2}]
                """);
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), null, "");
        f.governance.approve("bob", plan.id(), "");

        PlanReview edited = f.governance.edit("alice", plan.id(),
                java.util.List.of(GovernanceFixture.change("work_mem", "4096", "16384", ApplyMode.ONLINE)), "bigger");
        assertThat(edited.plan().state()).isEqualTo(PlanState.DRAFT);
        assertThat(edited.plan().changes()).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo("16384"));
        assertThatThrownBy(() -> f.governance.approve("dan", plan.id(), ""))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_PENDING));

        PlanReview again = f.governance.submit("alice", plan.id(), null, "round two");
        assertThat(again.submission().orElseThrow().round()).isEqualTo(2);
        assertThat(again.decisions()).isEmpty();
        f.governance.approve("bob", plan.id(), "");
        assertThat(f.governance.approve("dan", plan.id(), "").plan().state()).isEqualTo(PlanState.APPROVED);
    }

    @Test
    void onlyTheAuthorOrAnAdminSubmitsAndUnknownUsersAreTurnedAway() {
        f.users("carol:admin", "alice:dba", "bob:reviewer");
        ChangePlan plan = f.draft("alice", f.production);
        assertThatThrownBy(() -> f.governance.submit("bob", plan.id(), null, ""))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ROLE_REQUIRED));
        assertThatThrownBy(() -> f.governance.submit("mallory", plan.id(), null, ""))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.UNKNOWN_USER))
                .hasMessageContaining("user add --name mallory");
        assertThatThrownBy(() -> f.governance.submit("alice", plan.id(), "CHG 1; DROP", ""))
                .hasMessageContaining("is not a ticket reference");
        assertThat(f.state(plan)).isEqualTo(PlanState.DRAFT);
    }
}
