package io.knobwright.model.approval;

import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a round stands: levels in order, quorums of distinct people, rejection, expiry and escalation. */
class ApprovalProgressTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final ApprovalChain twoLevels = new ApprovalChain("production",
            List.of(new ApprovalLevel(Role.REVIEWER, 1), new ApprovalLevel(new Role("change-board"), 2)),
            Duration.ofHours(4), Role.ADMIN, Duration.ofDays(3));

    private int uid;

    private Decision approve(int level, String actor, Duration after) {
        return new Decision("d" + ++uid, 1, level, actor, null, Verdict.APPROVE, "", T0.plus(after));
    }

    private Decision approveFor(int level, String actor, String principal, Duration after) {
        return new Decision("d" + ++uid, 1, level, actor, principal, Verdict.APPROVE, "", T0.plus(after));
    }

    private Decision reject(int level, String actor, Duration after) {
        return new Decision("d" + ++uid, 1, level, actor, null, Verdict.REJECT, "no", T0.plus(after));
    }

    private ApprovalStatus at(Duration after, Decision... decisions) {
        return ApprovalProgress.evaluate(twoLevels, T0, List.of(decisions), T0.plus(after));
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    @Test
    void aFreshRoundWaitsForItsFirstLevel() {
        ApprovalStatus status = at(h(1));
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.PENDING);
        assertThat(status.pendingLevel()).isZero();
        assertThat(status.pending().since()).isEqualTo(T0);
        assertThat(status.levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.PENDING, LevelProgress.State.WAITING);
        assertThat(status.levels().get(1).since()).as("not pending yet").isNull();
        assertThat(status.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(status.text()).isEqualTo("level 1 of 2 (1 reviewer): 0 of 1 approval");
    }

    @Test
    void aLevelIsApprovedByItsQuorumOfDistinctPeople() {
        Decision first = approve(0, "bob", h(1));
        ApprovalStatus oneOfTwo = at(h(3), first, approve(1, "carol", h(2)), approve(1, "carol", h(2).plusMinutes(1)));
        assertThat(oneOfTwo.outcome()).isEqualTo(ApprovalStatus.Outcome.PENDING);
        assertThat(oneOfTwo.pendingLevel()).isEqualTo(1);
        assertThat(oneOfTwo.pending().approvals()).extracting(Decision::actor).containsExactly("carol");
        assertThat(oneOfTwo.text()).isEqualTo("level 2 of 2 (2 change-board): 1 of 2 approvals");

        ApprovalStatus approved = at(h(3), first, approve(1, "carol", h(2)), approve(1, "dave", h(2).plusMinutes(5)));
        assertThat(approved.outcome()).isEqualTo(ApprovalStatus.Outcome.APPROVED);
        assertThat(approved.pendingLevel()).isEqualTo(-1);
        assertThat(approved.pending()).isNull();
        assertThat(approved.levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.APPROVED, LevelProgress.State.APPROVED);
        assertThat(approved.levels().get(1).decidedAt()).as("decided by the approval that made the quorum").isEqualTo(T0.plus(h(2)).plusSeconds(300));
        assertThat(approved.text()).isEqualTo("approved");
    }

    @Test
    void aDelegateAndTheirDelegatorCountAsOnePerson() {
        ApprovalStatus status = at(h(3), approve(0, "bob", h(1)), approveFor(1, "erin", "carol", h(2)),
                approve(1, "carol", h(2).plusMinutes(1)));
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.PENDING);
        assertThat(status.pending().approvals()).extracting(Decision::principal).containsExactly("carol");
    }

    @Test
    void aRejectionEndsTheRoundAndLaterLevelsNeverOpen() {
        Decision no = reject(0, "bob", h(1));
        ApprovalStatus status = at(h(2), no, approve(1, "carol", h(1).plusMinutes(1)));
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.REJECTED);
        assertThat(status.pendingLevel()).isEqualTo(-1);
        assertThat(status.levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.REJECTED, LevelProgress.State.WAITING);
        assertThat(status.levels().get(0).rejection()).isEqualTo(no);
        assertThat(status.levels().get(0).decidedAt()).isEqualTo(no.at());
        assertThat(status.levels().get(1).approvals()).as("a waiting level counts nothing").isEmpty();
        assertThat(status.text()).isEqualTo("rejected");
    }

    @Test
    void oneRejectionOutweighsApprovalsShortOfTheQuorum() {
        ApprovalStatus status = at(h(3), approve(0, "bob", h(1)), approve(1, "carol", h(2)), reject(1, "dave", h(2).plusMinutes(1)));
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.REJECTED);
        assertThat(status.levels().get(1).approvals()).extracting(Decision::actor).containsExactly("carol");
    }

    @Test
    void aRejectionAfterTheQuorumWasReachedDoesNotUndoIt() {
        ApprovalStatus status = at(h(3), approve(0, "bob", h(1)), reject(0, "carol", h(2)));
        assertThat(status.levels().get(0).state()).isEqualTo(LevelProgress.State.APPROVED);
        assertThat(status.pendingLevel()).isEqualTo(1);
    }

    @Test
    void decisionsAreTakenInTheOrderTheyWereMadeNotListed() {
        Decision later = reject(0, "carol", h(2));
        Decision earlier = approve(0, "bob", h(1));
        ApprovalStatus status = ApprovalProgress.evaluate(twoLevels, T0, List.of(later, earlier), T0.plus(h(3)));
        assertThat(status.levels().get(0).state()).isEqualTo(LevelProgress.State.APPROVED);
    }

    @Test
    void aRoundExpiresExactlyAtItsExpiryTime() {
        Instant expiry = T0.plus(Duration.ofDays(3));
        ApprovalStatus before = ApprovalProgress.evaluate(twoLevels, T0, List.of(), expiry.minusNanos(1));
        assertThat(before.outcome()).isEqualTo(ApprovalStatus.Outcome.PENDING);

        ApprovalStatus atExpiry = ApprovalProgress.evaluate(twoLevels, T0, List.of(approve(0, "bob", h(1))), expiry);
        assertThat(atExpiry.outcome()).isEqualTo(ApprovalStatus.Outcome.EXPIRED);
        assertThat(atExpiry.pendingLevel()).isEqualTo(-1);
        assertThat(atExpiry.levels()).extracting(LevelProgress::state)
                .containsExactly(LevelProgress.State.APPROVED, LevelProgress.State.EXPIRED);
        assertThat(atExpiry.text()).isEqualTo("expired");
    }

    @Test
    void aRoundDecidedBeforeItsExpiryStaysDecided() {
        ApprovalStatus status = at(Duration.ofDays(10), approve(0, "bob", h(1)), approve(1, "carol", h(2)), approve(1, "dave", h(3)));
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.APPROVED);
    }

    @Test
    void aRoundWithoutExpiryWaitsForever() {
        ApprovalChain noExpiry = new ApprovalChain("r", twoLevels.levels(), null, null, null);
        ApprovalStatus status = ApprovalProgress.evaluate(noExpiry, T0, List.of(), T0.plus(Duration.ofDays(3650)));
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.PENDING);
        assertThat(status.expiresAt()).isNull();
        assertThat(status.pending().escalated()).isFalse();
        assertThat(ApprovalProgress.escalatesAt(noExpiry, status)).isNull();
    }

    @Test
    void escalationIsCountedFromWhenTheLevelBecamePendingNotFromSubmission() {
        Decision first = approve(0, "bob", h(5));
        ApprovalStatus eightHoursIn = at(h(8), first);
        assertThat(eightHoursIn.pendingLevel()).isEqualTo(1);
        assertThat(eightHoursIn.pending().since()).isEqualTo(T0.plus(h(5)));
        assertThat(eightHoursIn.pending().escalated()).as("pending for 3 of its 4 hours").isFalse();
        assertThat(ApprovalProgress.escalatesAt(twoLevels, eightHoursIn)).isEqualTo(T0.plus(h(9)));

        ApprovalStatus nineHoursIn = at(h(9), first);
        assertThat(nineHoursIn.pending().escalated()).isTrue();
        assertThat(nineHoursIn.text()).isEqualTo("level 2 of 2 (2 change-board): 0 of 2 approvals, escalated");
    }

    @Test
    void theFirstLevelEscalatesExactlyAtItsTime() {
        assertThat(at(h(4).minusNanos(1)).pending().escalated()).isFalse();
        assertThat(at(h(4)).pending().escalated()).isTrue();
    }

    @Test
    void nothingEscalatesOnceTheRoundIsDecided() {
        ApprovalStatus rejected = at(h(10), reject(0, "bob", h(1)));
        assertThat(ApprovalProgress.escalatesAt(twoLevels, rejected)).isNull();
    }

    @Test
    void aChainWithoutLevelsIsApprovedAtOnce() {
        ApprovalChain none = new ApprovalChain("development", List.of(), null, null, null);
        ApprovalStatus status = ApprovalProgress.evaluate(none, T0, List.of(), T0);
        assertThat(status.outcome()).isEqualTo(ApprovalStatus.Outcome.APPROVED);
        assertThat(status.levels()).isEmpty();
        assertThat(status.text()).isEqualTo("approved (no approval needed)");
    }

    @Test
    void decisionsOfOtherLevelsDoNotCount() {
        List<Decision> decisions = new ArrayList<>(List.of(approve(1, "carol", h(1)), approve(1, "dave", h(1))));
        ApprovalStatus status = ApprovalProgress.evaluate(twoLevels, T0, decisions, T0.plus(h(2)));
        assertThat(status.pendingLevel()).isZero();
        assertThat(status.pending().approvals()).isEmpty();
    }
}
