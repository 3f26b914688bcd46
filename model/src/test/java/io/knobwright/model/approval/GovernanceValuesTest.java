package io.knobwright.model.approval;

import io.knobwright.model.UserError;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.RiskAssessment;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.RuleMatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The approval record's values: valid or refused, and their JSON read back equal (the store and the hub keep it). */
class GovernanceValuesTest {

    private static final Instant T0 = ApprovalProgressTest.T0;
    private static final Role BOARD = new Role("change-board");

    private final ApprovalChain chain = new ApprovalChain("production",
            List.of(new ApprovalLevel(new Role("senior-dba"), 1), new ApprovalLevel(BOARD, 2)), Duration.ofHours(4), Role.ADMIN,
            Duration.ofDays(3));

    @Test
    void aChainReadsBackEqualFromItsJson() {
        String json = GovernanceJson.chain(chain);
        assertThat(json).isEqualTo("{\"rule\":\"production\",\"levels\":[{\"role\":\"senior-dba\",\"quorum\":1},"
                + "{\"role\":\"change-board\",\"quorum\":2}],\"escalateAfter\":\"PT4H\",\"escalateTo\":\"admin\",\"expireAfter\":\"PT72H\"}");
        assertThat(GovernanceJson.chain(json)).isEqualTo(chain);
    }

    @Test
    void aChainWithoutTimesOrLevelsLeavesThemOut() {
        ApprovalChain none = new ApprovalChain("development", List.of(), null, null, null);
        assertThat(GovernanceJson.chain(none)).isEqualTo("{\"rule\":\"development\",\"levels\":[]}");
        assertThat(GovernanceJson.chain(GovernanceJson.chain(none))).isEqualTo(none);
        assertThat(GovernanceJson.chain("{\"rule\":\"development\"}")).isEqualTo(none);
    }

