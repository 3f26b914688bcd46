package io.knobwright.app.governance;

import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.RiskLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.knobwright.app.governance.GovernanceFixture.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Locked parameters, the gate before apply, and break-glass with its post-hoc review. */
class BreakGlassAndLocksTest {

    private final GovernanceFixture f = new GovernanceFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static GovernanceRefusal.Reason reason(Throwable t) {
        return ((GovernanceRefusal) t).reason();
    }

    @Test
    void aLockedParameterCannotBeAppliedWithoutApprovalEvenWhereItsRuleAsksForNone() {
        f.users("carol:admin", "alice:dba", "bob:reviewer");
        f.policy("""
                rules:
                  - name: development-free
                    match: {tiers: [development]}
                    levels: []
                """);
        f.policy.lock("carol", new LockRule(LockScope.parse("tag:team=payments"), new ParameterPattern("fsync"),
                "payments data must survive a crash"), "");
        ChangePlan plan = f.draft("alice", f.development, change("fsync", "on", "off", ApplyMode.RELOAD));

        assertThatThrownBy(() -> f.governance.requireReadyToApply("alice", plan.id()))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.LOCKED_WITHOUT_APPROVAL))
                .hasMessageContaining("touches locked fsync");
        PlanReview submitted = f.governance.submit("alice", plan.id(), null, "");
        assertThat(submitted.plan().state()).isEqualTo(PlanState.SUBMITTED);
        assertThat(submitted.submission().orElseThrow().chain().rule()).isEqualTo("default");
        assertThat(submitted.risk().level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(submitted.risk().reasons()).extracting(r -> r.text())
                .anyMatch(t -> t.contains("touches locked parameter fsync"))
                .anyMatch(t -> t.startsWith("fsync weakened from on to off"));
        assertThatThrownBy(() -> f.governance.requireReadyToApply("alice", plan.id()))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.LOCKED_WITHOUT_APPROVAL));

        f.governance.approve("bob", plan.id(), "accepted for the load test");
        assertThat(f.governance.requireReadyToApply("alice", plan.id()).state()).isEqualTo(PlanState.APPROVED);
        assertThat(f.audit.about("plan:" + plan.id())).extracting(r -> r.action())
                .containsSubsequence("plan.apply.refused", "plan.submitted", "plan.apply.refused", "plan.approved");
    }

    @Test
    void locksMatchByScope() {
        f.users("carol:admin", "alice:dba");
        f.policy.lock("carol", new LockRule(LockScope.parse("tier:production"), new ParameterPattern("enable_*"), ""), "");
        f.policy.lock("carol", new LockRule(LockScope.parse("instance:scratch-1"), new ParameterPattern("work_mem"), ""), "");
        ChangePlan prod = f.draft("alice", f.production, change("enable_seqscan", "on", "off", ApplyMode.ONLINE));
        ChangePlan dev = f.draft("alice", f.development, change("enable_seqscan", "on", "off", ApplyMode.ONLINE));
        ChangePlan devWorkMem = f.draft("alice", f.development);
        assertThat(f.governance.review(prod.id()).locks()).hasSize(1);
        assertThat(f.governance.review(dev.id()).locks()).isEmpty();
        assertThat(f.governance.review(devWorkMem.id()).locks()).singleElement()
                .satisfies(l -> assertThat(l.scope().toString()).isEqualTo("instance:scratch-1"));
    }

    @Test
    void onlyAdminsChangeThePolicyAndEveryChangeIsAVersionWithItsBeforeAndAfterAudited() {
        f.users("carol:admin", "alice:dba");
        assertThatThrownBy(() -> f.policy.lock("alice", new LockRule(LockScope.ALL, new ParameterPattern("fsync"), ""), ""))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ROLE_REQUIRED));
        var v1 = f.policy.lock("carol", new LockRule(LockScope.ALL, new ParameterPattern("fsync"), "never off"), "CHG7");
        var v2 = f.policy.unlock("carol", LockScope.ALL, new ParameterPattern("fsync"), "no longer needed");
        assertThat(v2.version()).isEqualTo(v1.version() + 1);
        assertThat(f.current().locks()).isEmpty();
        var records = f.audit.about("policy");
        assertThat(records).extracting(r -> r.action()).containsExactly("policy.lock.refused", "policy.locked", "policy.unlocked");
        assertThat(records.get(1).after()).contains("fsync").contains("never off");
        assertThat(records.get(2).before()).contains("fsync");
        assertThat(records.get(2).after()).doesNotContain("fsync");
    }

    @Test
    void onlyOperatorsBreakTheGlassAndOnlyWithAReason() {
        f.users("carol:admin", "alice:dba", "olga:operator");
        ChangePlan plan = f.draft("alice", f.production);
        assertThatThrownBy(() -> f.governance.bypass("alice", plan.id(), "the site is down, need it now"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ROLE_REQUIRED));
        assertThatThrownBy(() -> f.governance.bypass("olga", plan.id(), "urgent"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.REASON_REQUIRED));
        assertThat(f.state(plan)).isEqualTo(PlanState.DRAFT);
    }

    @Test
    void aBypassIsReadyToApplyAndOpensAReviewThatAnotherReviewerMustClose() {
        f.users("carol:admin", "alice:dba", "olga:operator,reviewer", "bob:reviewer");
        ChangePlan plan = f.draft("alice", f.production);
        f.governance.submit("alice", plan.id(), "INC-42", "");

        PlanReview bypassed = f.governance.bypass("olga", plan.id(), "checkout latency incident INC-42, sorts spill");
        assertThat(bypassed.plan().state()).isEqualTo(PlanState.BYPASSED);
        assertThat(f.governance.requireReadyToApply("olga", plan.id()).state()).isEqualTo(PlanState.BYPASSED);
        ReviewItem item = bypassed.reviews().getFirst();
        assertThat(item.open()).isTrue();
        assertThat(f.store.governance().reviews(true)).hasSize(1);

        assertThatThrownBy(() -> f.governance.closeReview("olga", item.id(), "all fine"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.SELF_APPROVAL));
        assertThatThrownBy(() -> f.governance.closeReview("alice", item.id(), "all fine"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ROLE_REQUIRED));
        ReviewItem closed = f.governance.closeReview("bob", item.id(), "justified: the spill stopped");
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo("bob");
        assertThat(f.store.governance().reviews(true)).isEmpty();
        assertThatThrownBy(() -> f.governance.closeReview("bob", item.id(), "twice"))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_PENDING));
    }

    @Test
    void aDraftIsNotReadyToApply() {
        f.users("carol:admin", "alice:dba");
        ChangePlan plan = f.draft("alice", f.production);
        assertThatThrownBy(() -> f.governance.requireReadyToApply("alice", plan.id()))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.NOT_PENDING));
    }

    @Test
    void theFirstUsersSetUpTheStoreThenOnlyAdminsAddUsers() {
        f.users("carol:admin");
        assertThatThrownBy(() -> f.policy.addUser("mallory", "mallory", java.util.Set.of(io.knobwright.model.policy.Role.ADMIN)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.UNKNOWN_USER));
        f.users("alice:dba");
        assertThatThrownBy(() -> f.policy.addUser("alice", "eve", java.util.Set.of(io.knobwright.model.policy.Role.ADMIN)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(GovernanceRefusal.Reason.ROLE_REQUIRED));
        assertThat(f.policy.users()).extracting(u -> u.name()).containsExactly("alice", "carol");
    }
}
