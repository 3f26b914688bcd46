package io.knobwright.connectors.hub;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the hub's views and log into records. Every read is a plain SELECT a hub login is granted. */
final class HubReader {

    private static final String EVENTS = """
            SELECT seq, at, kind, actor, on_behalf_of, plan_uid, round, plan_state, level, verdict, note, request_uid, detail::text
              FROM knobwright_hub.hub_event WHERE seq > ? ORDER BY seq LIMIT ?""";

    private static final String PLAN = """
            SELECT s.*, p.chain::text AS chain_json, p.content
              FROM knobwright_hub.plan_status s JOIN knobwright_hub.hub_plan p ON p.uid = s.plan_uid
             WHERE s.plan_uid = ?""";

    private static final String DECISIONS = """
            SELECT decision_uid, round, level, verdict, decided_by, on_behalf_of, entitled_by, escalated, comment, decided_at,
                   counted, event_seq
              FROM knobwright_hub.decision_log WHERE plan_uid = ? ORDER BY event_seq""";

    private static final String REVIEWS = """
            SELECT bypass_uid, round, bypassed_by, reason, bypassed_at, closed_by, closing_comment, closed_at
              FROM knobwright_hub.review_item WHERE plan_uid = ? ORDER BY bypassed_at""";

    private static final String ME = "SELECT login, roles, active FROM knobwright_hub.hub_member WHERE login = session_user";

    private HubReader() {
    }

    static List<HubEvent> eventsSince(Connection connection, long cursor, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
            statement.setLong(1, cursor);
            statement.setInt(2, limit);
            List<HubEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new HubEvent(rows.getLong("seq"), instant(rows, "at"), HubEventKind.of(rows.getString("kind")),
                            rows.getString("actor"), rows.getString("on_behalf_of"), rows.getObject("plan_uid", UUID.class),
                            rows.getObject("round", Integer.class), state(rows.getString("plan_state")),
                            rows.getObject("level", Integer.class), verdict(rows.getString("verdict")), rows.getString("note"),
                            rows.getObject("request_uid", UUID.class), rows.getString("detail")));
                }
            }
            return events;
        }
    }

    /** The plan, its decisions and its reviews from one snapshot, so that they agree with each other. */
    static Optional<HubPlan> plan(Connection connection, UUID uid) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            Optional<HubPlan> plan = readPlan(connection, uid);
            connection.commit();
            return plan;
        } catch (SQLException | RuntimeException failure) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        } finally {
            if (!connection.isClosed()) {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static Optional<HubMember> me(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ME);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(member(rows)) : Optional.empty();
        }
    }

    static HubMember member(ResultSet rows) throws SQLException {
        return new HubMember(rows.getString("login"), Set.of(strings(rows.getArray("roles"))), rows.getBoolean("active"));
    }

    static HubPlanState state(String state) {
        return state == null ? null : HubPlanState.valueOf(state);
    }

    static Verdict verdict(String verdict) {
        return verdict == null ? null : Verdict.valueOf(verdict);
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Optional<HubPlan> readPlan(Connection connection, UUID uid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PLAN)) {
            statement.setObject(1, uid);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                HubPlanState state = state(rows.getString("state"));
                Instant escalatesAt = instant(rows, "escalates_at");
                PendingLevel pending = state != HubPlanState.SUBMITTED ? null : new PendingLevel(rows.getInt("pending_level"),
                        rows.getInt("levels"), rows.getString("pending_role"), rows.getInt("pending_quorum"),
                        rows.getInt("pending_approvals"), instant(rows, "level_pending_since"), escalatesAt,
                        escalatesAt == null ? null : rows.getString("escalate_to"));
                return Optional.of(new HubPlan(uid, rows.getString("author"), rows.getString("instance_name"),
                        rows.getString("ticket"), rows.getString("risk_level"), rows.getInt("round"), state,
                        rows.getString("chain_json"), rows.getString("content"), rows.getString("content_sha256"),
                        instant(rows, "first_submitted_at"), instant(rows, "round_submitted_at"), instant(rows, "expires_at"),
                        pending, instant(rows, "decided_at"), rows.getLong("last_event_seq"), decisions(connection, uid),
                        reviews(connection, uid)));
            }
        }
    }

    private static List<HubDecision> decisions(Connection connection, UUID uid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DECISIONS)) {
            statement.setObject(1, uid);
            List<HubDecision> decisions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    decisions.add(new HubDecision(rows.getObject("decision_uid", UUID.class), rows.getInt("round"),
                            rows.getInt("level"), verdict(rows.getString("verdict")), rows.getString("decided_by"),
                            rows.getString("on_behalf_of"), rows.getString("entitled_by"), rows.getBoolean("escalated"),
                            rows.getString("comment"), instant(rows, "decided_at"), rows.getBoolean("counted"),
                            rows.getLong("event_seq")));
                }
            }
            return decisions;
        }
    }

    private static List<HubReview> reviews(Connection connection, UUID uid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REVIEWS)) {
            statement.setObject(1, uid);
            List<HubReview> reviews = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reviews.add(new HubReview(rows.getObject("bypass_uid", UUID.class), rows.getInt("round"),
                            rows.getString("bypassed_by"), rows.getString("reason"), instant(rows, "bypassed_at"),
                            rows.getString("closed_by"), rows.getString("closing_comment"), instant(rows, "closed_at")));
                }
            }
            return reviews;
        }
    }

    private static String[] strings(Array array) throws SQLException {
        if (array == null) {
            return new String[0];
        }
        try {
            return (String[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
