package io.knobwright.connectors.mysql;

import io.knobwright.connectors.workload.CollectorSession;
import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionLimits;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.IdleTransaction;
import io.knobwright.model.health.ScopedLimit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connection part of a MySQL/MariaDB poll (decision 0131): max_connections and max_user_connections, accounts'
 * own max_user_connections from mysql.user where the login may read it (else a note says so), sessions from
 * information_schema.PROCESSLIST grouped by user, client host, schema and command, "Sleep" sessions that hold an
 * InnoDB transaction open (INNODB_TRX), and running sessions by state. MySQL has no application_name: the client's
 * program_name connection attribute is used where performance_schema records it, else the application is empty.
 * With PROCESS only the privilege's view of the processlist; without it a login sees its own sessions only.
 */
final class MySqlConnections {

    private static final String CLIENT_SESSIONS = " COMMAND NOT IN ('Daemon', 'Binlog Dump', 'Binlog Dump GTID', 'Killed')"
            + " AND USER NOT IN ('system user', 'event_scheduler')";

    private MySqlConnections() {
    }

    /** The snapshot, or null when the processlist could not be read (the reason is in the session's notes). */
    static ConnectionSnapshot read(CollectorSession session, Instant at) throws SQLException {
        int[] settings = session.optional("Connection limits", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@max_connections, @@max_user_connections")) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }).orElse(null);
        if (settings == null) {
            return null;
        }
        boolean performanceSchema = session.optional("performance_schema", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@performance_schema")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }).orElse(false);
        Map<String, String> programs = !performanceSchema ? Map.of()
                : session.optional("Application names (performance_schema.session_connect_attrs)", c -> {
            Map<String, String> out = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT PROCESSLIST_ID, ATTR_VALUE"
                    + " FROM performance_schema.session_connect_attrs WHERE ATTR_NAME = 'program_name'")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }).orElse(Map.of());
        record Session(String id, String user, String host, String db, String command, String state, long time) {
        }
        List<Session> sessions = session.optional("Process list (needs the PROCESS privilege to see every session)", c -> {
            List<Session> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, USER,"
                    + " SUBSTRING_INDEX(COALESCE(HOST, ''), ':', 1), COALESCE(DB, ''), COMMAND, COALESCE(STATE, ''), COALESCE(TIME, 0)"
                    + " FROM information_schema.PROCESSLIST WHERE" + CLIENT_SESSIONS)) {
                while (rs.next()) {
                    out.add(new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7)));
                }
            }
            return out;
        }).orElse(null);
        if (sessions == null) {
            return null;
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        Map<String, Integer> byUser = new HashMap<>();
        Map<String, Integer> waits = new TreeMap<>();
        int active = 0;
        for (Session s : sessions) {
            counts.merge(List.of(programs.getOrDefault(s.id(), ""), s.user(), s.host(), s.db(), s.command().toLowerCase()), 1,
                    Integer::sum);
            byUser.merge(s.user(), 1, Integer::sum);
            if (!"sleep".equalsIgnoreCase(s.command())) {
                active++;
                if (!s.state().isEmpty() && (s.state().startsWith("Waiting for") || s.state().toLowerCase().contains("lock"))) {
                    waits.merge(s.state(), 1, Integer::sum);
                }
            }
        }
        List<ConnectionGroup> groups = new ArrayList<>();
        counts.forEach((k, n) -> groups.add(new ConnectionGroup(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), n)));
        List<ScopedLimit> scoped = new ArrayList<>();
        if (settings[1] > 0) {
            byUser.forEach((user, n) -> scoped.add(new ScopedLimit(ScopedLimit.Scope.ROLE, user + " (max_user_connections)",
                    settings[1], n)));
        }
        session.optional("Per-account connection limits (needs SELECT on mysql.user)", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT User, Host, max_user_connections"
                    + " FROM mysql.user WHERE max_user_connections > 0 ORDER BY User, Host")) {
                while (rs.next()) {
                    scoped.add(new ScopedLimit(ScopedLimit.Scope.ROLE, rs.getString(1) + "@" + rs.getString(2),
                            rs.getInt(3), byUser.getOrDefault(rs.getString(1), 0)));
                }
            }
            return null;
        });
        List<IdleTransaction> idle = session.optional("Sleeping sessions with open transactions (information_schema.INNODB_TRX)", c -> {
            List<IdleTransaction> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT p.ID, p.USER,"
                    + " SUBSTRING_INDEX(COALESCE(p.HOST, ''), ':', 1), COALESCE(p.DB, ''),"
                    + " GREATEST(0, TIMESTAMPDIFF(MICROSECOND, t.trx_started, NOW(6)) / 1e6), COALESCE(p.TIME, 0),"
                    + " COALESCE(t.trx_query, '') FROM information_schema.INNODB_TRX t"
                    + " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
                    + " WHERE p.COMMAND = 'Sleep' ORDER BY t.trx_started LIMIT " + ConnectionSnapshot.MAX_IDLE)) {
                while (rs.next()) {
                    out.add(new IdleTransaction(rs.getString(1), programs.getOrDefault(rs.getString(1), ""), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6), rs.getString(7)));
                }
            }
            return out;
        }).orElse(List.of());
        if (!performanceSchema) {
            session.note("Application names not known: MySQL/MariaDB have no application_name; the clients' program_name"
                    + " connection attribute needs performance_schema = ON");
        }
        return new ConnectionSnapshot(at, new ConnectionLimits(Math.max(1, settings[0]), 0, 0, scoped), sessions.size(), active,
                ConnectionSnapshot.bounded(groups, ConnectionSnapshot.MAX_GROUPS), idle, waits, session.notes());
    }
}
