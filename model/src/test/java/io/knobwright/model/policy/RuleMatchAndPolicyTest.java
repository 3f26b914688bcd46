package io.knobwright.model.policy;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.knobwright.model.policy.PolicyExamples.facts;
import static io.knobwright.model.policy.PolicyExamples.instance;
import static io.knobwright.model.policy.PolicyExamples.level;
import static io.knobwright.model.policy.PolicyExamples.lock;
import static io.knobwright.model.policy.PolicyExamples.online;
import static io.knobwright.model.policy.PolicyExamples.plan;
import static io.knobwright.model.policy.PolicyExamples.restart;
import static io.knobwright.model.policy.PolicyExamples.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which approval rule a plan falls under, and the locks it touches. */
class RuleMatchAndPolicyTest {

    private final Instance prodPg = instance("pg-prod", Engine.POSTGRESQL, Tier.PRODUCTION, Criticality.HIGH,
            Map.of("team", "payments", "region", "eu-west-1"));
    private final Instance devMaria = instance("maria-dev", Engine.MARIADB, Tier.DEVELOPMENT, Criticality.LOW, Map.of("team", "web"));
    private final ChangePlan prodPlan = plan("pg-prod", online("work_mem", "4096", "8192"));
    private final ChangePlan devPlan = plan("maria-dev", online("sort_buffer_size", "262144", "524288"));
    private final ChangePlan removedPlan = plan("pg-gone", online("work_mem", "4096", "8192"));

    private static RuleMatch engines(String... engines) {
        return new RuleMatch(Set.of(engines), null, null, null, null, null, false, false, null);
    }

    private static RuleMatch tiers(String... tiers) {
        return new RuleMatch(null, Set.of(tiers), null, null, null, null, false, false, null);
    }

    private static RuleMatch tags(Map<String, String> tags) {
        return new RuleMatch(null, null, tags, null, null, null, false, false, null);
    }

    private static RuleMatch instances(String... names) {
        return new RuleMatch(null, null, null, Set.of(names), null, null, false, false, null);
    }

    private static RuleMatch minCriticality(Criticality c) {
        return new RuleMatch(null, null, null, null, c, null, false, false, null);
    }

    private static RuleMatch minRisk(RiskLevel r) {
        return new RuleMatch(null, null, null, null, null, r, false, false, null);
    }

    private static RuleMatch parameters(String... patterns) {
        return new RuleMatch(null, null, null, null, null, null, false, false,
                java.util.Arrays.stream(patterns).map(ParameterPattern::new).toList());
    }

    @Test
    void anEmptyMatchIsAnyPlanEvenOneWhoseInstanceWasRemoved() {
        RuleMatch empty = new RuleMatch(null, null, null, null, null, null, false, false, null);
        assertThat(empty.isAny()).isTrue();
        assertThat(empty).isEqualTo(RuleMatch.ANY);
        assertThat(empty.matches(facts(removedPlan, null))).isTrue();
        assertThat(engines("postgresql").isAny()).isFalse();
    }

