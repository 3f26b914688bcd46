package io.knobwright.model.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.knobwright.model.policy.PolicyExamples.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The values governance is made of accept what a user may write and refuse the rest with a message saying why. */
class PolicyValuesTest {

    @Test
    void aRoleIsReadWithoutRegardToCaseOrBlanks() {
        assertThat(Role.of(" Senior-DBA ")).isEqualTo(new Role("senior-dba"));
        assertThat(Role.of("REVIEWER")).isEqualTo(Role.REVIEWER);
        assertThat(Role.ADMIN.toString()).isEqualTo("admin");
        assertThat(List.of(Role.REVIEWER, Role.ADMIN, Role.DBA).stream().sorted().toList()).containsExactly(Role.ADMIN, Role.DBA, Role.REVIEWER);
    }

    @Test
    void aRoleNameIsLowerCaseLettersDigitsAndDashes() {
        assertThatThrownBy(() -> Role.of(null)).hasMessage("A role name is missing");
        for (String bad : new String[]{"", "senior dba", "9lives", "-x", "a".repeat(41), "dba!"}) {
            assertThatThrownBy(() -> Role.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a role name");
        }
        assertThatThrownBy(() -> new Role("Reviewer")).as("the constructor does not fold case").isInstanceOf(IllegalArgumentException.class);
        assertThat(Role.of("a".repeat(40)).name()).hasSize(40);
    }

    @Test
    void aUserHasAValidNameAndAtLeastOneRole() {
        User alice = new User("alice.smith@corp", Set.of(Role.REVIEWER, Role.DBA));
        assertThat(alice.has(Role.REVIEWER)).isTrue();
        assertThat(alice.has(Role.ADMIN)).isFalse();
        assertThat(alice.roles()).containsExactly(Role.DBA, Role.REVIEWER);
        assertThatThrownBy(() -> alice.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);

        assertThatThrownBy(() -> new User("alice", Set.of())).hasMessage("User 'alice' needs at least one role (dba, reviewer, operator, admin)");
        assertThatThrownBy(() -> new User("alice", null)).isInstanceOf(NullPointerException.class);
        for (String bad : new String[]{null, "", "1alice", "alice smith", "a".repeat(64), "-x"}) {
            assertThatThrownBy(() -> new User(bad, Set.of(Role.DBA))).as(String.valueOf(bad)).hasMessageContaining("is not valid");
            assertThat(User.validName(bad)).isFalse();
        }
        assertThat(User.validName("_svc-deploy")).isTrue();
        assertThat(User.validName("a".repeat(63))).isTrue();
    }

    @Test
    void aLevelNeedsAQuorumFromOneToFifty() {
        assertThat(level("change-board", 2).toString()).isEqualTo("2 change-board");
        assertThat(level("x", ApprovalLevel.MAX_QUORUM).quorum()).isEqualTo(50);
        assertThatThrownBy(() -> level("x", 0)).hasMessage("A level's quorum must be between 1 and 50, not 0");
        assertThatThrownBy(() -> level("x", 51)).hasMessage("A level's quorum must be between 1 and 50, not 51");
        assertThatThrownBy(() -> new ApprovalLevel(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRuleIsNamedAndHasAtMostTenLevels() {
        assertThatThrownBy(() -> PolicyExamples.rule("-prod", RuleMatch.ANY)).hasMessageStartingWith("Rule name '-prod' is not valid");
        assertThatThrownBy(() -> PolicyExamples.rule(null, RuleMatch.ANY)).hasMessageStartingWith("Rule name 'null' is not valid");
        assertThatThrownBy(() -> PolicyExamples.rule("x".repeat(81), RuleMatch.ANY)).hasMessageContaining("at most 80 characters");
        assertThat(PolicyExamples.rule("Prod EU_1.a-b", RuleMatch.ANY).name()).isEqualTo("Prod EU_1.a-b");

        ApprovalLevel[] eleven = new ApprovalLevel[11];
        java.util.Arrays.fill(eleven, level("reviewer", 1));
        assertThatThrownBy(() -> PolicyExamples.rule("long", RuleMatch.ANY, eleven)).hasMessage("Rule 'long' has 11 levels; at most 10 are allowed");
        assertThat(PolicyExamples.rule("ten", RuleMatch.ANY, java.util.Arrays.copyOf(eleven, 10)).levels()).hasSize(10);
    }

    @Test
    void aRuleEscalatesWithBothATimeAndARoleAndItsTimesArePositive() {
        List<ApprovalLevel> one = List.of(level("reviewer", 1));
        assertThatThrownBy(() -> new ApprovalRule("r", RuleMatch.ANY, one, Duration.ofHours(4), null, null))
                .hasMessage("Rule 'r' needs both escalateAfter and escalateTo, or neither");
        assertThatThrownBy(() -> new ApprovalRule("r", RuleMatch.ANY, one, null, Role.ADMIN, null))
                .hasMessage("Rule 'r' needs both escalateAfter and escalateTo, or neither");
        assertThatThrownBy(() -> new ApprovalRule("r", RuleMatch.ANY, one, Duration.ZERO, Role.ADMIN, null))
                .hasMessage("Rule 'r': escalateAfter must be a positive duration, not PT0S");
        assertThatThrownBy(() -> new ApprovalRule("r", RuleMatch.ANY, one, null, null, Duration.ofHours(-1)))
                .hasMessage("Rule 'r': expireAfter must be a positive duration, not PT-1H");
        assertThatThrownBy(() -> new ApprovalRule("r", null, one, null, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theDefaultFallbackIsOneReviewerForAnyPlan() {
        ApprovalRule fallback = ApprovalRule.defaultFallback();
        assertThat(fallback.name()).isEqualTo("default");
        assertThat(fallback.match().isAny()).isTrue();
        assertThat(fallback.chainText()).isEqualTo("1 reviewer");
        assertThat(fallback.escalateAfter()).isNull();
        assertThat(fallback.expireAfter()).isNull();
        assertThat(PolicyExamples.rule("r", RuleMatch.ANY, level("senior-dba", 1), level("change-board", 2)).chainText())
                .isEqualTo("1 senior-dba, then 2 change-board");
    }

    @Test
    void aLockKeepsItsReasonTrimmedAndIsTheSameLockWhateverItsReason() {
        LockRule a = PolicyExamples.lock("all", "fsync", "  never off  ");
        assertThat(a.reason()).isEqualTo("never off");
        assertThat(new LockRule(LockScope.ALL, new ParameterPattern("fsync"), null).reason()).isEmpty();
        assertThat(a.sameLockAs(PolicyExamples.lock("all", "FSYNC", "other"))).isTrue();
        assertThat(a.sameLockAs(PolicyExamples.lock("tier:production", "fsync", "never off"))).isFalse();
        assertThat(a.sameLockAs(PolicyExamples.lock("all", "full_page_writes", "never off"))).isFalse();
        assertThatThrownBy(() -> PolicyExamples.lock("all", "fsync", "x".repeat(501))).hasMessage("A lock's reason is longer than 500 characters");
        assertThatThrownBy(() -> new LockRule(null, new ParameterPattern("fsync"), "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LockRule(LockScope.ALL, null, "")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void riskLevelsRiseOneStepAndTopOutAtCritical() {
        assertThat(RiskLevel.LOW.raised()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.MEDIUM.raised()).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.HIGH.raised()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskLevel.CRITICAL.raised()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskLevel.LOW.atLeast(RiskLevel.HIGH)).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.CRITICAL.atLeast(RiskLevel.HIGH)).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void anAssessmentListsItsReasonsHighestFirstAndEveryReasonHasAText() {
        RiskAssessment risk = new RiskAssessment(RiskLevel.HIGH, List.of(new RiskReason(RiskLevel.MEDIUM, "restart"),
                new RiskReason(RiskLevel.HIGH, "lock"), new RiskReason(RiskLevel.MEDIUM, "size")));
        assertThat(risk.reasons()).extracting(RiskReason::text).containsExactly("lock", "restart", "size");
        assertThat(risk.summary()).isEqualTo("high: lock; restart; size");
        assertThatThrownBy(() -> new RiskReason(RiskLevel.LOW, " ")).hasMessage("A risk reason needs a text");
        assertThatThrownBy(() -> new RiskReason(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RiskAssessment(null, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBuiltInPolicyVersionIsVersionZeroOfTheDefault() {
        assertThat(PolicyVersion.BUILT_IN.version()).isZero();
        assertThat(PolicyVersion.BUILT_IN.policy()).isEqualTo(Policy.DEFAULT);
        assertThat(new PolicyVersion(3, Policy.DEFAULT, "admin", Instant.EPOCH, null).comment()).isEmpty();
        assertThatThrownBy(() -> new PolicyVersion(1, null, "admin", Instant.EPOCH, "")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void planFactsTellWhetherALockIsTouched() {
        var plan = PolicyExamples.plan("pg", PolicyExamples.online("fsync", "on", "off"));
        assertThat(PolicyExamples.facts(plan, null).touchesLocked()).isFalse();
        assertThat(PolicyExamples.facts(plan, null, List.of(PolicyExamples.lock("all", "fsync", "")), RiskLevel.HIGH).touchesLocked()).isTrue();
        assertThatThrownBy(() -> new PlanFacts(null, null, List.of(), RiskAssessment.NONE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PlanFacts(plan, null, List.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
