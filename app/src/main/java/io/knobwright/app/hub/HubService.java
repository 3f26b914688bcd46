package io.knobwright.app.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.hub.HubClient;
import io.knobwright.connectors.hub.HubEvent;
import io.knobwright.connectors.hub.HubMember;
import io.knobwright.connectors.hub.HubRefusal;
import io.knobwright.connectors.hub.PlanSubmission;
import io.knobwright.connectors.hub.Verdict;
import io.knobwright.model.UserError;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.hub.HubLink;
import io.knobwright.model.hub.HubRequest;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.UnitOfWork;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The shared approval hub from this store's side: connect, push what was done here (in order, each request
 * idempotent by its uid), pull what happened elsewhere (by the hub's event cursor), and keep going offline: a
 * failed sync is retried with backoff, and nothing done meanwhile is lost. One sync is {@link #syncOnce}; the
 * workbench runs {@link HubSyncLoop}, which wakes on the hub's notifications.
 */
public final class HubService {

    /** Backoff after failures: 2 s, 4 s, 8 s, ... capped at 5 minutes. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    private static final int PULL_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one sync did. */
    public record SyncReport(int pushed, int refused, int pulledEvents, int plansChanged, long cursor, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** The link and the queue, for `hub status` and the workbench. */
    public record Status(HubLink link, int pending, List<HubRequest> refused) {
    }

    /** Opens a client; tests and the workbench's loop give their own. */
    @FunctionalInterface
    public interface Connector {
        HubClient connect(ConnectionTarget target);
    }

    private final UnitOfWork store;
    private final CredentialVault vault;
    private final Clock clock;
    private final Connector connector;
    private final HubReconciler reconciler;
    /** Test seam: runs after a request was accepted by the hub and before that is recorded here (a kill there). */
    private Runnable afterPush = () -> { };

    public HubService(UnitOfWork store, CredentialVault vault, Clock clock, GovernanceService governance, Connector connector) {
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.reconciler = new HubReconciler(governance);
    }

    void afterPush(Runnable hook) {
        this.afterPush = hook;
    }

    // ---- linking ----

    /**
     * Links this store to a hub as {@code login}, whose password is read from {@code passwordEnv} at every sync (only
     * the variable's name is stored). Fails, changing nothing, when the hub cannot be reached, the login is refused,
     * the hub has no Knobwright schema, or the login is not a member there.
     */
    public HubLink connect(String jdbcUrl, String login, String passwordEnv, Function<String, String> environment) {
        CredentialRef credential = passwordEnv == null || passwordEnv.isBlank() ? CredentialRef.NONE
                : new CredentialRef.EnvironmentVariable(passwordEnv.strip());
        if (credential instanceof CredentialRef.EnvironmentVariable env && environment.apply(env.variable()) == null) {
            throw UserError.input("Environment variable " + env.variable() + " is not set: export the hub password in it first"
                    + " (only its name is stored; it is read at every sync).");
        }
        HubLink link;
        try {
            link = new HubLink(jdbcUrl, login, credential, clock.instant(), 0, null, null, 0, null);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        try (HubClient client = connector.connect(target(link, environment))) {
            HubMember me = client.me().orElseThrow(() -> UserError.input("The hub knows " + login + " as a login but not as a"
                    + " member: a hub admin adds it (knobwright_hub.add_member, see docs/hub.md)."));
            store.inTransaction(repos -> {
                repos.hub().saveLink(link);
                mirror(repos, me);
                repos.audit().append(new AuditEntry(login, "hub.connected", "hub", "", jdbcUrlShown(jdbcUrl), ""), clock.instant());
            });
        }
        return link;
    }

    public void disconnect(String actor) {
        store.inTransaction(repos -> {
            repos.hub().link().ifPresent(l -> repos.audit().append(new AuditEntry(actor, "hub.disconnected", "hub",
                    jdbcUrlShown(l.jdbcUrl()), "", ""), clock.instant()));
            repos.hub().removeLink();
        });
    }

    public java.util.Optional<Status> status() {
        return store.hub().link().map(l -> new Status(l, store.hub().pendingCount(), store.hub().refused(10)));
    }

    public java.util.Optional<HubLink> link() {
        return store.hub().link();
    }

    private static String jdbcUrlShown(String url) {
        return io.knobwright.model.fleet.JdbcUrlSecrets.mask(url);
    }

    ConnectionTarget target(HubLink link, Function<String, String> environment) {
        String password = switch (link.credential()) {
            case CredentialRef.EnvironmentVariable env -> {
                String value = environment.apply(env.variable());
                if (value == null) {
                    throw UserError.input("The hub password is read from $" + env.variable() + ", which is not set here.");
                }
                yield value;
            }
            case CredentialRef.None none -> null;
            case CredentialRef.Sealed sealed -> vault.open(sealed).orElse(null);
        };
        return new ConnectionTarget(link.jdbcUrl(), link.login(), password);
    }

    /** Hub role names as roles here; a name Knobwright cannot hold locally is left out (the hub enforces it all the same). */
    private static Set<Role> localRoles(Iterable<String> names) {
        Set<Role> roles = new TreeSet<>();
        for (String name : names) {
            try {
                roles.add(Role.of(name));
            } catch (IllegalArgumentException ignored) {
                // kept out here only
            }
        }
        return roles;
    }

    /** The hub's roles for this login become its roles here, so local checks agree with the hub's. */
    private void mirror(io.knobwright.model.store.Repositories repos, HubMember me) {
        Set<Role> roles = localRoles(me.roles());
        if (roles.isEmpty() || !User.validName(me.login())) {
            return;
        }
        User user = new User(me.login(), roles);
        if (!repos.governance().user(me.login()).map(user::equals).orElse(false)) {
            repos.governance().saveUser(user, "hub", clock.instant());
        }
    }

    // ---- syncing ----

    /** One round: push the queue, then pull everything since the cursor. Never throws for an unreachable hub. */
    public SyncReport syncOnce(Function<String, String> environment) {
        HubLink link = store.hub().link().orElseThrow(() -> UserError.input("This store is not linked to a hub: link it with"
                + " `knobwright hub connect --jdbc-url URL --user LOGIN --password-env VAR`."));
        try (HubClient client = connector.connect(target(link, environment))) {
            return syncWith(client, link);
        } catch (UserError e) {
            return failed(link, e.getMessage());
        }
    }

    /** One round over an open client (the loop keeps one open to listen on). */
    SyncReport syncWith(HubClient client, HubLink link) {
        try {
            client.me().ifPresent(me -> store.inTransaction(repos -> mirror(repos, me)));
            int[] pushed = push(client);
            int[] pulled = pull(client, link.cursor());
            long cursor = store.hub().link().map(HubLink::cursor).orElse(link.cursor());
            store.hub().syncResult(cursor, clock.instant(), null, 0, null);
            return new SyncReport(pushed[0], pushed[1], pulled[0], pulled[1] + pushed[2], cursor, null);
        } catch (ConnectorException e) {
            return failed(link, e.getMessage());
        }
    }

    /** Records a failure the loop met outside a sync (connecting): the backoff grows as for a failed sync. */
    void syncOnceFailed(HubLink link, String error) {
        failed(link, error);
    }

    private SyncReport failed(HubLink link, String error) {
        int failures = link.failures() + 1;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(MAX_RETRY) > 0) {
            wait = MAX_RETRY;
        }
        store.hub().syncResult(link.cursor(), clock.instant(), error, failures, clock.instant().plus(wait));
        return new SyncReport(0, 0, 0, 0, link.cursor(), error);
    }

    /**
     * A delegation made on another workbench: kept here too, with the delegator's hub roles, so that the delegate's
     * decisions pass the local checks before they go to the hub (which checks them again).
     */
    private boolean delegationFromHub(io.knobwright.model.store.Repositories repos, HubEvent e) {
        try {
            JsonNode d = JSON.readTree(e.detailJson());
            String to = d.path("delegate").asText();
            Instant from = Instant.parse(d.path("validFrom").asText().replace(" ", "T"));
            Instant until = Instant.parse(d.path("validUntil").asText().replace(" ", "T"));
            if (to.isEmpty() || !User.validName(e.actor()) || !User.validName(to)) {
                return false;
            }
            List<String> names = new java.util.ArrayList<>();
            d.path("roles").forEach(r -> names.add(r.asText()));
            Set<Role> roles = localRoles(names);
            if (!roles.isEmpty() && repos.governance().user(e.actor()).map(u -> !u.roles().equals(roles)).orElse(true)) {
                repos.governance().saveUser(new User(e.actor(), roles), "hub", clock.instant());
            }
            repos.governance().saveDelegation(new io.knobwright.model.approval.Delegation(0, e.actor(), to, from, until,
                    e.note() == null ? "" : e.note()));
            repos.audit().append(new AuditEntry(e.actor(), "delegation.from-hub", "user:" + e.actor(), "",
                    "{\"to\":\"" + to + "\",\"until\":\"" + until + "\"}", e.note()), clock.instant());
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** @return {pushed, refused, plans re-read after a refusal} */
    private int[] push(HubClient client) {
        int pushed = 0;
        int refused = 0;
        int reconciled = 0;
        for (HubRequest r : store.hub().pending(1000)) {
            try {
                send(client, r);
                afterPush.run();
                store.hub().answered(r.requestUid(), clock.instant(), null);
                pushed++;
            } catch (HubRefusal refusal) {
                refused++;
                store.inTransaction(repos -> {
                    repos.hub().answered(r.requestUid(), clock.instant(), refusal.reason().name() + ": " + refusal.hubMessage());
                    if (r.kind() == HubRequest.Kind.DECIDE) {
                        repos.hub().refuseDecision(r.requestUid(), refusal.hubMessage());
                    }
                    repos.audit().append(new AuditEntry(r.actor(), "hub." + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + ".refused", r.planUid() == null ? "user:" + r.actor()
                            : repos.plans().findByUid(r.planUid()).map(p -> "plan:" + p.id()).orElse("plan-uid:" + r.planUid()),
                            "", refusal.reason().name(), refusal.hubMessage()), clock.instant());
                });
                if (r.planUid() == null) {
                    continue;
                }
                var hubPlan = client.plan(UUID.fromString(r.planUid()));
                if (hubPlan.isPresent()) {
                    store.inTransaction(repos -> reconciler.reconcile(repos, hubPlan.get(), clock.instant()));
                    reconciled++;
                }
            }
        }
        return new int[]{pushed, refused, reconciled};
    }

    private static void send(HubClient client, HubRequest r) {
        JsonNode p;
        try {
            p = JSON.readTree(r.payload());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable queued hub request " + r.requestUid(), e);
        }
        UUID uid = UUID.fromString(r.requestUid());
        if (r.kind() == HubRequest.Kind.DELEGATE) {
            client.delegate(uid, p.get("to").asText(), null, java.time.Instant.parse(p.get("until").asText()),
                    p.get("reason").asText().isBlank() ? "delegated" : p.get("reason").asText());
            return;
        }
        UUID plan = UUID.fromString(r.planUid());
        switch (r.kind()) {
            case SUBMIT -> client.submit(new PlanSubmission(uid, plan, p.get("instance").asText(),
                    p.get("ticket").asText().isBlank() ? null : p.get("ticket").asText(), p.get("risk").asText(),
                    p.get("chain").asText(), p.get("content").asText()));
            case DECIDE -> client.decideAtLevel(plan, uid, Verdict.valueOf(p.get("verdict").asText()), p.get("comment").asText(),
                    p.hasNonNull("onBehalfOf") ? p.get("onBehalfOf").asText() : null, p.get("level").asInt());
            case BYPASS -> client.bypass(plan, uid, p.get("reason").asText());
            case CLOSE_REVIEW -> client.closeReview(plan, uid, p.get("comment").asText());
            case WITHDRAW -> client.withdraw(plan, uid, p.get("reason").asText());
            case DELEGATE -> throw new IllegalStateException("handled above");
        }
    }

    /** @return {events read, plans changed}; the cursor moves with each batch, in the batch's unit of work */
    private int[] pull(HubClient client, long from) {
        long cursor = from;
        int events = 0;
        int changed = 0;
        while (true) {
            List<HubEvent> batch = client.eventsSince(cursor, PULL_BATCH);
            if (batch.isEmpty()) {
                return new int[]{events, changed};
            }
            Set<UUID> plans = new LinkedHashSet<>();
            batch.stream().filter(e -> e.planUid() != null).forEach(e -> plans.add(e.planUid()));
            var hubPlans = plans.stream().map(client::plan).flatMap(java.util.Optional::stream).toList();
            long next = batch.getLast().seq();
            int[] applied = {0};
            String me = store.hub().link().map(HubLink::login).orElse("");
            store.inTransaction(repos -> {
                applied[0] = 0;
                for (HubEvent e : batch) {
                    if (e.kind() == io.knobwright.connectors.hub.HubEventKind.DELEGATION_CREATED && !e.actor().equals(me)) {
                        applied[0] += delegationFromHub(repos, e) ? 1 : 0;
                    }
                }
                for (var hubPlan : hubPlans) {
                    if (reconciler.reconcile(repos, hubPlan, clock.instant())) {
                        applied[0]++;
                    }
                }
                repos.hub().link().ifPresent(l -> repos.hub().syncResult(next, clock.instant(), null, 0, null));
            });
            events += batch.size();
            changed += applied[0];
            cursor = next;
        }
    }
}
