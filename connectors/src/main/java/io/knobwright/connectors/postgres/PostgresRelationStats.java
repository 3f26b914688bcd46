package io.knobwright.connectors.postgres;

import io.knobwright.connectors.workload.CollectorSession;
import io.knobwright.model.workload.DatabaseSize;
import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.OtherRelations;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads per-table and per-index statistics and sizes for a relation snapshot (decision 0128), as parts of the
 * PostgreSQL collector's poll: same transaction, same statement timeout, each part behind its savepoint, reading only
 * what pg_monitor may read. The largest {@code limit} tables and indexes are chosen by the catalog's estimate
 * (relpages, kept by VACUUM, ANALYZE and CREATE INDEX), which costs no file access; only those chosen are measured
 * with pg_total_relation_size, pg_relation_size and pg_indexes_size (measured here on 2,000 tables: ranking all ~20 us a
 * table, measuring ~0.17 ms a table; measuring all of 50,000 tables at every snapshot would cost the server ~9 s).
 * The rest is counted and summed from the estimate.
 * pg_stat_user_tables and _indexes hold the connected database's tables only; database sizes cover every database.
 */
final class PostgresRelationStats {

    private PostgresRelationStats() {
    }

    /** The kept rows of a part, and how many it left out with their estimated bytes. */
    private record Kept<T>(List<T> rows, long leftOut, long leftOutBytes) {
    }

    /** Empty when the table statistics could not be read (the session's notes say why). */
    static Optional<RelationSnapshot> read(CollectorSession session, Instant at, ServerEpoch epoch, String database, int limit)
            throws SQLException {
        List<DatabaseSize> databases = session.optional("Database sizes per database", c -> {
            List<DatabaseSize> out = new ArrayList<>();
            try (ResultSet rs = query(c, "SELECT datname, pg_database_size(oid) FROM pg_database WHERE datallowconn"
                    + " ORDER BY datname")) {
                while (rs.next()) {
                    out.add(new DatabaseSize(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        }).orElse(List.of());
        Optional<Kept<TableStats>> tables = session.optional("Table statistics (pg_stat_user_tables, pg_statio_user_tables)", c -> {
            List<TableStats> out = new ArrayList<>();
            try (ResultSet rs = query(c, "WITH ix AS (SELECT i.indrelid, sum(c.relpages) AS pages FROM pg_index i"
                    + "   JOIN pg_class c ON c.oid = i.indexrelid GROUP BY i.indrelid),"
                    + " ranked AS (SELECT s.*, (c.relpages::bigint + coalesce(t.relpages, 0) + coalesce(ix.pages, 0))"
                    + "   * current_setting('block_size')::bigint AS estimate"
                    + "   FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid LEFT JOIN pg_class t ON t.oid = c.reltoastrelid"
                    + "   LEFT JOIN ix ON ix.indrelid = s.relid WHERE c.relkind IN ('r', 'm')),"
                    + " numbered AS (SELECT *, row_number() OVER (ORDER BY estimate DESC, relid) AS rank,"
                    + "   count(*) OVER () AS tables, sum(estimate) OVER () AS estimated FROM ranked)"
                    // sizes and block counters (what pg_statio_user_tables shows) for the kept tables only
                    + " SELECT schemaname, relname, pg_total_relation_size(relid), pg_relation_size(relid), pg_indexes_size(relid),"
                    + " seq_scan, seq_tup_read, coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd, n_live_tup,"
                    + " n_dead_tup, pg_stat_get_blocks_hit(relid), pg_stat_get_blocks_fetched(relid) - pg_stat_get_blocks_hit(relid),"
                    + " last_vacuum, last_autovacuum, last_analyze, last_autoanalyze, estimate, tables, estimated"
                    + " FROM numbered WHERE rank <= " + limit + " ORDER BY 3 DESC, 1, 2")) {
                long kept = 0;
                long keptEstimate = 0;
                long all = 0;
                long allEstimate = 0;
                while (rs.next()) {
                    out.add(new TableStats(new TableRef(database, rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                            rs.getLong(11), rs.getLong(12), Math.max(0, rs.getLong(13)), Math.max(0, rs.getLong(14)),
                            rs.getLong(15), rs.getLong(16), instant(rs.getTimestamp(17)), instant(rs.getTimestamp(18)),
                            instant(rs.getTimestamp(19)), instant(rs.getTimestamp(20))));
                    kept++;
                    keptEstimate += rs.getLong(21);
                    all = rs.getLong(22);
                    allEstimate = rs.getLong(23);
                }
                return new Kept<>(out, Math.max(0, all - kept), Math.max(0, allEstimate - keptEstimate));
            }
        });
        if (tables.isEmpty()) {
            // the note says why; the next poll tries again rather than storing a snapshot without tables
            return Optional.empty();
        }
        Kept<IndexStats> indexes = session.optional("Index statistics (pg_stat_user_indexes)", c -> {
            List<IndexStats> out = new ArrayList<>();
            try (ResultSet rs = query(c, "WITH numbered AS (SELECT s.indexrelid, s.schemaname, s.relname, s.indexrelname,"
                    + "   s.idx_scan, s.idx_tup_read, i.indisunique, c.relpages::bigint * current_setting('block_size')::bigint AS estimate,"
                    + "   row_number() OVER (ORDER BY c.relpages DESC, s.indexrelid) AS rank, count(*) OVER () AS indexes,"
                    + "   sum(c.relpages::bigint * current_setting('block_size')::bigint) OVER () AS estimated"
                    + " FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid"
                    + " JOIN pg_class c ON c.oid = s.indexrelid)"
                    + " SELECT schemaname, relname, indexrelname, pg_relation_size(indexrelid), idx_scan, idx_tup_read, indisunique,"
                    + " estimate, indexes, estimated FROM numbered WHERE rank <= " + limit + " ORDER BY 4 DESC, 1, 2, 3")) {
                long kept = 0;
                long keptEstimate = 0;
                long all = 0;
                long allEstimate = 0;
                while (rs.next()) {
                    out.add(new IndexStats(new IndexRef(new TableRef(database, rs.getString(1), rs.getString(2)), rs.getString(3)),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBoolean(7)));
                    kept++;
                    keptEstimate += rs.getLong(8);
                    all = rs.getLong(9);
                    allEstimate = rs.getLong(10);
                }
                return new Kept<>(out, Math.max(0, all - kept), Math.max(0, allEstimate - keptEstimate));
            }
        }).orElse(new Kept<>(List.of(), 0, 0));
        List<String> others = databases.stream().map(DatabaseSize::database)
                .filter(d -> !d.equals(database) && !d.equals("template1") && !d.equals("template0")).toList();
        if (!others.isEmpty()) {
            session.note("Table and index statistics are of database " + database + " only: PostgreSQL keeps them per"
                    + " database. The sizes of " + (others.size() <= 5 ? String.join(", ", others)
                    : String.join(", ", others.subList(0, 5)) + " and " + (others.size() - 5) + " more")
                    + " are measured as wholes; to see their tables,"
                    + " register each as an instance with its own JDBC URL (jdbc:postgresql://host:port/DATABASE).");
        }
        return Optional.of(new RelationSnapshot(at, epoch, database, databases, tables.get().rows(), indexes.rows(),
                new OtherRelations((int) tables.get().leftOut(), tables.get().leftOutBytes(), (int) indexes.leftOut(),
                        indexes.leftOutBytes())));
    }

    private static ResultSet query(Connection c, String sql) throws SQLException {
        Statement st = c.createStatement();
        st.closeOnCompletion();
        return st.executeQuery(PostgresWorkloadCollector.MARK + sql);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
