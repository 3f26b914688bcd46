package io.knobwright.model.approval;

import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may decide the pending level: separation of duties, roles, escalation and delegations. */
class DecisionRulesTest {

    private static final Instant T0 = ApprovalProgressTest.T0;
    private static final Role BOARD = new Role("change-board");

    private final ApprovalChain chain = new ApprovalChain("production",
            List.of(new ApprovalLevel(Role.REVIEWER, 1), new ApprovalLevel(BOARD, 1)), Duration.ofHours(4), Role.ADMIN, Duration.ofDays(3));

    private final User alice = new User("alice", Set.of(Role.DBA, Role.REVIEWER));
    private final User bob = new User("bob", Set.of(Role.REVIEWER));
    private final User carol = new User("carol", Set.of(Role.REVIEWER, BOARD));
    private final User dave = new User("dave", Set.of(Role.DBA));
    private final User erin = new User("erin", Set.of(Role.ADMIN));
    private final User frank = new User("frank", Set.of(BOARD));
    private final Map<String, User> users = Stream.of(alice, bob, carol, dave, erin, frank)
            .collect(Collectors.toMap(User::name, Function.identity()));

    private static Delegation delegation(String from, String to) {
        return new Delegation(1, from, to, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(7)), "holiday");
    }

    private static Decision decision(int level, String actor, String onBehalfOf, Verdict verdict) {
        return new Decision("u-" + actor + level, 1, level, actor, onBehalfOf, verdict, "", T0.plusSeconds(60));
    }

    private Optional<String> principal(User actor, List<Decision> decisions, List<Delegation> delegations, Instant now) {
        ApprovalStatus status = ApprovalProgress.evaluate(chain, T0, decisions, now);
        return DecisionRules.principalFor(actor, "alice", chain, status, decisions, users, delegations, now);
    }

    private Optional<String> principal(User actor, List<Delegation> delegations) {
        return principal(actor, List.of(), delegations, T0.plusSeconds(3600));
    }

    private GovernanceRefusal refusal(User actor, List<Decision> decisions, List<Delegation> delegations, Instant now) {
        try {
            principal(actor, decisions, delegations, now);
        } catch (GovernanceRefusal refused) {
            ApprovalStatus status = ApprovalProgress.evaluate(chain, T0, decisions, now);
            assertThat(DecisionRules.canDecide(actor, "alice", chain, status, decisions, users, delegations, now))
                    .as("canDecide agrees").isFalse();
            return refused;
        }
        throw new AssertionError(actor.name() + " was allowed to decide");
    }

    private GovernanceRefusal refusal(User actor, List<Delegation> delegations) {
        return refusal(actor, List.of(), delegations, T0.plusSeconds(3600));
    }

    @Test
    void aHolderOfTheLevelsRoleDecidesInTheirOwnRight() {
        assertThat(principal(bob, List.of())).isEmpty();
        ApprovalStatus status = ApprovalProgress.evaluate(chain, T0, List.of(), T0);
        assertThat(DecisionRules.canDecide(bob, "alice", chain, status, List.of(), users, List.of(), T0)).isTrue();
    }

    @Test
    void theAuthorNeverDecidesOnTheirOwnPlan() {
        GovernanceRefusal refused = refusal(alice, List.of());
        assertThat(refused.reason()).isEqualTo(GovernanceRefusal.Reason.SELF_APPROVAL);
        assertThat(refused.getMessage()).isEqualTo("alice wrote this plan and may not decide on it: separation of duties needs another reviewer.");
    }

    @Test
    void nobodyDecidesTwiceNotEvenAtAnotherLevelOrThroughADelegate() {
        List<Decision> carolApproved = List.of(decision(0, "carol", null, Verdict.APPROVE));
        GovernanceRefusal refused = refusal(carol, carolApproved, List.of(), T0.plusSeconds(3600));
        assertThat(refused.reason()).isEqualTo(GovernanceRefusal.Reason.ALREADY_DECIDED);
        assertThat(refused.getMessage()).isEqualTo("carol already decided on this plan; one person decides once, at one level.");

        List<Decision> forCarol = List.of(decision(0, "bob", "carol", Verdict.APPROVE));
        assertThat(refusal(carol, forCarol, List.of(), T0.plusSeconds(3600)).reason())
                .as("decided for by a delegate").isEqualTo(GovernanceRefusal.Reason.ALREADY_DECIDED);
        assertThat(refusal(bob, forCarol, List.of(), T0.plusSeconds(3600)).reason())
                .as("decided as a delegate").isEqualTo(GovernanceRefusal.Reason.ALREADY_DECIDED);
    }

    @Test
    void aDecidedRoundWaitsForNoDecision() {
        List<Decision> rejected = List.of(decision(0, "bob", null, Verdict.REJECT));
        GovernanceRefusal refused = refusal(carol, rejected, List.of(), T0.plusSeconds(3600));
        assertThat(refused.reason()).isEqualTo(GovernanceRefusal.Reason.NOT_PENDING);
        assertThat(refused.getMessage()).isEqualTo("The plan is rejected and waits for no decision.");
    }

    @Test
    void anExpiredRoundSaysWhenItExpiredAndWhatToDo() {
        GovernanceRefusal refused = refusal(bob, List.of(), List.of(), T0.plus(Duration.ofDays(3)));
        assertThat(refused.reason()).isEqualTo(GovernanceRefusal.Reason.EXPIRED);
        assertThat(refused.getMessage()).isEqualTo("The request expired at 2026-12-04T09:00:00Z without a decision;"
                + " the author can submit the plan again.");
        assertThat(refused.kind()).isEqualTo(io.knobwright.model.UserError.Kind.INPUT);
    }

    @Test
    void someoneWithoutTheRoleIsToldWhichRoleItNeeds() {
        GovernanceRefusal refused = refusal(dave, List.of());
        assertThat(refused.reason()).isEqualTo(GovernanceRefusal.Reason.NOT_ELIGIBLE);
        assertThat(refused.getMessage()).isEqualTo("dave may not decide level 1: it needs a reviewer. An admin can add the role"
                + " with `knobwright user add --name dave --role ...`.");
    }

    @Test
    void onlyTheNextLevelsRoleDecidesIt() {
        List<Decision> first = List.of(decision(0, "bob", null, Verdict.APPROVE));
        assertThat(principal(frank, first, List.of(), T0.plusSeconds(3600))).isEmpty();
        assertThat(refusal(dave, first, List.of(), T0.plusSeconds(3600)).getMessage()).startsWith("dave may not decide level 2: it needs a change-board.");
    }

    @Test
    void afterEscalationTheEscalationRoleMayDecideToo() {
        assertThat(refusal(erin, List.of(), List.of(), T0.plus(Duration.ofHours(4)).minusNanos(1)).reason())
                .isEqualTo(GovernanceRefusal.Reason.NOT_ELIGIBLE);
        assertThat(principal(erin, List.of(), List.of(), T0.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(refusal(dave, List.of(), List.of(), T0.plus(Duration.ofHours(5))).getMessage())
                .startsWith("dave may not decide level 1: it needs a reviewer or admin.");
    }

    @Test
    void aDelegateDecidesForTheFirstEligibleDelegatorByName() {
        assertThat(principal(dave, List.of(delegation("carol", "dave"), delegation("bob", "dave")))).hasValue("bob");
        assertThat(principal(dave, List.of(delegation("frank", "dave"), delegation("carol", "dave"))))
                .as("frank lacks the role; carol has it").hasValue("carol");
    }

    @Test
    void aDelegationOutsideItsWindowOrToSomeoneElseIsIgnored() {
        Delegation ended = new Delegation(1, "bob", "dave", T0.minus(Duration.ofDays(2)), T0, "");
        Delegation notYet = new Delegation(2, "carol", "dave", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), "");
        Delegation toFrank = delegation("bob", "frank");
        GovernanceRefusal refused = refusal(dave, List.of(ended, notYet, toFrank));
        assertThat(refused.reason()).isEqualTo(GovernanceRefusal.Reason.NOT_ELIGIBLE);
        assertThat(refused.getMessage()).doesNotContain("delegations");
    }

    @Test
    void aDelegatorWhoCannotGiveTheRightIsSkippedWithTheReasonInTheMessage() {
        List<Delegation> delegations = List.of(delegation("alice", "dave"), delegation("zed", "dave"),
                delegation("erin", "dave"));
        GovernanceRefusal refused = refusal(dave, List.of(), delegations, T0.plusSeconds(3600));
        assertThat(refused.getMessage()).isEqualTo("dave may not decide level 1: it needs a reviewer; delegations from"
                + " alice (the author), erin (not reviewer), zed (no longer a user) do not give it. An admin can add the role"
                + " with `knobwright user add --name dave --role ...`.");
    }

    @Test
    void aDelegatorWhoAlreadyDecidedIsSkippedForTheNextOne() {
        List<Decision> bobDecided = List.of(new Decision("b", 1, 0, "bob", null, Verdict.APPROVE, "", T0.plusSeconds(60)));
        // bob approved level 0; level 1 (change-board) is pending: bob's delegation cannot count again, frank's can
        assertThat(principal(dave, bobDecided, List.of(delegation("bob", "dave"), delegation("frank", "dave")),
                T0.plusSeconds(3600))).hasValue("frank");
        GovernanceRefusal refused = refusal(dave, bobDecided, List.of(delegation("bob", "dave")), T0.plusSeconds(3600));
        assertThat(refused.getMessage()).contains("delegations from bob (already decided) do not give it");
    }
}
