package io.knobwright.connectors.mysql;

import io.knobwright.connectors.workload.CollectorSession;
import io.knobwright.model.workload.DatabaseSize;
import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.OtherRelations;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads per-table and per-index statistics and sizes of MySQL/MariaDB for a relation snapshot (decision 0128): sizes
 * per schema and of the largest {@code limit} tables from information_schema.TABLES (data_length, index_length,
 * table_rows: InnoDB's persistent statistics, refreshed by ANALYZE TABLE or after ~10% of a table changed; MySQL 8's
 * cache of them is bypassed for this session with information_schema_stats_expiry = 0), their indexes from
 * information_schema.STATISTICS with sizes from mysql.innodb_index_stats where the login may read it, and, with
 * performance_schema on, rows read per index and by full scans and rows changed per table. Nothing is changed on the
 * server.
 */
final class MySqlRelationStats {

    private static final String NOT_SYSTEM = "('information_schema', 'performance_schema', 'sys', 'mysql')";
    private static final long U = TableStats.UNKNOWN;

    private MySqlRelationStats() {
    }

    private record Sized(TableRef ref, long data, long index, long rows) {
    }

    /** performance_schema's rows read by full scans, inserted, updated, deleted per table; rows read per index. */
    private record Use(Map<TableRef, long[]> tables, Map<IndexRef, Long> indexes) {
    }

