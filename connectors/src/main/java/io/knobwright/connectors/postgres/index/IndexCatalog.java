package io.knobwright.connectors.postgres.index;

import io.knobwright.model.index.ExistingIndex;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server's catalog and statistics say at advice time: every index of the user's tables with its columns,
 * size and scans; each table's rows, size, scans and writes; since when the counters count; whether HypoPG is there.
 * Plain reads a monitoring role (pg_monitor) may make.
 */
final class IndexCatalog {

    /** One table's facts from pg_class and pg_stat_user_tables. */
    record TableFacts(String schema, String table, double rows, long bytes, long seqScans, long seqRowsRead,
                      long writes) {

        /** Index entries written per day: inserts, non-HOT updates and deletes over the counting time. */
        double writesPerDay(Duration counting) {
            double days = Math.max(counting.toSeconds(), 3600) / 86_400.0;
            return writes / days;
        }
    }

    private static final String INDEXES = """
            SELECT n.nspname, t.relname, ic.relname,
                   array(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
                   coalesce(pg_get_expr(i.indpred, i.indrelid, true), ''), am.amname, i.indisunique,
                   i.indisprimary OR EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid),
                   i.indisvalid, pg_relation_size(i.indexrelid), coalesce(s.idx_scan, 0), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              AND n.nspname NOT LIKE 'pg_temp%' AND t.relkind IN ('r', 'm', 'p')
            ORDER BY 1, 2, 3""";

    private static final String TABLES = """
            SELECT s.schemaname, s.relname, greatest(c.reltuples, s.n_live_tup, 0), pg_table_size(s.relid),
                   coalesce(s.seq_scan, 0), coalesce(s.seq_tup_read, 0),
                   s.n_tup_ins + s.n_tup_upd - s.n_tup_hot_upd + s.n_tup_del
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid""";

    private IndexCatalog() {
    }

    static List<ExistingIndex> indexes(Connection c) throws SQLException {
        List<ExistingIndex> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(INDEXES)) {
            while (rs.next()) {
                Array columns = rs.getArray(4);
                out.add(new ExistingIndex(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) columns.getArray()), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getBoolean(9), rs.getLong(10), rs.getLong(11), rs.getString(12)));
            }
        }
        return out;
    }

    /** Facts per {@code schema.table}. */
    static Map<String, TableFacts> tables(Connection c) throws SQLException {
        Map<String, TableFacts> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(TABLES)) {
            while (rs.next()) {
                TableFacts t = new TableFacts(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), Math.max(0, rs.getLong(7)));
                out.put(t.schema() + "." + t.table(), t);
            }
        }
        return out;
    }

    /** When the database's counters were last reset, or the server started when they never were. */
    static Instant statsSince(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(d.stats_reset,"
                + " pg_postmaster_start_time()) FROM pg_stat_database d WHERE d.datname = current_database()")) {
            Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
            return at == null ? Instant.EPOCH : at.toInstant();
        }
    }

    static String database(Connection c) throws SQLException {
        return single(c, "SELECT current_database()");
    }

    static String searchPath(Connection c) throws SQLException {
        return single(c, "SELECT current_setting('search_path')");
    }

    /** HypoPG: "installed" (created in this database), "available" (can be created) or "absent". */
    static String hypopg(Connection c) throws SQLException {
        return single(c, "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg') THEN 'installed'"
                + " WHEN EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg') THEN 'available'"
                + " ELSE 'absent' END");
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
