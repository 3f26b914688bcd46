package io.knobwright.app.ui.policy;

import io.knobwright.app.AppContext;
import io.knobwright.app.governance.AuditService;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.model.audit.AuditHead;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Policy screen without a toolkit, on a real store in a temporary directory with users and a policy set up. */
class PolicyViewModelTest {

    @TempDir
    Path dir;

    private GovernedDemo demo;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void setUp() {
        demo = GovernedDemo.withoutPlans(KnobwrightStore.open(dir.resolve("store")));
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    private PolicyViewModel screen(String user) {
        return screen(user, demo.as(user).audit());
    }

    private PolicyViewModel screen(String user, AuditService audit) {
        AppContext context = demo.as(user);
        PolicyViewModel vm = new PolicyViewModel(context.policy(), audit, Fixtures.inline(), dialogs, user, ZoneOffset.UTC);
        vm.refresh();
        return vm;
    }

    private Policy stored() {
        return demo.as("carol").policy().policy().policy();
    }

    private static List<String> ruleNames(PolicyViewModel vm) {
        return vm.draft().items().stream().map(i -> i.fallback() ? "(fallback)" : i.rule().name()).toList();
    }

    private static RuleItem item(PolicyViewModel vm, Predicate<RuleItem> which) {
        return vm.draft().items().stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void anAdminSeesThePolicyInForceWhoChangedItAndThatTheAuditChainIsIntact() {
        PolicyViewModel vm = screen("carol");

        assertThat(vm.versionTextProperty().get()).startsWith("Version 1, changed by carol on ")
                .endsWith(": \"locks and rules agreed with the change board\"");
        var verified = demo.as("carol").audit().verify();
        assertThat(vm.auditTextProperty().get()).isEqualTo("Audit chain intact: " + verified.records() + " records, head "
                + verified.head().substring(0, 12) + "…");
        assertThat(vm.auditBrokenProperty().get()).isFalse();
        assertThat(vm.adminProperty().get()).isTrue();
        assertThat(vm.readOnlyNoteProperty().get()).isEmpty();
        assertThat(vm.draft().locks()).containsExactlyElementsOf(GovernedDemo.LOCKS);
        assertThat(ruleNames(vm)).containsExactly("production", "development", "(fallback)");
        assertThat(vm.draft().items().getFirst().line()).isEqualTo("tier production → 2 reviewer, then 1 admin");
        assertThat(vm.draft().items().getFirst().escalation()).isEqualTo("after 4h, admin may decide too");
        assertThat(vm.draft().items().getLast().line()).isEqualTo("any plan no rule matches → 1 reviewer");
        assertThat(vm.users().users()).extracting(User::name).containsExactly("alice", "bob", "carol", "dave", "erin");
        assertThat(vm.draft().changedProperty().get()).isFalse();
    }

    @Test
    void someoneWhoIsNotAnAdminSeesItReadOnlyAndIsToldWhy() {
        PolicyViewModel vm = screen("bob");

        assertThat(vm.adminProperty().get()).isFalse();
        assertThat(vm.readOnlyNoteProperty().get()).isEqualTo("Read-only: changing locks, rules and users needs the admin"
                + " role, and bob has reviewer. Ask an admin (carol).");
        vm.draft().lock().parameterProperty().set("wal_level");
        vm.draft().addLock();
        vm.draft().select(vm.draft().items().getFirst());
        vm.draft().removeRule();
        vm.draft().editRule();
        assertThat(vm.draft().locks()).hasSize(3);
        assertThat(ruleNames(vm)).containsExactly("production", "development", "(fallback)");
        assertThat(vm.draft().editingProperty().get()).isFalse();
        assertThat(vm.draft().changedProperty().get()).isFalse();
    }

    @Test
    void aLockIsCheckedAsItIsAddedAndSavedOnlyAfterTheBeforeAndAfterWasConfirmed() {
        PolicyViewModel vm = screen("carol");
        LockDraft lock = vm.draft().lock();

        vm.draft().addLock();
        assertThat(lock.errorProperty().get()).startsWith("Parameter '' is not a parameter name");
        lock.parameterProperty().set("wal_level");
        lock.scopeKindProperty().set(LockScope.Kind.TIER);
        vm.draft().addLock();
        assertThat(lock.errorProperty().get()).isEqualTo("Type the tier (production, staging, test, development) the lock applies to.");
        lock.scopeValueProperty().set("prod-eu");
        vm.draft().addLock();
        assertThat(lock.errorProperty().get()).isEqualTo("Tier 'prod-eu' is unknown; use production, staging, test or development");
        lock.scopeValueProperty().set("production");
        lock.reasonProperty().set("replicas need logical");
        vm.draft().addLock();
        assertThat(lock.errorProperty().get()).isEmpty();
        assertThat(lock.parameterProperty().get()).as("the form is ready for the next lock").isEmpty();
        lock.parameterProperty().set("FSYNC");
        lock.scopeKindProperty().set(LockScope.Kind.ALL);
        vm.draft().addLock();
        assertThat(lock.errorProperty().get()).isEqualTo("fsync is already locked on all; remove that lock first to change its reason.");
        vm.draft().removeLock(GovernedDemo.LOCKS.get(1));
        assertThat(vm.draft().changedProperty().get()).isTrue();
        assertThat(vm.pendingTextProperty().get()).isEqualTo(
                "Lock added: wal_level on tier:production (replicas need logical)\n"
                        + "Lock removed: max_connections on all (connection pools are sized against it)");

        dialogs.confirmAnswer = false;
        vm.save();
        assertThat(dialogs.confirmations).singleElement().satisfies(q -> assertThat(q)
                .startsWith("Save policy version 2\nVersion 2 replaces version 1 with these changes:")
                .contains("• Lock added: wal_level on tier:production (replicas need logical)",
                        "• Lock removed: max_connections on all"));
        assertThat(demo.as("carol").policy().policy().version()).as("not confirmed: nothing saved").isEqualTo(1);

        dialogs.confirmAnswer = true;
        vm.changeNoteProperty().set("logical replication for the CDC feed");
        vm.save();

        var saved = demo.as("carol").policy().policy();
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.comment()).isEqualTo("logical replication for the CDC feed");
        assertThat(saved.policy().locks()).extracting(l -> l.parameter().text()).containsExactly("shared_buffers", "fsync", "wal_level");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved policy version 2 (2 changes).");
        assertThat(vm.draft().changedProperty().get()).isFalse();
        assertThat(vm.versionTextProperty().get()).startsWith("Version 2, changed by carol");
        assertThat(demo.as("carol").audit().newest(1)).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("policy.replaced"));
    }