    /** Empty when the table sizes could not be read (the session's notes say why). */
    static Optional<RelationSnapshot> read(CollectorSession session, ServerIdentity identity, Instant at, ServerEpoch epoch, int limit)
            throws SQLException {
        if (!identity.isMariaDb()) {
            session.optional("Fresh table statistics (information_schema_stats_expiry)", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SET SESSION information_schema_stats_expiry = 0");
                }
                return null;
            });
        }
        long[] user = new long[2];
        List<DatabaseSize> databases = session.optional("Schema sizes (information_schema.TABLES)", c -> {
            List<DatabaseSize> out = new ArrayList<>();
            long tables = 0;
            long bytes = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_schema,"
                    + " COALESCE(SUM(data_length + index_length), 0), COUNT(*) FROM information_schema.TABLES"
                    + " WHERE table_schema NOT IN ('information_schema', 'performance_schema', 'sys') AND table_type <> 'VIEW'"
                    + " GROUP BY table_schema ORDER BY table_schema")) {
                while (rs.next()) {
                    out.add(new DatabaseSize(rs.getString(1), rs.getLong(2)));
                    if (!"mysql".equals(rs.getString(1))) {
                        tables += rs.getLong(3);
                        bytes += rs.getLong(2);
                    }
                }
            }
            user[0] = tables;
            user[1] = bytes;
            return out;
        }).orElse(List.of());
        Optional<List<Sized>> measured = session.optional("Table sizes (information_schema.TABLES)", c -> {
            List<Sized> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_schema, table_name,"
                    + " COALESCE(data_length, 0), COALESCE(index_length, 0), COALESCE(table_rows, 0) FROM information_schema.TABLES"
                    + " WHERE table_schema NOT IN " + NOT_SYSTEM + " AND table_type <> 'VIEW'"
                    + " ORDER BY COALESCE(data_length, 0) + COALESCE(index_length, 0) DESC, table_schema, table_name LIMIT " + limit)) {
                while (rs.next()) {
                    out.add(new Sized(new TableRef(rs.getString(1), rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)));
                }
            }
            return out;
        });
        if (measured.isEmpty()) {
            // the note says why; the next poll tries again rather than storing a snapshot without tables
            return Optional.empty();
        }
        List<Sized> sized = measured.get();
        Set<String> schemas = new TreeSet<>();
        sized.forEach(s -> schemas.add(s.ref().schema()));
        Map<TableRef, Sized> kept = new LinkedHashMap<>();
        sized.forEach(s -> kept.put(s.ref(), s));

        Map<IndexRef, Boolean> uniqueness = new LinkedHashMap<>();
        Map<IndexRef, Long> indexBytes = new HashMap<>();
        if (!schemas.isEmpty()) {
            uniqueness.putAll(session.optional("Indexes (information_schema.STATISTICS)", c -> {
                Map<IndexRef, Boolean> out = new LinkedHashMap<>();
                try (PreparedStatement st = c.prepareStatement("SELECT table_schema, table_name, index_name, MIN(non_unique)"
                        + " FROM information_schema.STATISTICS WHERE table_schema IN (" + marks(schemas.size()) + ")"
                        + " GROUP BY table_schema, table_name, index_name")) {
                    bind(st, schemas);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            TableRef t = new TableRef(rs.getString(1), rs.getString(1), rs.getString(2));
                            if (kept.containsKey(t)) {
                                out.put(new IndexRef(t, rs.getString(3)), rs.getInt(4) == 0);
                            }
                        }
                    }
                }
                return out;
            }).orElse(Map.of()));
            indexBytes.putAll(session.optional("Index sizes (mysql.innodb_index_stats)", c -> {
                Map<IndexRef, Long> out = new HashMap<>();
                try (PreparedStatement st = c.prepareStatement("SELECT database_name, table_name, index_name,"
                        + " stat_value * @@innodb_page_size FROM mysql.innodb_index_stats WHERE stat_name = 'size'"
                        + " AND database_name IN (" + marks(schemas.size()) + ")")) {
                    bind(st, schemas);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            out.put(new IndexRef(new TableRef(rs.getString(1), rs.getString(1), rs.getString(2)),
                                    rs.getString(3)), rs.getLong(4));
                        }
                    }
                }
                return out;
            }).orElse(Map.of()));
        }
        boolean on = !schemas.isEmpty() && session.optional("performance_schema", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@performance_schema")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }).orElse(false);
        Optional<Use> use = Optional.empty();
        if (on) {
            // both summaries in one part: counters from one and not the other would read as a table nobody used
            use = session.optional("Index and table use (performance_schema.table_io_waits_summary_by_index_usage,"
                    + " _by_table)", c -> {
                Use out = new Use(new HashMap<>(), new HashMap<>());
                try (PreparedStatement st = c.prepareStatement("SELECT object_schema, object_name, index_name, count_fetch"
                        + " FROM performance_schema.table_io_waits_summary_by_index_usage WHERE object_type = 'TABLE'"
                        + " AND object_schema IN (" + marks(schemas.size()) + ")")) {
                    bind(st, schemas);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            TableRef t = new TableRef(rs.getString(1), rs.getString(1), rs.getString(2));
                            if (rs.getString(3) == null) {
                                out.tables().computeIfAbsent(t, k -> new long[] {0, 0, 0, 0})[0] = rs.getLong(4);
                            } else {
                                out.indexes().put(new IndexRef(t, rs.getString(3)), rs.getLong(4));
                            }
                        }
                    }
                }
                try (PreparedStatement st = c.prepareStatement("SELECT object_schema, object_name, count_insert, count_update,"
                        + " count_delete FROM performance_schema.table_io_waits_summary_by_table WHERE object_type = 'TABLE'"
                        + " AND object_schema IN (" + marks(schemas.size()) + ")")) {
                    bind(st, schemas);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            long[] io = out.tables().computeIfAbsent(new TableRef(rs.getString(1), rs.getString(1),
                                    rs.getString(2)), k -> new long[] {0, 0, 0, 0});
                            io[1] = rs.getLong(3);
                            io[2] = rs.getLong(4);
                            io[3] = rs.getLong(5);
                        }
                    }
                }
                return out;
            });
        } else if (!schemas.isEmpty()) {
            session.note("Index use not collected: performance_schema is off on this server (it needs performance_schema = ON"
                    + " in the server's configuration and a restart); table and index sizes are collected, unused indexes"
                    + " cannot be told.");
        }
        boolean performanceSchema = use.isPresent();
        Map<TableRef, long[]> tableIo = use.map(Use::tables).orElse(Map.of());
        Map<IndexRef, Long> indexReads = use.map(Use::indexes).orElse(Map.of());

        List<TableStats> tables = new ArrayList<>();
        long keptTotal = 0;
        for (Sized s : sized) {
            // a table performance_schema has not seen since the server started was not read or written since then
            long[] io = tableIo.getOrDefault(s.ref(), performanceSchema ? new long[] {0, 0, 0, 0} : new long[] {U, U, U, U});
            tables.add(new TableStats(s.ref(), s.data() + s.index(), s.data(), s.index(), U, io[0], U, io[1], io[2], io[3], U,
                    Math.max(0, s.rows()), U, U, U, null, null, null, null));
            keptTotal += s.data() + s.index();
        }
        List<IndexStats> indexes = new ArrayList<>();
        uniqueness.forEach((ref, unique) -> indexes.add(new IndexStats(ref, indexBytes.getOrDefault(ref, U), U,
                performanceSchema ? indexReads.getOrDefault(ref, 0L) : U, unique)));
        indexes.sort(Comparator.comparingLong(IndexStats::bytes).reversed().thenComparing(IndexStats::ref));
        List<IndexStats> bounded = indexes.size() > limit ? indexes.subList(0, limit) : indexes;
        OtherRelations others = new OtherRelations((int) Math.max(0, user[0] - sized.size()), Math.max(0, user[1] - keptTotal),
                indexes.size() - bounded.size(), 0);
        return Optional.of(new RelationSnapshot(at, epoch, null, databases, tables, bounded, others));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement st, Set<String> values) throws SQLException {
        int i = 1;
        for (String v : values) {
            st.setString(i++, v);
        }
    }
}
