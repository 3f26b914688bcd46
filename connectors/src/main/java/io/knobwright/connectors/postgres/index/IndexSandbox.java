package io.knobwright.connectors.postgres.index;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An embedded PostgreSQL that holds a copy of the tables a workload's plans read: their columns (no constraints, no
 * defaults), their existing indexes, a bounded sample of their rows, and the server's per-column distinct counts, then
 * ANALYZE. Candidate indexes are built and dropped here, never on the monitored server.
 *
 * <p>A sample is smaller than the table, so absolute costs are smaller too; what carries over is the ratio of a
 * query's cost with and without an index. That holds when the planner's selectivities match the server's, so each
 * column gets the server's n_distinct (a negative value is a fraction of the rows and scales with the sample; a
 * positive one is a count that does not) instead of the sample's own estimate, which shrinks with the sample. The
 * sample is taken by TABLESAMPLE SYSTEM: whole pages, which keeps the physical order (and so the correlation that
 * prices an index scan) and reads only the sampled pages of a large table.
 */
final class IndexSandbox implements AutoCloseable {

    /** Rows copied per table at most. */
    static final int SAMPLE_ROWS = 50_000;
    /** Bytes copied per table at most (wide rows get fewer). */
    static final long SAMPLE_BYTES = 64L << 20;

    private final EmbeddedPostgres postgres;
    private final Connection connection;
    private final List<String> notes = new ArrayList<>();

    private IndexSandbox(EmbeddedPostgres postgres) throws SQLException {
        this.postgres = postgres;
        this.connection = postgres.getPostgresDatabase().getConnection();
    }

    static IndexSandbox start() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").start();
        try {
            return new IndexSandbox(postgres);
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** What could not be copied. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Copies one table from the server: columns, existing indexes, a sample of rows, n_distinct per column; ANALYZE.
     *
     * @return rows copied, or -1 when the table could not be made here (a type the sandbox lacks, say)
     */
    long copy(Connection server, IndexCatalog.TableFacts table, List<String> indexDefinitions) throws SQLException {
        String qualified = quote(table.schema()) + "." + quote(table.table());
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = server.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
                + " FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attnum")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qualified).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append(quote(columns.get(i)[0])).append(' ').append(columns.get(i)[1]);
        }
        ddl.append(')');
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(table.schema()));
            st.execute(ddl.toString());
        } catch (SQLException e) {
            notes.add("The sandbox could not hold " + table.schema() + "." + table.table() + " (" + firstLine(e) + ").");
            return -1;
        }
        long rows = copyRows(server, table, qualified);
        for (String definition : indexDefinitions) {
            try (Statement st = connection.createStatement()) {
                st.execute(definition);
            } catch (SQLException e) {
                notes.add("The sandbox could not build an existing index (" + firstLine(e) + "): " + definition);
            }
        }
        copyDistinct(server, table, qualified);
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE " + qualified);
        }
        return rows;
    }

    private long copyRows(Connection server, IndexCatalog.TableFacts table, String qualified) throws SQLException {
        double bytesPerRow = table.rows() < 1 ? 100 : Math.max(1, table.bytes() / table.rows());
        long limit = Math.max(1, Math.min(SAMPLE_ROWS, (long) (SAMPLE_BYTES / bytesPerRow)));
        String from = qualified;
        if (table.rows() > limit) {
            // whole pages: 25% more than needed, the LIMIT cuts the rest
            double percent = Math.min(100, 100.0 * limit * 1.25 / table.rows());
            from += String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.6f) REPEATABLE (1)", percent);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            CopyManager out = server.unwrap(PGConnection.class).getCopyAPI();
            long copied = out.copyOut("COPY (SELECT * FROM " + from + " LIMIT " + limit + ") TO STDOUT", buffer);
            CopyManager in = connection.unwrap(PGConnection.class).getCopyAPI();
            in.copyIn("COPY " + qualified + " FROM STDIN", new ByteArrayInputStream(buffer.toByteArray()));
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyDistinct(Connection server, IndexCatalog.TableFacts table, String qualified) throws SQLException {
        try (PreparedStatement ps = server.prepareStatement("SELECT attname, n_distinct FROM pg_stats"
                + " WHERE schemaname = ? AND tablename = ? AND NOT inherited")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery(); Statement st = connection.createStatement()) {
                while (rs.next()) {
                    double distinct = rs.getDouble(2);
                    if (distinct != 0) {
                        st.execute("ALTER TABLE " + qualified + " ALTER COLUMN " + quote(rs.getString(1))
                                + " SET (n_distinct = " + String.format(Locale.ROOT, "%.6f", distinct) + ")");
                    }
                }
            }
        }
    }

    /** The size of an index built here. */
    long indexBytes(String schema, String index) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_relation_size(?::regclass)")) {
            ps.setString(1, quote(schema) + "." + quote(index));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server goes away next
        }
        postgres.close();
    }
}
