package io.knobwright.app.governance;

import io.knobwright.model.UserError;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.Repositories;
import io.knobwright.model.store.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Users and roles, delegations, and the policy (locks and approval rules). Changing the policy is itself governed:
 * only admins may, every change is a new version, and its before and after are in the audit trail.
 */
public final class PolicyService {

    private final UnitOfWork store;
    private final Clock clock;
    private final AuditedWork work;

    public PolicyService(UnitOfWork store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.work = new AuditedWork(store, clock);
    }

    // ---- users ----

    public List<User> users() {
        return store.governance().users();
    }

    /**
     * Adds a user or changes their roles. Until a store has an admin, anyone may add users (that is how a store is
     * set up); from then on only admins may.
     */
    public User addUser(String actorName, String name, Set<Role> roles) {
        User user;
        try {
            user = new User(name, roles);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        return work.run(actorName, "user.add", "user:" + name, repos -> {
            boolean hasAdmin = repos.governance().users().stream().anyMatch(u -> u.has(Role.ADMIN));
            String by = hasAdmin ? Actors.require(repos, actorName, Role.ADMIN, "add or change users").name() : actorName;
            var before = repos.governance().user(name);
            repos.governance().saveUser(user, by, clock.instant());
            repos.audit().append(new AuditEntry(by, before.isPresent() ? "user.changed" : "user.added", "user:" + name,
                    before.map(u -> roles(u.roles())).orElse(""), roles(user.roles()), ""), clock.instant());
            return user;
        });
    }

    private static String roles(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).toList());
    }

    /** Lets {@code to} decide in {@code from}'s place until {@code until}; the delegator or an admin sets it up. */
    public Delegation delegate(String actorName, String from, String to, Instant until, String reason) {
        return work.run(actorName, "delegation.add", "user:" + from, repos -> {
            User actor = Actors.resolve(repos, actorName);
            if (!actor.name().equals(from) && !actor.has(Role.ADMIN)) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, actor.name() + " may not delegate " + from
                        + "'s decisions; " + from + " or an admin does.");
            }
            var link = repos.hub().link();
            // Linked to a hub, the delegate is a hub member this store may not know; the hub checks it.
            for (String name : link.isPresent() ? List.of(from) : List.of(from, to)) {
                if (repos.governance().user(name).isEmpty()) {
                    throw new GovernanceRefusal(GovernanceRefusal.Reason.UNKNOWN_USER, "No user '" + name + "'; add them first"
                            + " with `knobwright user add`.");
                }
            }
            Instant now = clock.instant();
            if (link.isPresent() && !(actor.name().equals(link.get().login()) && from.equals(link.get().login()))) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, "This store syncs with the hub as "
                        + link.get().login() + ", where a login delegates only its own decisions: act as "
                        + link.get().login() + " and delegate from " + link.get().login() + ".");
            }
            Delegation d;
            try {
                d = repos.governance().saveDelegation(new Delegation(0, from, to, now, until, reason));
            } catch (IllegalArgumentException e) {
                throw UserError.input(e.getMessage());
            }
            if (link.isPresent()) {
                repos.hub().queue(new io.knobwright.model.hub.HubRequest(0, java.util.UUID.randomUUID().toString(),
                        io.knobwright.model.hub.HubRequest.Kind.DELEGATE, null, actor.name(),
                        GovernanceService.json(Map.of("to", to, "until", until.toString(), "reason", reason == null ? "" : reason)),
                        now, null, null));
            }
            repos.audit().append(new AuditEntry(actor.name(), "delegation.added", "user:" + from, "",
                    GovernanceService.json(Map.of("to", to, "until", until.toString())), reason), now);
            return d;
        });
    }

    public List<Delegation> delegations() {
        return store.governance().delegations(clock.instant());
    }

    /** The newest webhook deliveries, newest first, whatever their state. */
    public List<io.knobwright.model.notify.WebhookDelivery> recentDeliveries(int limit) {
        return store.webhooks().recent(limit);
    }

    // ---- policy ----

    public PolicyVersion policy() {
        return store.governance().policy();
    }

    public PolicyVersion lock(String actorName, LockRule lock, String comment) {
        return change(actorName, "policy.lock", "policy.locked", p -> p.withLock(lock), comment);
    }

    public PolicyVersion unlock(String actorName, LockScope scope, ParameterPattern parameter, String comment) {
        return change(actorName, "policy.unlock", "policy.unlocked", p -> {
            Policy next = p.withoutLock(scope, parameter);
            if (next.locks().size() == p.locks().size()) {
                throw UserError.input(parameter + " is not locked on " + scope + ". See the locks with `knobwright policy list`.");
            }
            return next;
        }, comment);
    }

    /** Replaces the whole policy (a rules file imported). */
    public PolicyVersion replace(String actorName, Policy policy, String comment) {
        return change(actorName, "policy.replace", "policy.replaced", p -> policy, comment);
    }

    private PolicyVersion change(String actorName, String action, String done, Function<Policy, Policy> edit, String comment) {
        return work.run(actorName, action, "policy", repos -> {
            User actor = Actors.require(repos, actorName, Role.ADMIN, "change the policy");
            PolicyVersion current = repos.governance().policy();
            Policy next;
            try {
                next = edit.apply(current.policy());
            } catch (IllegalArgumentException e) {
                throw UserError.input(e.getMessage());
            }
            Instant now = clock.instant();
            PolicyVersion saved = repos.governance().savePolicy(next, actor.name(), now, comment);
            repos.audit().append(new AuditEntry(actor.name(), done,
                    "policy", PolicyFile.writeJson(current.policy()), PolicyFile.writeJson(next),
                    "version " + saved.version() + (comment == null || comment.isBlank() ? "" : ": " + comment)), now);
            return saved;
        });
    }

}
