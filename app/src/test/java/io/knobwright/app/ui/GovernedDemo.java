package io.knobwright.app.ui;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.RuleMatch;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.TemplateAssignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo fleet under governance, as a team would set it up: carol (admin) registers alice (dba), bob and erin
 * (reviewers) and dave (operator), locks three parameters and writes two rules (production needs two reviewers,
 * then an admin; development needs nobody) with the built-in fallback (one reviewer). Alice writes plans for
 * the instances that follow a template and submits them; erin has approved one production plan once; dave broke
 * the glass on one more.
 */
public final class GovernedDemo implements AutoCloseable {

    public static final List<LockRule> LOCKS = List.of(
            new LockRule(LockScope.parse("tier:production"), new ParameterPattern("shared_buffers"),
                    "memory is sized with capacity planning"),
            new LockRule(LockScope.ALL, new ParameterPattern("max_connections"), "connection pools are sized against it"),
            new LockRule(LockScope.ALL, new ParameterPattern("fsync"), "never off: a crash would corrupt data"));
    public static final ApprovalRule PRODUCTION = new ApprovalRule("production",
            new RuleMatch(Set.of(), Set.of("production"), Map.of(), Set.of(), null, null, false, false, List.of()),
            List.of(new ApprovalLevel(Role.REVIEWER, 2), new ApprovalLevel(Role.ADMIN, 1)), Duration.ofHours(4), Role.ADMIN,
            Duration.ofDays(3));
    public static final ApprovalRule DEVELOPMENT = new ApprovalRule("development",
            new RuleMatch(Set.of(), Set.of("development"), Map.of(), Set.of(), null, null, false, false, List.of()),
            List.of(), null, null, null);

    private final KnobwrightStore store;
    private final List<AppContext> contexts = new ArrayList<>();
    /** Submitted by alice, awaiting reviewers: production plans first, then the others. */
    public final List<ChangePlan> submitted = new ArrayList<>();
    /** The plan erin approved once (1 of the 2 reviewers its production rule needs). */
    public ChangePlan halfApproved;
    /** The plan dave bypassed; its break-glass review is open. */
    public ChangePlan bypassed;

    private GovernedDemo(KnobwrightStore store) {
        this.store = store;
    }

    /** Sets governance up on {@code store} (a fresh one with the demo fleet); closing this closes the store. */
    public static GovernedDemo on(KnobwrightStore store) {
        return on(store, true);
    }

    /** Users and policy only, no plans: for screens about the policy. */
    public static GovernedDemo withoutPlans(KnobwrightStore store) {
        return on(store, false);
    }

    private static GovernedDemo on(KnobwrightStore store, boolean plans) {
        GovernedDemo demo = new GovernedDemo(store);
        try {
            demo.setUp(plans);
            return demo;
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private void setUp(boolean plans) {
        AppContext carol = as("carol");
        carol.policy().addUser("carol", "carol", Set.of(Role.ADMIN));
        carol.policy().addUser("carol", "alice", Set.of(Role.DBA));
        carol.policy().addUser("carol", "bob", Set.of(Role.REVIEWER));
        carol.policy().addUser("carol", "erin", Set.of(Role.REVIEWER));
        carol.policy().addUser("carol", "dave", Set.of(Role.OPERATOR, Role.DBA));
        carol.policy().replace("carol", new Policy(LOCKS, List.of(PRODUCTION, DEVELOPMENT), ApprovalRule.defaultFallback()),
                "locks and rules agreed with the change board");
        if (plans) {
            writeAndSubmitPlans();
        }
    }

    private void writeAndSubmitPlans() {
        AppContext alice = as("alice");
        Map<Long, Instance> fleet = new java.util.HashMap<>();
        alice.fleet().list().forEach(i -> fleet.put(i.id(), i));
        List<ChangePlan> made = new ArrayList<>();
        for (TemplateAssignment a : alice.templates().assignments().values().stream().limit(6).toList()) {
            made.addAll(alice.plans().createPlans(a.reference(), List.of(a.instanceId()), false, n -> { }).plans());
        }
        made.sort(Comparator.comparing((ChangePlan p) -> fleet.get(p.instanceId()).tier() != Tier.PRODUCTION)
                .thenComparing(ChangePlan::id));
        bypassed = made.removeLast();
        int ticket = 4100;
        for (ChangePlan plan : made) {
            alice.governance().submit("alice", plan.id(), "CHG00" + ticket++, "Brings " + plan.instanceName()
                    + " to " + plan.template() + " v" + plan.templateVersion() + "; agreed in the weekly review.");
            submitted.add(plan);
        }
        halfApproved = submitted.stream().filter(p -> p.restartNeeded()).findFirst().orElse(submitted.getFirst());
        as("erin").governance().approve("erin", halfApproved.id(), "Sizes match the new hosts.");
        as("dave").governance().bypass("dave", bypassed.id(), "INC-2211: connections exhausted during the sale, raised at once");
    }

    /** The app as {@code user} sees it, on this store (closing it leaves the store open). */
    public AppContext as(String user) {
        AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(), k -> null, user);
        contexts.add(context);
        return context;
    }

    public WorkbenchGovernance governance(String user) {
        return WorkbenchGovernance.of(as(user));
    }

    public KnobwrightStore store() {
        return store;
    }

    @Override
    public void close() {
        contexts.forEach(AppContext::close);
        store.close();
    }
}
