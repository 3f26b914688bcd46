package io.knobwright.connectors.postgres;

import io.knobwright.connectors.workload.CollectorSession;
import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionLimits;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.IdleTransaction;
import io.knobwright.model.health.ScopedLimit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connection part of a PostgreSQL poll (decision 0131): limits (max_connections, superuser_reserved_connections,
 * reserved_connections from 16 on, roles' rolconnlimit and databases' datconnlimit), client sessions grouped by
 * application, user, client address, database and state, the sessions idle in a transaction (oldest first) and
 * active sessions by wait type. Only pg_stat_activity, pg_roles and pg_database, which pg_monitor reads; the query
 * text of others' sessions needs pg_read_all_stats (in pg_monitor), else PostgreSQL shows "insufficient privilege".
 */
final class PostgresConnections {

    private static final String CLIENT = "backend_type = 'client backend'";

    private PostgresConnections() {
    }

    /** The snapshot, or null when the limits or the sessions could not be read (the reason is in the session's notes). */
    static ConnectionSnapshot read(CollectorSession session, Instant at) throws SQLException {
        int[] settings = session.optional("Connection limits", c -> {
            try (ResultSet rs = query(c, "SELECT current_setting('max_connections')::int,"
                    + " current_setting('superuser_reserved_connections')::int,"
                    + " coalesce(current_setting('reserved_connections', true)::int, 0)")) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
            }
        }).orElse(null);
        if (settings == null) {
            return null;
        }
        List<ScopedLimit> scoped = new ArrayList<>();
        session.optional("Role connection limits (pg_roles)", c -> {
            try (ResultSet rs = query(c, "SELECT r.rolname, r.rolconnlimit, (SELECT count(*) FROM pg_stat_activity a"
                    + " WHERE a.usename = r.rolname AND a." + CLIENT + ") FROM pg_roles r WHERE r.rolconnlimit > 0 ORDER BY 1")) {
                while (rs.next()) {
                    scoped.add(new ScopedLimit(ScopedLimit.Scope.ROLE, rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
            }
            return null;
        });
        session.optional("Database connection limits (pg_database)", c -> {
            try (ResultSet rs = query(c, "SELECT d.datname, d.datconnlimit, (SELECT count(*) FROM pg_stat_activity a"
                    + " WHERE a.datname = d.datname AND a." + CLIENT + ") FROM pg_database d WHERE d.datconnlimit > 0 ORDER BY 1")) {
                while (rs.next()) {
                    scoped.add(new ScopedLimit(ScopedLimit.Scope.DATABASE, rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
            }
            return null;
        });
        List<ConnectionGroup> groups = new ArrayList<>();
        int[] totals = new int[2];
        boolean grouped = session.optional("Connections by application, user and client (pg_stat_activity)", c -> {
            // the server sorts and cuts: a poll of a server with thousands of distinct clients stays small
            try (ResultSet rs = query(c, "SELECT coalesce(application_name, ''), coalesce(usename, ''),"
                    + " coalesce(host(client_addr), ''), coalesce(datname, ''), coalesce(state, ''), count(*)::int,"
                    + " sum(count(*)) OVER ()::int, sum(count(*) FILTER (WHERE state = 'active' AND pid <> pg_backend_pid())) OVER ()::int"
                    + " FROM pg_stat_activity WHERE " + CLIENT + " GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC, 1, 2, 3, 4, 5 LIMIT "
                    + (ConnectionSnapshot.MAX_GROUPS + 1) * 4)) {
                while (rs.next()) {
                    groups.add(new ConnectionGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)));
                    totals[0] = rs.getInt(7);
                    totals[1] = rs.getInt(8);
                }
            }
            return true;
        }).orElse(false);
        if (!grouped) {
            return null;
        }
        int listed = groups.stream().mapToInt(ConnectionGroup::count).sum();
        if (listed < totals[0]) {
            String o = ConnectionGroup.OTHER;
            groups.add(new ConnectionGroup(o, o, o, o, o, totals[0] - listed));
        }
        List<IdleTransaction> idle = session.optional("Sessions idle in transaction (pg_stat_activity)", c -> {
            List<IdleTransaction> out = new ArrayList<>();
            try (ResultSet rs = query(c, "SELECT pid, coalesce(application_name, ''), coalesce(usename, ''),"
                    + " coalesce(host(client_addr), ''), coalesce(datname, ''),"
                    + " greatest(0, extract(epoch FROM now() - coalesce(xact_start, state_change)))::float8,"
                    + " greatest(0, extract(epoch FROM now() - state_change))::float8, left(coalesce(query, ''), 400)"
                    + " FROM pg_stat_activity WHERE state IN ('idle in transaction', 'idle in transaction (aborted)')"
                    + " ORDER BY coalesce(xact_start, state_change) LIMIT " + ConnectionSnapshot.MAX_IDLE)) {
                while (rs.next()) {
                    out.add(new IdleTransaction(String.valueOf(rs.getInt(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
                }
            }
            return out;
        }).orElse(List.of());
        Map<String, Integer> waits = session.optional("Waits by type (pg_stat_activity)", c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (ResultSet rs = query(c, "SELECT wait_event_type, count(*)::int FROM pg_stat_activity WHERE " + CLIENT
                    + " AND state = 'active' AND wait_event_type IS NOT NULL GROUP BY 1")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        }).orElse(Map.of());
        return new ConnectionSnapshot(at, new ConnectionLimits(settings[0], settings[1], settings[2], scoped), totals[0], totals[1],
                ConnectionSnapshot.bounded(groups, ConnectionSnapshot.MAX_GROUPS), idle, waits, session.notes());
    }

    private static ResultSet query(Connection c, String sql) throws SQLException {
        Statement st = c.createStatement();
        st.closeOnCompletion();
        return st.executeQuery(PostgresWorkloadCollector.MARK + sql);
    }
}
