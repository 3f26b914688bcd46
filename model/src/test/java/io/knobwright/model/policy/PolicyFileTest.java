package io.knobwright.model.policy;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy as a YAML file a team versions, and as the JSON the store keeps: read back equal, or told where it is wrong. */
class PolicyFileTest {

    private static final String FULL = """
            locks:
              - {parameter: fsync, scope: all, reason: never off}
              - {parameter: "enable_*", scope: "tag:team=payments"}
              - {parameter: wal_level}
            rules:
              - name: production
                match: {tiers: [production], engines: [postgres], minCriticality: high}
                levels: [{role: senior-dba, quorum: 1}, {role: Change-Board, quorum: 2}]
                escalateAfter: 4h
                escalateTo: admin
                expireAfter: 3d
              - name: risky
                match:
                  tags: {team: payments}
                  instances: [orders-1, orders-2]
                  minRisk: high
                  lockedOnly: true
                  restartOnly: true
                  parameters: [shared_buffers, "max server memory (MB)"]
                levels: [{role: reviewer}]
                expireAfter: 90s
              - name: development
                match: {tiers: [development]}
                levels: []
            fallback:
              levels: [{role: reviewer, quorum: 1}]
              escalateAfter: PT30M
              escalateTo: senior-dba
            webhooks:
              - url: https://hooks.example.com/knobwright
                events: [request, decision]
                secretEnv: KNOBWRIGHT_WEBHOOK_SECRET
              - url: http://127.0.0.1:8080/all
                enabled: false
            """;

    private static Policy read(String yaml) {
        return PolicyFile.readYaml(yaml, "test.yaml");
    }

