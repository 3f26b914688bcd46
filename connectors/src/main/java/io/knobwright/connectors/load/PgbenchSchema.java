package io.knobwright.connectors.load;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Creates and fills pgbench's four tables as {@code pgbench -i -s N} does (steps dtgvp): drop, create with
 * fillfactor 100, generate 100,000 accounts, 10 tellers and 1 branch per scale unit (client-side, through COPY),
 * VACUUM ANALYZE, then the primary keys. The tables are created and filled in one transaction, so that COPY FREEZE
 * writes the accounts already frozen and the first VACUUM has little to do. Scale 100 (10 million accounts, 1.3 GB)
 * takes about as long as pgbench -i needs on the same server.
 */
public final class PgbenchSchema {

    /** pgbench switches aid to bigint above this scale (its SCALE_32BIT_THRESHOLD). */
    static final int SCALE_32BIT_THRESHOLD = 20_000;
    private static final int ACCOUNTS_PER_BRANCH = 100_000;
    private static final int TELLERS_PER_BRANCH = 10;
    private static final int COPY_CHUNK = 1 << 16;

    private PgbenchSchema() {
    }

    /** {@link #create(Connection, int, Consumer)} without progress. */
    public static void create(Connection connection, int scale) {
        create(connection, scale, step -> { });
    }

    /**
     * Replaces any pgbench tables in the connection's database with fresh ones at {@code scale}; {@code step} hears
     * each step as it starts ("Copying 10000000 accounts", ...). Leaves the connection in autocommit.
     *
     * @throws ConnectorException when the server refuses a step (no right to create tables, disk full, ...)
     */
    public static void create(Connection connection, int scale, Consumer<String> step) {
        if (scale < 1 || scale > 1_000_000) {
            throw UserError.input("A pgbench scale is from 1 to 1000000, not " + scale + ".");
        }
        String idType = scale > SCALE_32BIT_THRESHOLD ? "bigint" : "int";
        try (Statement s = connection.createStatement()) {
            connection.setAutoCommit(false);
            step.accept("Creating the pgbench tables");
            s.execute("DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
            s.execute("CREATE TABLE pgbench_history (tid int, bid int, aid " + idType
                    + ", delta int, mtime timestamp, filler char(22))");
            s.execute("CREATE TABLE pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84))"
                    + " WITH (fillfactor=100)");
            s.execute("CREATE TABLE pgbench_accounts (aid " + idType + " not null, bid int, abalance int,"
                    + " filler char(84)) WITH (fillfactor=100)");
            s.execute("CREATE TABLE pgbench_branches (bid int not null, bbalance int, filler char(88))"
                    + " WITH (fillfactor=100)");
            PGConnection pg = connection.unwrap(PGConnection.class);
            step.accept("Copying " + scale + " branches and " + (long) TELLERS_PER_BRANCH * scale + " tellers");
            copy(pg, "pgbench_branches", scale, i -> i + "\t0\t\n");
            copy(pg, "pgbench_tellers", (long) TELLERS_PER_BRANCH * scale,
                    i -> i + "\t" + ((i - 1) / TELLERS_PER_BRANCH + 1) + "\t0\t\n");
            step.accept("Copying " + (long) ACCOUNTS_PER_BRANCH * scale + " accounts");
            copy(pg, "pgbench_accounts", (long) ACCOUNTS_PER_BRANCH * scale,
                    i -> i + "\t" + ((i - 1) / ACCOUNTS_PER_BRANCH + 1) + "\t0\t\n");
            connection.commit();
            connection.setAutoCommit(true);
            step.accept("Vacuuming and analysing");
            s.execute("VACUUM ANALYZE pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history");
            step.accept("Adding the primary keys");
            s.execute("ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)");
            s.execute("ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)");
            s.execute("ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)");
        } catch (SQLException e) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the first failure is the one the user needs to see
            }
            throw new ConnectorException("Could not create the pgbench tables at scale " + scale + ": "
                    + e.getMessage() + ". Check that the user may create tables in this database and that the disk"
                    + " has room (about " + (15L * scale) + " MB).", e);
        }
    }

    /**
     * The scale of the pgbench tables in the connection's database, as pgbench finds it: the number of branches.
     *
     * @throws UserError when there are no pgbench tables (run {@link #create} first)
     */
    public static int scaleOf(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pgbench_branches")) {
            rs.next();
            int scale = rs.getInt(1);
            if (scale < 1) {
                throw UserError.input("pgbench_branches is empty: create the pgbench tables again (pgbench -i).");
            }
            return scale;
        } catch (SQLException e) {
            throw new UserError(UserError.Kind.INPUT, "This database has no pgbench tables to run on ("
                    + e.getMessage() + "). Create them first at the scale you want (pgbench -i -s N).", e);
        }
    }

    private interface Row {
        String of(long i);
    }

    private static void copy(PGConnection pg, String table, long rows, Row row) throws SQLException {
        CopyIn in = pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FREEZE)");
        try {
            StringBuilder chunk = new StringBuilder(COPY_CHUNK + 64);
            for (long i = 1; i <= rows; i++) {
                chunk.append(row.of(i));
                if (chunk.length() >= COPY_CHUNK) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
                    in.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