    @Test
    void rulesAreAddedEditedMovedAndRemovedWithTheFallbackAlwaysLast() {
        PolicyViewModel vm = screen("carol");
        PolicyDraft draft = vm.draft();
        RuleDraft rule = draft.rule();

        draft.newRule();
        rule.nameProperty().set("payments");
        rule.tagsProperty().set("team=payments");
        rule.levelsProperty().set("1 reviewer, then 1 senior-dba");
        rule.escalateAfterProperty().set("4h");
        draft.applyRule();
        assertThat(rule.errorProperty().get()).isEqualTo("Escalation needs both a time (e.g. 4h) and a role to escalate to, or neither.");
        assertThat(draft.editingProperty().get()).isTrue();
        rule.escalateToProperty().set("admin");
        rule.nameProperty().set("development");
        draft.applyRule();
        assertThat(rule.errorProperty().get()).isEqualTo("Another rule is already named 'development'; rule names must be unique.");
        rule.nameProperty().set("payments");
        draft.applyRule();
        assertThat(draft.editingProperty().get()).isFalse();
        assertThat(ruleNames(vm)).containsExactly("production", "development", "payments", "(fallback)");
        assertThat(draft.selectedProperty().get().rule().levels())
                .containsExactly(new ApprovalLevel(Role.REVIEWER, 1), new ApprovalLevel(Role.of("senior-dba"), 1));

        draft.move(-1);
        assertThat(ruleNames(vm)).containsExactly("production", "payments", "development", "(fallback)");
        draft.select(item(vm, RuleItem::fallback));
        assertThat(draft.canMove().get()).as("the fallback stays last").isFalse();
        draft.move(-1);
        draft.removeRule();
        assertThat(ruleNames(vm)).containsExactly("production", "payments", "development", "(fallback)");
        draft.editRule();
        assertThat(rule.fallbackProperty().get()).isTrue();
        rule.levelsProperty().set("2 reviewer");
        draft.applyRule();
        draft.select(item(vm, i -> i.rule().name().equals("development")));
        draft.removeRule();
        assertThat(ruleNames(vm)).containsExactly("production", "payments", "(fallback)");
        assertThat(vm.pendingTextProperty().get().lines().toList()).containsExactly(
                "Rule added: payments: tags team=payments → 1 reviewer, then 1 senior-dba; escalates after 4h, admin may decide too",
                "Rule removed: development: tier development → no approval",
                "Fallback changed: any plan → 1 reviewer  ⟶  any plan → 2 reviewer");

        vm.save();

        Policy saved = stored();
        assertThat(saved.rules()).extracting(r -> r.name()).containsExactly("production", "payments");
        assertThat(saved.fallback().levels()).containsExactly(new ApprovalLevel(Role.REVIEWER, 2));
        assertThat(saved.locks()).containsExactlyElementsOf(GovernedDemo.LOCKS);
    }