    private static String readFailure(String yaml) {
        try {
            read(yaml);
        } catch (UserError e) {
            assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT);
            return e.getMessage();
        }
        throw new AssertionError("test.yaml was read without complaint:\n" + yaml);
    }

    @Test
    void everyPartOfTheFileIsRead() {
        Policy policy = read(FULL);

        assertThat(policy.locks()).extracting(LockRule::toString)
                .containsExactly("fsync on all (never off)", "enable_* on tag:team=payments", "wal_level on all");

        ApprovalRule production = policy.rules().get(0);
        assertThat(production.name()).isEqualTo("production");
        assertThat(production.match().tiers()).containsExactly("production");
        assertThat(production.match().engines()).containsExactly("postgresql");
        assertThat(production.match().minCriticality()).isEqualTo(Criticality.HIGH);
        assertThat(production.chainText()).isEqualTo("1 senior-dba, then 2 change-board");
        assertThat(production.escalateAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(production.escalateTo()).isEqualTo(Role.ADMIN);
        assertThat(production.expireAfter()).isEqualTo(Duration.ofDays(3));

        RuleMatch risky = policy.rules().get(1).match();
        assertThat(risky.tags()).isEqualTo(Map.of("team", "payments"));
        assertThat(risky.instances()).containsExactly("orders-1", "orders-2");
        assertThat(risky.minRisk()).isEqualTo(RiskLevel.HIGH);
        assertThat(risky.lockedOnly()).isTrue();
        assertThat(risky.restartOnly()).isTrue();
        assertThat(risky.parameters()).extracting(ParameterPattern::text).containsExactly("shared_buffers", "max server memory (mb)");
        assertThat(policy.rules().get(1).chainText()).as("quorum 1 when left out").isEqualTo("1 reviewer");
        assertThat(policy.rules().get(1).expireAfter()).isEqualTo(Duration.ofSeconds(90));

        assertThat(policy.rules().get(2).levels()).isEmpty();
        assertThat(policy.rules().get(2).chainText()).isEqualTo("no approval");

        assertThat(policy.fallback().name()).isEqualTo("fallback");
        assertThat(policy.fallback().match().isAny()).isTrue();
        assertThat(policy.fallback().escalateAfter()).isEqualTo(Duration.ofMinutes(30));

        assertThat(policy.webhooks()).containsExactly(
                new WebhookSubscription("https://hooks.example.com/knobwright",
                        Set.of(WebhookEvent.Type.REQUEST, WebhookEvent.Type.DECISION), "KNOBWRIGHT_WEBHOOK_SECRET", true),
                new WebhookSubscription("http://127.0.0.1:8080/all", Set.of(), null, false));
    }

    @Test
    void aPolicyWrittenAsYamlReadsBackEqual() {
        Policy policy = read(FULL);
        String yaml = PolicyFile.writeYaml(policy);
        assertThat(read(yaml)).isEqualTo(policy);
        assertThat(yaml).doesNotStartWith("---").contains("escalateAfter: PT4H").contains("levels: []");
    }

    @Test
    void aPolicyWrittenAsJsonReadsBackEqual() {
        Policy policy = read(FULL);
        String json = PolicyFile.writeJson(policy);
        assertThat(json).startsWith("{");
        assertThat(PolicyFile.readJson(json)).isEqualTo(policy);
        assertThat(PolicyFile.readJson(PolicyFile.writeJson(Policy.DEFAULT))).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void aFileWithoutFallbackGetsTheDefaultOne() {
        Policy policy = read("locks: []\n");
        assertThat(policy).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void durationsAreReadInShortAndIsoForms() {
        assertThat(PolicyFile.duration("90s", "k")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PolicyFile.duration("30m", "k")).isEqualTo(Duration.ofMinutes(30));
        assertThat(PolicyFile.duration(" 4H ", "k")).isEqualTo(Duration.ofHours(4));
        assertThat(PolicyFile.duration("4 h", "k")).isEqualTo(Duration.ofHours(4));
        assertThat(PolicyFile.duration("3d", "k")).isEqualTo(Duration.ofDays(3));
        assertThat(PolicyFile.duration("PT4H", "k")).isEqualTo(Duration.ofHours(4));
        assertThat(PolicyFile.duration("p3d", "k")).isEqualTo(Duration.ofDays(3));
        assertThat(PolicyFile.duration("PT1H30M", "k")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PolicyFile.duration(null, "k")).isNull();
        assertThat(PolicyFile.duration(" ", "k")).isNull();
    }

    @Test
    void aWrongRuleIsNamedByNumberAndName() {
        String yaml = """
                rules:
                  - name: first
                    levels: [{role: reviewer}]
                  - name: second
                    levels: [{role: reviewer, quorum: 0}]
                """;
        assertThat(readFailure(yaml)).isEqualTo("test.yaml, rule 2 (second): A level's quorum must be between 1 and 50, not 0");
        assertThat(readFailure(yaml.replace("quorum: 0", "quorum: 51"))).endsWith("must be between 1 and 50, not 51");
        assertThat(read(yaml.replace("quorum: 0", "quorum: 50")).rules().get(1).chainText()).isEqualTo("50 reviewer");
    }

    @Test
    void aRuleWithoutANameIsNamedByNumber() {
        assertThat(readFailure("rules:\n  - levels: [{role: reviewer}]\n")).startsWith("test.yaml, rule 1: Rule name 'null' is not valid");
        assertThat(readFailure("rules:\n  - name: x\n")).isEqualTo("test.yaml, rule 1 (x): the rule has no levels"
                + " (write levels: [] for a rule that needs no approval)");
        assertThat(readFailure("rules:\n  - \n")).isEqualTo("test.yaml, rule 1: not a valid policy file: expected a mapping (key: value) here");
        assertThatThrownBy(() -> PolicyFile.readJson("{\"rules\": [null]}")).hasMessage("The stored policy, rule 1: the rule is empty");
    }

    @Test
    void aBadRoleIsNamed() {
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: Senior DBA}]\n"))
                .startsWith("test.yaml, rule 1 (x): Role 'senior dba' is not a role name");
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{quorum: 2}]\n"))
                .isEqualTo("test.yaml, rule 1 (x): level 1 needs a role");
    }

    @Test
    void escalationNeedsBothATimeAndARole() {
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: reviewer}]\n    escalateAfter: 4h\n"))
                .isEqualTo("test.yaml, rule 1 (x): Rule 'x' needs both escalateAfter and escalateTo, or neither");
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: reviewer}]\n    escalateTo: admin\n"))
                .isEqualTo("test.yaml, rule 1 (x): Rule 'x' needs both escalateAfter and escalateTo, or neither");
    }

    @Test
    void aBadDurationSaysHowToWriteOne() {
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: reviewer}]\n    expireAfter: 4 hours\n"))
                .isEqualTo("test.yaml, rule 1 (x): expireAfter '4 hours' is not a duration: write 30m, 4h, 3d or PT4H");
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: reviewer}]\n    expireAfter: 0h\n"))
                .isEqualTo("test.yaml, rule 1 (x): Rule 'x': expireAfter must be a positive duration, not PT0S");
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: reviewer}]\n    expireAfter: -PT1H\n"))
                .isEqualTo("test.yaml, rule 1 (x): Rule 'x': expireAfter must be a positive duration, not PT-1H");
    }

    @Test
    void aBadMatchIsNamed() {
        assertThat(readFailure("rules:\n  - name: x\n    match: {engines: [db2]}\n    levels: []\n"))
                .isEqualTo("test.yaml, rule 1 (x): Engine 'db2' is unknown; use postgresql, mysql, mariadb, sqlserver or oracle");
        assertThat(readFailure("rules:\n  - name: x\n    match: {tiers: [live]}\n    levels: []\n"))
                .startsWith("test.yaml, rule 1 (x): Tier 'live' is unknown");
        assertThat(readFailure("rules:\n  - name: x\n    match: {minCriticality: huge}\n    levels: []\n"))
                .isEqualTo("test.yaml, rule 1 (x): minCriticality 'huge' is not one of low, medium, high, critical");
        assertThat(readFailure("rules:\n  - name: x\n    match: {minRisk: extreme}\n    levels: []\n"))
                .isEqualTo("test.yaml, rule 1 (x): minRisk 'extreme' is not one of low, medium, high, critical");
        assertThat(readFailure("rules:\n  - name: x\n    match: {parameters: [\"a;b\"]}\n    levels: []\n"))
                .startsWith("test.yaml, rule 1 (x): Parameter 'a;b' is not a parameter name or pattern");
    }

    @Test
    void aBadLockIsNamedByNumber() {
        assertThat(readFailure("locks:\n  - {parameter: fsync}\n  - {parameter: fsync, scope: cluster}\n"))
                .startsWith("test.yaml, lock 2: Scope 'cluster' is not one of");
        assertThat(readFailure("locks:\n  - {scope: all}\n")).isEqualTo("test.yaml, lock 1: a lock needs a parameter");
        assertThat(readFailure("locks:\n  - {parameter: fsync}\n  - {parameter: FSYNC, scope: all}\n"))
                .isEqualTo("test.yaml: Parameter fsync is locked twice on all");
    }

    @Test
    void twoRulesWithOneNameAreRefused() {
        assertThat(readFailure("rules:\n  - {name: x, levels: []}\n  - {name: x, levels: []}\n"))
                .isEqualTo("test.yaml: Two approval rules are named 'x'; names must be unique");
    }

    @Test
    void theFallbackHasNoMatchAndAsksForApproval() {
        assertThat(readFailure("fallback:\n  match: {tiers: [production]}\n  levels: [{role: reviewer}]\n"))
                .isEqualTo("test.yaml, fallback: the fallback applies to every plan no rule matches: it has no match");
        assertThat(readFailure("fallback:\n  levels: []\n")).startsWith("test.yaml: The fallback rule must ask for at least one approval");
        assertThat(read("fallback:\n  name: last resort\n  levels: [{role: admin}]\n").fallback().name()).isEqualTo("last resort");
    }

    @Test
    void anUnknownKeyIsNamedWithWhereItIsAndTheKnownKeys() {
        // was "test.yaml line 4": Jackson reports where the mapping holding the key ends, not the key's line
        String message = readFailure("rules:\n  - name: x\n    levles: []\n\nfallback:\n  levels: [{role: admin}]\n");
        assertThat(message).startsWith("test.yaml, rule 1: unknown key 'levles' (known: locks, rules, fallback, webhooks;")
                .contains("in a rule: name, match, levels,");
        assertThat(readFailure("lock:\n  - {parameter: fsync}\n")).startsWith("test.yaml: unknown key 'lock' (known:");
        assertThat(readFailure("rules:\n  - {name: x, levels: []}\n  - {name: y, levels: [], match: {tier: [production]}}\n"))
                .startsWith("test.yaml, rule 2, match: unknown key 'tier' (known:");
        assertThat(readFailure("webhooks:\n  - {url: \"https://h.example.com/\", secret: X}\n"))
                .startsWith("test.yaml, webhook 1: unknown key 'secret' (known:");
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithWhatWasExpected() {
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: reviewer, quorum: two}]\n"))
                .isEqualTo("test.yaml, rule 1, level 1, quorum: not a valid policy file: expected a whole number here");
        assertThat(readFailure("rules: {name: x}\n"))
                .isEqualTo("test.yaml, rules: not a valid policy file: expected a list ([a, b], or one '- ' line per item) here");
        assertThat(readFailure("fallback: [reviewer]\n"))
                .isEqualTo("test.yaml, fallback: not a valid policy file: expected a mapping (key: value) here");
        assertThat(readFailure("rules:\n  - {name: [x], levels: []}\n"))
                .isEqualTo("test.yaml, rule 1, name: not a valid policy file: expected a text here");
        assertThat(readFailure("rules:\n  - {name: x, levels: [], match: {lockedOnly: perhaps}}\n"))
                .isEqualTo("test.yaml, rule 1, match, lockedOnly: not a valid policy file: expected true or false here");
    }

    @Test
    void aWebhookWithABadUrlOrEventIsNamedByNumber() {
        assertThat(readFailure("webhooks:\n  - {url: \"https://h.example.com/\"}\n  - {url: \"ftp://h.example.com/\"}\n"))
                .isEqualTo("test.yaml, webhook 2: A webhook URL starts with https:// or http://, not ftp://.");
        assertThat(readFailure("webhooks:\n  - {events: [request]}\n")).isEqualTo("test.yaml, webhook 1: a webhook needs a url");
        assertThat(readFailure("webhooks:\n  - {url: \"https://h.example.com/\", events: [request, approved]}\n"))
                .isEqualTo("test.yaml, webhook 1: event 'approved' is not one of " + io.knobwright.model.notify.WebhookEvent.Type.KNOWN);
        assertThat(readFailure("webhooks:\n  - {url: \"https://h.example.com/\", secretEnv: \"s3cr3t!\"}\n"))
                .startsWith("test.yaml, webhook 1: The webhook secret is given by the name of an environment variable")
                .doesNotContain("s3cr3t!");
    }

    @Test
    void anEmptyFileSaysWhatAPolicyHas() {
        assertThat(readFailure("")).isEqualTo("test.yaml is empty: a policy file has locks, rules and a fallback");
        assertThat(readFailure("  \n# nothing here\n")).isEqualTo("test.yaml is empty: a policy file has locks, rules and a fallback");
    }

    @Test
    void somethingThatIsNotAPolicyFileIsSaidToBeNone() {
        // was: "Cannot construct instance of `io.knobwright.model.policy.PolicyFile$Doc` ..."
        assertThat(readFailure("just some words\n"))
                .isEqualTo("test.yaml: not a valid policy file: expected a mapping of locks, rules, fallback and webhooks here");
        assertThat(readFailure("locks: []\nrules: \"unclosed\n")).as("a syntax error keeps its line")
                .matches("test\\.yaml line \\d+: not a valid policy file: .*quoted scalar.*");
        assertThatThrownBy(() -> PolicyFile.readJson("{\"rules\": ")).isInstanceOf(UserError.class)
                .hasMessageStartingWith("The stored policy line 1: not a valid policy file: ");
    }

    @Test
    void hiddenCharactersInAMessageAreShownEscaped() {
        assertThat(readFailure("rules:\n  - name: x\n    levels: [{role: \"a\\u202Eb\"}]\n")).contains("\\u202E").doesNotContain("\u202E");
    }

    @Test
    void theWrittenFileListsNothingThatIsEmpty() {
        Policy policy = new Policy(List.of(), List.of(PolicyExamples.rule("all", RuleMatch.ANY, PolicyExamples.level("dba", 1))),
                ApprovalRule.defaultFallback());
        String yaml = PolicyFile.writeYaml(policy);
        assertThat(yaml).doesNotContain("locks").doesNotContain("match").doesNotContain("webhooks").doesNotContain("null");
        assertThat(read(yaml)).isEqualTo(policy);
    }
}