    @Test
    void enginesMatchTheInstancesEngineWrittenInAnyCase() {
        RuleMatch pg = engines(" PostgreSQL ");
        assertThat(pg.engines()).containsExactly("postgresql");
        assertThat(pg.matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(pg.matches(facts(devPlan, devMaria))).isFalse();
        assertThat(pg.matches(facts(removedPlan, null))).as("engine unknown once removed").isFalse();
        assertThat(engines("mariadb", "mysql").matches(facts(devPlan, devMaria))).isTrue();
    }

    @Test
    void tiersMatchTheInstancesTier() {
        assertThat(tiers("Production").matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(tiers("production").matches(facts(devPlan, devMaria))).isFalse();
        assertThat(tiers("production").matches(facts(removedPlan, null))).isFalse();
        assertThat(tiers("staging", "development").matches(facts(devPlan, devMaria))).isTrue();
    }

    @Test
    void everyTagMustBeOnTheInstance() {
        assertThat(tags(Map.of("team", "payments")).matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(tags(Map.of("team", "payments", "region", "eu-west-1")).matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(tags(Map.of("team", "payments", "region", "us-east-1")).matches(facts(prodPlan, prodPg))).isFalse();
        assertThat(tags(Map.of("team", "payments")).matches(facts(devPlan, devMaria))).isFalse();
        assertThat(tags(Map.of("team", "payments")).matches(facts(removedPlan, null))).isFalse();
    }

    @Test
    void instancesMatchByNameEvenWhenTheInstanceWasRemoved() {
        assertThat(instances("pg-gone", "pg-prod").matches(facts(removedPlan, null))).isTrue();
        assertThat(instances("pg-gone").matches(facts(prodPlan, prodPg))).isFalse();
    }

    @Test
    void minCriticalityMatchesThatCriticalityAndAbove() {
        assertThat(minCriticality(Criticality.HIGH).matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(minCriticality(Criticality.CRITICAL).matches(facts(prodPlan, prodPg))).isFalse();
        assertThat(minCriticality(Criticality.MEDIUM).matches(facts(devPlan, devMaria))).isFalse();
        assertThat(minCriticality(Criticality.LOW).matches(facts(removedPlan, null))).isFalse();
    }

    @Test
    void minRiskMatchesThatRiskAndAbove() {
        RuleMatch high = minRisk(RiskLevel.HIGH);
        assertThat(high.matches(facts(devPlan, devMaria, List.of(), RiskLevel.HIGH))).isTrue();
        assertThat(high.matches(facts(devPlan, devMaria, List.of(), RiskLevel.CRITICAL))).isTrue();
        assertThat(high.matches(facts(devPlan, devMaria, List.of(), RiskLevel.MEDIUM))).isFalse();
    }

    @Test
    void lockedOnlyMatchesPlansThatTouchALock() {
        RuleMatch locked = new RuleMatch(null, null, null, null, null, null, true, false, null);
        assertThat(locked.matches(facts(devPlan, devMaria, List.of(lock("all", "sort_buffer_size", "")), RiskLevel.HIGH))).isTrue();
        assertThat(locked.matches(facts(devPlan, devMaria))).isFalse();
    }

    @Test
    void restartOnlyMatchesPlansThatNeedARestart() {
        RuleMatch restarts = new RuleMatch(null, null, null, null, null, null, false, true, null);
        assertThat(restarts.matches(facts(plan("pg-prod", restart("shared_buffers", "1", "2")), prodPg))).isTrue();
        assertThat(restarts.matches(facts(prodPlan, prodPg))).isFalse();
    }

    @Test
    void parametersMatchWhenThePlanChangesAnyOfThem() {
        assertThat(parameters("shared_*", "work_mem").matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(parameters("WORK_*").matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(parameters("shared_*").matches(facts(prodPlan, prodPg))).isFalse();
        assertThat(parameters("work_mem").matches(facts(plan("pg-prod"), prodPg))).as("an empty plan changes nothing").isFalse();
    }

    @Test
    void everyConditionGivenMustHold() {
        RuleMatch prodPayments = new RuleMatch(Set.of("postgresql"), Set.of("production"), Map.of("team", "payments"),
                null, Criticality.HIGH, null, false, false, List.of(new ParameterPattern("work_mem")));
        assertThat(prodPayments.matches(facts(prodPlan, prodPg))).isTrue();
        assertThat(prodPayments.matches(facts(plan("pg-prod", online("jit", "on", "off")), prodPg))).isFalse();
        Instance stagingPg = instance("pg-prod", Engine.POSTGRESQL, Tier.STAGING, Criticality.HIGH, Map.of("team", "payments"));
        assertThat(prodPayments.matches(facts(prodPlan, stagingPg))).isFalse();
    }

    // ---- Policy ----

    private final ApprovalRule production = rule("production", tiers("production"), level("senior-dba", 1), level("change-board", 2));
    private final ApprovalRule postgres = rule("postgres", engines("postgresql"), level("reviewer", 1));
    private final ApprovalRule development = rule("development", tiers("development"));
    private final ApprovalRule fallback = rule("fallback", RuleMatch.ANY, level("admin", 1));

    @Test
    void theFirstMatchingRuleWins() {
        Policy policy = new Policy(List.of(), List.of(production, postgres), fallback);
        assertThat(policy.ruleFor(facts(prodPlan, prodPg))).isEqualTo(production);
        Instance stagingPg = instance("pg-prod", Engine.POSTGRESQL, Tier.STAGING, Criticality.LOW, Map.of());
        assertThat(policy.ruleFor(facts(prodPlan, stagingPg))).isEqualTo(postgres);
        Policy reversed = new Policy(List.of(), List.of(postgres, production), fallback);
        assertThat(reversed.ruleFor(facts(prodPlan, prodPg))).isEqualTo(postgres);
    }

    @Test
    void aPlanNoRuleMatchesFallsToTheFallback() {
        Policy policy = new Policy(List.of(), List.of(production, postgres), fallback);
        assertThat(policy.ruleFor(facts(devPlan, devMaria))).isEqualTo(fallback);
        assertThat(policy.ruleFor(facts(removedPlan, null))).isEqualTo(fallback);
    }

    @Test
    void aRuleWithoutLevelsLetsAPlanThroughUnlessItTouchesALock() {
        Policy policy = new Policy(List.of(lock("all", "sort_buffer_size", "")), List.of(development), fallback);
        assertThat(policy.ruleFor(facts(devPlan, devMaria))).isEqualTo(development);
        List<LockRule> touched = policy.locksTouchedBy(devPlan, devMaria);
        assertThat(policy.ruleFor(facts(devPlan, devMaria, touched, RiskLevel.HIGH))).isEqualTo(fallback);
    }

    @Test
    void twoRulesWithOneNameAreRefused() {
        ApprovalRule again = rule("production", engines("mariadb"), level("dba", 1));
        assertThatThrownBy(() -> new Policy(List.of(), List.of(production, again), fallback))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two approval rules are named 'production'; names must be unique");
    }

    @Test
    void theSameParameterLockedTwiceOnOneScopeIsRefused() {
        assertThatThrownBy(() -> new Policy(List.of(lock("tier:production", "fsync", "a"), lock("tier:production", "FSYNC", "b")),
                List.of(), fallback))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter fsync is locked twice on tier:production");
        assertThat(new Policy(List.of(lock("tier:production", "fsync", ""), lock("all", "fsync", "")), List.of(), fallback).locks())
                .hasSize(2);
    }

    @Test
    void aFallbackThatAsksForNoApprovalIsRefused() {
        assertThatThrownBy(() -> new Policy(List.of(), List.of(), rule("fallback", RuleMatch.ANY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The fallback rule must ask for at least one approval");
    }

    @Test
    void theDefaultPolicyAsksOneReviewer() {
        assertThat(Policy.DEFAULT.locks()).isEmpty();
        assertThat(Policy.DEFAULT.rules()).isEmpty();
        assertThat(Policy.DEFAULT.webhooks()).isEmpty();
        assertThat(Policy.DEFAULT.fallback().chainText()).isEqualTo("1 reviewer");
        assertThat(Policy.DEFAULT.ruleFor(facts(prodPlan, prodPg)).levels()).containsExactly(new ApprovalLevel(Role.REVIEWER, 1));
        assertThat(new Policy(List.of(), List.of(), fallback, null).webhooks()).isEmpty();
    }

    @Test
    void withLockReplacesTheSameLockAndAddsAnotherAtTheEnd() {
        Policy policy = Policy.DEFAULT.withLock(lock("all", "fsync", "never off")).withLock(lock("engine:mariadb", "sync_binlog", ""));
        Policy replaced = policy.withLock(lock("all", "FSYNC", "corrupts the cluster"));
        assertThat(replaced.locks()).extracting(LockRule::toString)
                .containsExactly("sync_binlog on engine:mariadb", "fsync on all (corrupts the cluster)");
        assertThat(replaced.fallback()).isEqualTo(Policy.DEFAULT.fallback());
    }

    @Test
    void withoutLockRemovesOnlyThatParameterOnThatScope() {
        Policy policy = Policy.DEFAULT.withLock(lock("all", "fsync", "")).withLock(lock("tier:production", "fsync", ""));
        Policy unlocked = policy.withoutLock(LockScope.ALL, new ParameterPattern("FSYNC"));
        assertThat(unlocked.locks()).extracting(LockRule::toString).containsExactly("fsync on tier:production");
        assertThat(unlocked.withoutLock(LockScope.ALL, new ParameterPattern("fsync"))).isEqualTo(unlocked);
    }

    @Test
    void locksTouchedAreThoseCoveringTheInstanceAndMatchingAChangeEachOnce() {
        Policy policy = Policy.DEFAULT.withLock(lock("tier:production", "enable_*", "planner"))
                .withLock(lock("engine:mariadb", "enable_*", ""))
                .withLock(lock("instance:pg-prod", "work_mem", ""))
                .withLock(lock("all", "fsync", ""));
        ChangePlan plan = plan("pg-prod", online("enable_seqscan", "on", "off"), online("enable_hashjoin", "on", "off"),
                online("work_mem", "1", "2"));
        assertThat(policy.locksTouchedBy(plan, prodPg)).extracting(LockRule::toString)
                .containsExactly("enable_* on tier:production (planner)", "work_mem on instance:pg-prod");
        ChangePlan removed = plan("pg-prod", online("enable_seqscan", "on", "off"), online("work_mem", "1", "2"));
        assertThat(policy.locksTouchedBy(removed, null)).extracting(LockRule::toString)
                .as("only the lock by name still covers a removed instance").containsExactly("work_mem on instance:pg-prod");
    }
}