    @Test
    void aChainThatDoesNotReadAsLevelsIsRefusedInline() {
        PolicyViewModel vm = screen("carol");
        vm.draft().newRule();
        vm.draft().rule().nameProperty().set("odd");
        vm.draft().rule().levelsProperty().set("1 reviewer, then two admins!");

        vm.draft().applyRule();

        assertThat(vm.draft().rule().errorProperty().get()).isEqualTo("Level 'two admins!' is not a role with an optional count:"
                + " write e.g. \"1 reviewer, then 2 change-board\"");
        assertThat(ruleNames(vm)).containsExactly("production", "development", "(fallback)");
    }

    @Test
    void exportWritesThePolicyAsYamlAndImportShowsAFilesChangesUnsaved() throws Exception {
        PolicyViewModel vm = screen("carol");
        dialogs.file = dir.resolve("policy.yaml");

        vm.exportYaml();

        assertThat(PolicyFile.readYaml(Files.readString(dialogs.file), "export")).isEqualTo(stored());
        assertThat(vm.messageProperty().get()).isEqualTo("Exported the policy to " + dialogs.file + ".");

        Path other = dir.resolve("strict.yaml");
        Files.writeString(other, """
                locks:
                  - parameter: fsync
                    scope: all
                    reason: never off
                rules: []
                fallback:
                  levels:
                    - role: reviewer
                      quorum: 2
                """);
        dialogs.file = other;
        vm.importYaml();

        assertThat(vm.messageProperty().get()).isEqualTo("Imported strict.yaml: review the changes below and save them as a new version.");
        assertThat(vm.draft().changedProperty().get()).isTrue();
        assertThat(vm.pendingTextProperty().get()).contains("Rule removed: production", "Lock removed: shared_buffers",
                "Lock reason changed: fsync on all: \"never off: a crash would corrupt data\" → \"never off\"");
        assertThat(demo.as("carol").policy().policy().version()).as("imported, not saved").isEqualTo(1);

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "locks:\n  - parameter: fsync\n    scope: galaxy:far\n");
        dialogs.file = broken;
        vm.importYaml();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Import broken.yaml failed: broken.yaml, lock 1: Scope kind 'galaxy' is unknown");
    }

    @Test
    void anAdminAddsUsersChangesRolesAndSetsUpADelegation() {
        PolicyViewModel vm = screen("carol");
        UsersViewModel users = vm.users();

        users.nameProperty().set("frank");
        users.rolesProperty().set("Reviewer, Senior_DBA");
        users.saveUser();
        assertThat(users.userErrorProperty().get()).startsWith("Role 'senior_dba' is not a role name");
        users.rolesProperty().set("reviewer, senior-dba");
        users.saveUser();
        assertThat(demo.as("carol").policy().users()).filteredOn(u -> u.name().equals("frank")).singleElement()
                .satisfies(u -> assertThat(u.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.of("senior-dba")));
        assertThat(vm.messageProperty().get()).isEqualTo("Added frank with roles reviewer, senior-dba.");
        assertThat(users.users()).extracting(User::name).contains("frank");

        users.select(users.users().stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow());
        assertThat(users.rolesProperty().get()).isEqualTo("reviewer");
        users.rolesProperty().set("reviewer operator");
        users.saveUser();
        assertThat(demo.as("carol").policy().users()).filteredOn(u -> u.name().equals("bob")).singleElement()
                .satisfies(u -> assertThat(u.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.OPERATOR));

        users.delegateFromProperty().set("bob");
        users.delegateToProperty().set("erin");
        users.delegateReasonProperty().set("holiday");
        users.delegate();
        assertThat(users.delegationErrorProperty().get()).isEqualTo("Choose the last day the delegation holds.");
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        users.delegateUntilProperty().set(lastDay);
        users.delegate();
        assertThat(users.delegations()).singleElement().satisfies(d -> {
            assertThat(d.from()).isEqualTo("bob");
            assertThat(d.to()).isEqualTo("erin");
            assertThat(d.validUntil()).isEqualTo(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(users.until(d)).isEqualTo(lastDay.plusDays(1) + " 00:00");
        });
    }

    @Test
    void someoneWhoIsNotAnAdminIsToldWhyTheirUserChangeWasRefused() {
        PolicyViewModel vm = screen("bob");
        vm.users().nameProperty().set("mallory");
        vm.users().rolesProperty().set("admin");

        vm.users().saveUser();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Add user mallory failed: bob may not add or change users: it needs"
                + " the admin role (bob has reviewer).");
        assertThat(demo.as("carol").policy().users()).extracting(User::name).doesNotContain("mallory");
    }

    @Test
    void aBrokenAuditChainIsShownAsAWarningNamingTheRecord() {
        AuditRepository real = demo.store().audit();
        AuditRepository edited = new AuditRepository() {
            @Override
            public AuditRecord append(AuditEntry entry, Instant at) {
                return real.append(entry, at);
            }

            @Override
            public void forEach(Predicate<AuditRecord> consumer) {
                real.forEach(r -> consumer.test(r.seq() != 3 ? r : new AuditRecord(r.seq(), r.at(), "mallory", r.action(),
                        r.subject(), r.before(), r.after(), r.reason(), r.previousHash(), r.hash())));
            }

            @Override
            public AuditHead head() {
                return real.head();
            }

            @Override
            public List<AuditRecord> about(String subject) {
                return real.about(subject);
            }

            @Override
            public List<AuditRecord> newest(int limit) {
                return real.newest(limit);
            }

            @Override
            public Optional<AuditRecord> find(long seq) {
                return real.find(seq);
            }
        };

        PolicyViewModel vm = screen("carol", new AuditService(edited));

        assertThat(vm.auditBrokenProperty().get()).isTrue();
        assertThat(vm.auditTextProperty().get()).startsWith("Audit chain broken at record 3: record 3 (")
                .endsWith("was edited: its content does not match its hash");
    }

    @Test
    void theUsersRolesAreParsedFromCommasOrSpaces() {
        assertThat(UsersViewModel.roles(" dba,reviewer  operator ")).containsExactly(Role.DBA, Role.REVIEWER, Role.OPERATOR);
        assertThat(Set.copyOf(RuleDraft.levels("reviewer; 2 x change-board")))
                .containsExactlyInAnyOrder(new ApprovalLevel(Role.REVIEWER, 1), new ApprovalLevel(Role.of("change-board"), 2));
        assertThat(RuleDraft.levels("no approval")).isEmpty();
    }
}