    @Test
    void aChainFromTheHubIsReadInIsoDaysAndWithFieldsItDoesNotKnow() {
        ApprovalChain read = GovernanceJson.chain("{\"rule\":\"r\",\"levels\":[{\"role\":\"reviewer\",\"quorum\":1}],"
                + "\"expireAfter\":\"P3D\",\"hubVersion\":2}");
        assertThat(read.expireAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(read.text()).isEqualTo("1 reviewer");
    }

    @Test
    void aRiskReadsBackEqualFromItsJson() {
        RiskAssessment risk = new RiskAssessment(RiskLevel.CRITICAL, List.of(new RiskReason(RiskLevel.MEDIUM, "needs a restart"),
                new RiskReason(RiskLevel.CRITICAL, "fsync weakened from on to off: \"corrupt\"")));
        assertThat(GovernanceJson.risk(GovernanceJson.risk(risk))).isEqualTo(risk);
        assertThat(GovernanceJson.risk(GovernanceJson.risk(RiskAssessment.NONE))).isEqualTo(RiskAssessment.NONE);
        assertThat(GovernanceJson.risk("{\"level\":\"HIGH\"}")).isEqualTo(new RiskAssessment(RiskLevel.HIGH, List.of()));
    }

    @Test
    void unreadableJsonIsSaidToBeUnreadable() {
        assertThatThrownBy(() -> GovernanceJson.chain("{\"rule\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Stored ChainDoc is not readable: ");
        assertThatThrownBy(() -> GovernanceJson.risk("[1]")).hasMessageStartingWith("Stored RiskDoc is not readable: ");
    }

    @Test
    void aChainIsCopiedFromItsRule() {
        ApprovalRule rule = new ApprovalRule("production", RuleMatch.ANY, chain.levels(), Duration.ofHours(4), Role.ADMIN, Duration.ofDays(3));
        assertThat(ApprovalChain.of(rule)).isEqualTo(chain);
        assertThat(chain.text()).isEqualTo("1 senior-dba, then 2 change-board");
        assertThat(new ApprovalChain("none", List.of(), null, null, null).text()).isEqualTo("no approval");
        assertThatThrownBy(() -> new ApprovalChain("r", List.of(), Duration.ofHours(1), null, null))
                .hasMessage("An approval chain needs both escalateAfter and escalateTo, or neither");
        assertThatThrownBy(() -> new ApprovalChain(null, List.of(), null, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDecisionKnowsWhoseRightItUsed() {
        Decision own = new Decision("u1", 1, 0, "bob", " ", Verdict.APPROVE, null, T0);
        assertThat(own.onBehalfOf()).isNull();
        assertThat(own.comment()).isEmpty();
        assertThat(own.principal()).isEqualTo("bob");
        assertThat(own.who()).isEqualTo("bob");
        assertThat(own.involves("bob")).isTrue();
        assertThat(own.involves("carol")).isFalse();

        Decision delegated = new Decision("u2", 2, 1, "dave", "carol", Verdict.REJECT, "too big", T0);
        assertThat(delegated.principal()).isEqualTo("carol");
        assertThat(delegated.who()).isEqualTo("dave for carol");
        assertThat(delegated.involves("dave")).isTrue();
        assertThat(delegated.involves("carol")).isTrue();
        assertThat(delegated.involves("bob")).isFalse();
    }

    @Test
    void aDecisionNeedsAUidARoundALevelAndItsParts() {
        assertThatThrownBy(() -> new Decision(" ", 1, 0, "bob", null, Verdict.APPROVE, "", T0)).hasMessage("A decision needs a uid");
        assertThatThrownBy(() -> new Decision(null, 1, 0, "bob", null, Verdict.APPROVE, "", T0)).hasMessage("A decision needs a uid");
        assertThatThrownBy(() -> new Decision("u", 0, 0, "bob", null, Verdict.APPROVE, "", T0))
                .hasMessage("A decision needs a round >= 1 and a level >= 0");
        assertThatThrownBy(() -> new Decision("u", 1, -1, "bob", null, Verdict.APPROVE, "", T0))
                .hasMessage("A decision needs a round >= 1 and a level >= 0");
        assertThatThrownBy(() -> new Decision("u", 1, 0, null, null, Verdict.APPROVE, "", T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Decision("u", 1, 0, "bob", null, null, "", T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Decision("u", 1, 0, "bob", null, Verdict.APPROVE, "", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDelegationIsActiveFromItsStartUntilJustBeforeItsEnd() {
        Delegation d = new Delegation(0, "bob", "dave", T0, T0.plus(Duration.ofDays(7)), "  holiday ");
        assertThat(d.reason()).isEqualTo("holiday");
        assertThat(d.activeAt(T0.minusNanos(1))).isFalse();
        assertThat(d.activeAt(T0)).isTrue();
        assertThat(d.activeAt(T0.plus(Duration.ofDays(7)).minusNanos(1))).isTrue();
        assertThat(d.activeAt(T0.plus(Duration.ofDays(7)))).isFalse();
        assertThat(new Delegation(0, "bob", "dave", T0, T0.plusSeconds(1), null).reason()).isEmpty();
    }

    @Test
    void aDelegationGoesToSomeoneElseAndEndsAfterItStarts() {
        assertThatThrownBy(() -> new Delegation(0, "bob", "bob", T0, T0.plusSeconds(1), ""))
                .hasMessage("A user cannot delegate to themselves");
        assertThatThrownBy(() -> new Delegation(0, "bob", "dave", T0, T0, ""))
                .hasMessage("A delegation must end after it starts (2026-12-01T09:00:00Z .. 2026-12-01T09:00:00Z)");
        assertThatThrownBy(() -> new Delegation(0, "bob", "dave", T0, T0.minusSeconds(1), "")).hasMessageStartingWith("A delegation must end after it starts");
        assertThatThrownBy(() -> new Delegation(0, null, "dave", T0, T0.plusSeconds(1), "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Delegation(0, "bob", null, T0, T0.plusSeconds(1), "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Delegation(0, "bob", "dave", null, T0, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Delegation(0, "bob", "dave", T0, null, "")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSubmissionOpensARoundNumberedFromOne() {
        Submission s = new Submission(4, 1, "alice", T0, chain, RiskAssessment.NONE, null);
        assertThat(s.comment()).isEmpty();
        assertThatThrownBy(() -> new Submission(4, 0, "alice", T0, chain, RiskAssessment.NONE, "")).hasMessage("Rounds are numbered from 1");
        assertThatThrownBy(() -> new Submission(4, 1, null, T0, chain, RiskAssessment.NONE, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Submission(4, 1, "alice", null, chain, RiskAssessment.NONE, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Submission(4, 1, "alice", T0, null, RiskAssessment.NONE, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Submission(4, 1, "alice", T0, chain, null, "")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aReviewItemIsOpenUntilClosed() {
        ReviewItem open = new ReviewItem(1, 4, "oscar", T0, null, null, null, null);
        assertThat(open.open()).isTrue();
        assertThat(open.reason()).isEmpty();
        assertThat(open.closeComment()).isEmpty();
        ReviewItem closed = new ReviewItem(1, 4, "oscar", T0, "outage", "bob", T0.plusSeconds(60), "fine");
        assertThat(closed.open()).isFalse();
        assertThatThrownBy(() -> new ReviewItem(1, 4, null, T0, "", null, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReviewItem(1, 4, "oscar", null, "", null, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRefusalIsAUserErrorWithItsReason() {
        GovernanceRefusal refusal = new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, "Only operators break the glass.");
        assertThat(refusal).isInstanceOf(UserError.class);
        assertThat(refusal.kind()).isEqualTo(UserError.Kind.INPUT);
        assertThat(refusal.reason()).isEqualTo(GovernanceRefusal.Reason.ROLE_REQUIRED);
        assertThat(refusal.getMessage()).isEqualTo("Only operators break the glass.");
        assertThatThrownBy(() -> new GovernanceRefusal(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aLevelProgressKeepsACopyOfItsApprovals() {
        var approvals = new java.util.ArrayList<Decision>(List.of(new Decision("u", 1, 0, "bob", null, Verdict.APPROVE, "", T0)));
        LevelProgress progress = new LevelProgress(chain.levels().getFirst(), LevelProgress.State.APPROVED, approvals, null, T0, T0, false);
        approvals.clear();
        assertThat(progress.approvals()).hasSize(1);
    }
}
