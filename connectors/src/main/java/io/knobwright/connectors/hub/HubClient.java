package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One login's connection to the shared approval hub (docs/hub.md). The login is the identity: the hub's
 * functions take it from the session, so this client has no say in who decides.
 *
 * <p>Made for a sync loop. Every push carries a uid the caller generates once and keeps with the local record
 * until the hub has answered: repeating a push with the same uid returns the first outcome ({@code replayed})
 * and records nothing twice, so a workbench killed mid-sync simply pushes again. A push the hub's rules refuse
 * throws {@link HubRefusal} (nothing recorded; final for that request). A connection found dead is replaced
 * once within the call; a hub that stays unreachable throws {@link ConnectorException}, and the next call
 * tries again. Pulls go by cursor: keep the highest event seq processed and ask {@link #eventsSince} for more.
 * {@link #listen} wakes the loop when events arrive:
 *
 * <pre>{@code
 * hub.listen(Duration.ZERO);                       // start listening before the first pull
 * while (running) {
 *     for (HubEvent e : hub.eventsSince(cursor, 500)) { apply(e); cursor = e.seq(); }
 *     hub.listen(Duration.ofSeconds(30));          // returns at once when events arrived
 * }
 * }</pre>
 *
 * <p>Requests are serialised on one connection; {@link #listen} uses a second one, so one thread may listen
 * while another pushes. Close the client to close both.
 */
public final class HubClient implements AutoCloseable {

    /** The channel every hub event is announced on, with its seq as payload. */
    public static final String CHANNEL = "knobwright_hub";

    /** The most events one pull returns. */
    public static final int MAX_PULL = 10_000;

    /** Serialization failures and deadlocks are the database asking for another try; requests are idempotent. */
    private static final int ATTEMPTS = 3;

    private final HubEndpoint endpoint;
    private final Object requests = new Object();
    private final Object listening = new Object();
    private Connection connection;            // guarded by requests
    private volatile Connection listener;     // opened under listening, closed by close() from any thread
    private volatile boolean closed;
    private final String login;

    private HubClient(HubEndpoint endpoint) {
        this.endpoint = endpoint;
        try {
            this.login = call("connecting", c -> {
                try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("SELECT session_user")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** Connects as the target's login with the default timeouts; a wrong URL, login or password fails here. */
    public static HubClient connect(ConnectionTarget target) {
        return connect(target, ConnectorTimeouts.DEFAULT);
    }

    public static HubClient connect(ConnectionTarget target, ConnectorTimeouts timeouts) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeouts, "timeouts");
        return new HubClient(HubEndpoint.admit(target, timeouts));
    }

    /** The login this client acts as: the identity the hub records. */
    public String login() {
        return login;
    }

    /** This login's membership, empty when a hub admin never added it. */
    public Optional<HubMember> me() {
        return call("reading your membership", HubReader::me);
    }

    // ---- plans ----------------------------------------------------------------------------------------------

    /** Submits a plan (a new plan uid, or a new round of a withdrawn or expired one of yours). */
    public HubReceipt submit(PlanSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        return receipt("submitting plan " + submission.planUid(),
                "SELECT * FROM knobwright_hub.submit_plan(?::uuid, ?::uuid, ?::text, ?::text, ?::text, ?::text, ?::text)",
                submission.submissionUid(), submission.planUid(), submission.instanceName(), submission.ticket(),
                submission.riskLevel(), submission.chainJson(), submission.contentJson());
    }

    /** Withdraws a submitted plan of yours, e.g. to edit it; submitting it again starts a new round. */
    public HubReceipt withdraw(UUID planUid, UUID withdrawalUid, String reason) {
        return receipt("withdrawing plan " + planUid, "SELECT * FROM knobwright_hub.withdraw_plan(?::uuid, ?::uuid, ?::text)",
                HubValues.present(withdrawalUid, "The withdrawal uid"), HubValues.present(planUid, "The plan uid"),
                HubValues.optionalText(reason, "The reason", 4000));
    }

    /**
     * Decides the pending level of a plan.
     *
     * @param onBehalfOf the member who delegated to this login, to decide in their place; null to decide as yourself
     */
    public DecisionReceipt decide(UUID planUid, UUID decisionUid, Verdict verdict, String comment, String onBehalfOf) {
        return decide(planUid, decisionUid, verdict, comment, onBehalfOf, null);
    }

    /**
     * Decides level {@code level} of a plan, refused as {@link HubRefusal.Reason#LEVEL_COMPLETE} when that level
     * completed meanwhile; for a reviewer who saw a level and means that one.
     */
    public DecisionReceipt decideAtLevel(UUID planUid, UUID decisionUid, Verdict verdict, String comment, String onBehalfOf,
                                         int level) {
        if (level < 1) {
            throw new IllegalArgumentException("Levels count from 1, not " + level);
        }
        return decide(planUid, decisionUid, verdict, comment, onBehalfOf, level);
    }

    private DecisionReceipt decide(UUID planUid, UUID decisionUid, Verdict verdict, String comment, String onBehalfOf,
                                   Integer level) {
        HubValues.present(planUid, "The plan uid");
        HubValues.present(decisionUid, "The decision uid");
        HubValues.present(verdict, "The verdict");
        String note = HubValues.optionalText(comment, "The comment", 4000);
        String behalf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf;
        return call("deciding plan " + planUid, c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT * FROM knobwright_hub.decide(?::uuid, ?::uuid, ?::text, ?::text, ?::text, ?::integer)")) {
                bind(statement, decisionUid, planUid, verdict.name(), note, behalf, level);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new DecisionReceipt(rows.getObject("decision_uid", UUID.class), rows.getObject("plan_uid", UUID.class),
                            rows.getInt("round"), rows.getInt("level"), Verdict.valueOf(rows.getString("verdict")),
                            HubPlanState.valueOf(rows.getString("plan_state")), rows.getInt("approvals"), rows.getInt("quorum"),
                            rows.getLong("event_seq"), rows.getBoolean("replayed"));
                }
            }
        });
    }

    /** Break-glass: an operator marks a submitted plan BYPASSED, which opens a review item. */
    public HubReceipt bypass(UUID planUid, UUID bypassUid, String reason) {
        return receipt("bypassing plan " + planUid, "SELECT * FROM knobwright_hub.bypass_plan(?::uuid, ?::uuid, ?::text)",
                HubValues.present(bypassUid, "The bypass uid"), HubValues.present(planUid, "The plan uid"),
                HubValues.text(reason, "The reason for the bypass", 4000));
    }

    /** A reviewer (not the operator who bypassed, nor the author) closes the review item of a bypassed plan. */
    public HubReceipt closeReview(UUID planUid, UUID closingUid, String comment) {
        return receipt("closing the review of plan " + planUid, "SELECT * FROM knobwright_hub.close_review(?::uuid, ?::uuid, ?::text)",
                HubValues.present(closingUid, "The closing uid"), HubValues.present(planUid, "The plan uid"),
                HubValues.text(comment, "The review comment", 4000));
    }

    /** Marks every undecided plan past its expiry EXPIRED for all readers; returns how many. */
    public int expireStale() {
        return call("expiring stale plans", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT knobwright_hub.expire_stale()")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    // ---- delegation -----------------------------------------------------------------------------------------

    /**
     * Lets member {@code to} decide on this login's behalf, with this login's roles, from {@code from} (null: now)
     * until {@code until}.
     */
    public HubReceipt delegate(UUID delegationUid, String to, Instant from, Instant until, String reason) {
        return receipt("delegating to " + to,
                "SELECT * FROM knobwright_hub.delegate(?::uuid, ?::text, ?::timestamptz, ?::timestamptz, ?::text)",
                HubValues.present(delegationUid, "The delegation uid"), HubValues.text(to, "The delegate", 63),
                from, HubValues.present(until, "The end of the delegation"), HubValues.text(reason, "The reason", 4000));
    }

    /** Ends a delegation early (its delegator or a hub admin). */
    public HubReceipt revokeDelegation(UUID delegationUid) {
        return receipt("revoking delegation " + delegationUid, "SELECT * FROM knobwright_hub.revoke_delegation(?::uuid)",
                HubValues.present(delegationUid, "The delegation uid"));
    }

    // ---- members (hub admins) -------------------------------------------------------------------------------

    /** Makes an existing database login an active member with these roles, and lets it use the hub. */
    public HubMember addMember(String memberLogin, Set<String> roles) {
        return member("adding member " + memberLogin, "add_member", memberLogin, roles);
    }

    public HubMember setRoles(String memberLogin, Set<String> roles) {
        return member("setting the roles of " + memberLogin, "set_roles", memberLogin, roles);
    }

    /** Ends a membership: the login can no longer act on the hub. */
    public HubMember removeMember(String memberLogin) {
        HubValues.text(memberLogin, "The login", 63);
        return call("removing member " + memberLogin, c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT * FROM knobwright_hub.remove_member(?::text)")) {
                statement.setString(1, memberLogin);
                return oneMember(statement);
            }
        });
    }

    private HubMember member(String doing, String function, String memberLogin, Set<String> roles) {
        HubValues.text(memberLogin, "The login", 63);
        List.copyOf(HubValues.present(roles, "The roles")).forEach(HubValues::role);
        return call(doing, c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT * FROM knobwright_hub." + function + "(?::text, ?::text[])")) {
                statement.setString(1, memberLogin);
                statement.setArray(2, c.createArrayOf("text", roles.toArray()));
                return oneMember(statement);
            }
        });
    }

    private static HubMember oneMember(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return HubReader.member(rows);
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** Up to {@code limit} events after {@code cursor} (0 for all), oldest first; none are ever skipped. */
    public List<HubEvent> eventsSince(long cursor, int limit) {
        if (cursor < 0 || limit < 1 || limit > MAX_PULL) {
            throw new IllegalArgumentException("Pull from a cursor of 0 or more, 1 to " + MAX_PULL + " events at a time; got cursor "
                    + cursor + ", limit " + limit);
        }
        return call("reading hub events", c -> HubReader.eventsSince(c, cursor, limit));
    }

    /** The plan as the hub has it now, with its decisions and reviews; empty when the hub has no such plan. */
    public Optional<HubPlan> plan(UUID planUid) {
        HubValues.present(planUid, "The plan uid");
        return call("reading plan " + planUid, c -> HubReader.plan(c, planUid));
    }

    /**
     * Waits up to {@code wait} for hub events and returns the seqs announced since the last call, in commit
     * order; empty when none came. {@link Duration#ZERO} does not wait. The first call starts listening:
     * events before it are not announced, so pull with {@link #eventsSince} after it. A seq is a hint to pull,
     * not an event (any login can NOTIFY the channel). When the listening connection was lost, this listens
     * again on a new one and returns nothing: announcements in between are lost, so pull after every return.
     */
    public List<Long> listen(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("Cannot wait a negative time: " + wait);
        }
        synchronized (listening) {
            requireOpen();
            try {
                PGConnection pg = listener().unwrap(PGConnection.class);
                PGNotification[] notifications = wait.isZero() ? pg.getNotifications()
                        : pg.getNotifications((int) Math.clamp(wait.toMillis(), 1, Integer.MAX_VALUE));
                return seqs(notifications);
            } catch (SQLException failure) {
                closeQuietly(listener);
                listener = null;
                if (closed) {
                    return List.of();
                }
                if (!HubEndpoint.connectionLost(failure)) {
                    throw endpoint.failure(failure, "waiting for hub events");
                }
                // Announcements made while the connection was down are lost: listening again and answering
                // "nothing heard" sends the caller to pull, which makes up for them
                try {
                    listener();
                    return List.of();
                } catch (SQLException again) {
                    throw endpoint.failure(again, "listening for hub events again");
                }
            }
        }
    }

    private Connection listener() throws SQLException {
        Connection current = listener;
        if (current == null || current.isClosed()) {
            current = endpoint.open();
            try (Statement statement = current.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            } catch (SQLException failure) {
                closeQuietly(current);
                throw failure;
            }
            listener = current;
        }
        return current;
    }

    private static List<Long> seqs(PGNotification[] notifications) {
        List<Long> seqs = new ArrayList<>();
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                if (CHANNEL.equals(notification.getName())) {
                    try {
                        seqs.add(Long.parseLong(notification.getParameter()));
                    } catch (NumberFormatException notOurs) {
                        // Someone else's NOTIFY on the channel: nothing to pull for it
                    }
                }
            }
        }
        return seqs;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        synchronized (requests) {
            closeQuietly(connection);
            connection = null;
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private HubReceipt receipt(String doing, String sql, Object... parameters) {
        return call(doing, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new HubReceipt(rows.getObject("request_uid", UUID.class), rows.getObject("plan_uid", UUID.class),
                            rows.getObject("round", Integer.class), HubReader.state(rows.getString("plan_state")),
                            rows.getLong("event_seq"), rows.getBoolean("replayed"));
                }
            }
        });
    }

    private <T> T call(String doing, Work<T> work) {
        synchronized (requests) {
            requireOpen();
            for (int attempt = 1; ; attempt++) {
                if (connection == null) {
                    connection = endpoint.open();
                }
                try {
                    return work.run(connection);
                } catch (SQLException failure) {
                    boolean lost = HubEndpoint.connectionLost(failure);
                    if (lost) {
                        closeQuietly(connection);
                        connection = null;
                    }
                    // A connection that died while idle (server restart, a firewall's idle timeout) gets one fresh
                    // try; repeating is safe because every request is idempotent or a read
                    if ((lost && attempt == 1) || (!lost && HubEndpoint.transientFailure(failure) && attempt < ATTEMPTS)) {
                        continue;
                    }
                    throw endpoint.failure(failure, doing);
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            switch (parameters[i]) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant instant -> statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                case Integer number -> statement.setInt(i + 1, number);
                case String text -> statement.setString(i + 1, text);
                default -> statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This hub client is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a connection the hub already dropped: nothing left to release
            }
        }
    }
}
