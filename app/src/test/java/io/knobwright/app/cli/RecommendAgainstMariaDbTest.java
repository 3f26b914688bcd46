package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine's MariaDB 10.11 (127.0.0.1:3306, root; decision 0153): a throwaway database about twice the size of
 * the server's 128 MB buffer pool, read at random between two collections, gets an online increase of
 * innodb_buffer_pool_size that fits the 8 GB entered as the host's RAM, cited from the measured hit ratio, and a
 * my.cnf with it.
 */
class RecommendAgainstMariaDbTest {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final int ROWS = 400_000;

    private final String database = "kw_rec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final CliHarness cli = CliHarness.withRealServers();

    @AfterEach
    void dropAndClose() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "?user=root&password=");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
        } finally {
            cli.close();
        }
    }

    @Test
    void aPoolSmallerThanTheDataReadAtRandomGrowsWithinTheRam() throws Exception {
        long pool;
        try (Connection c = DriverManager.getConnection(SERVER + "?user=root&password=");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT @@innodb_buffer_pool_size")) {
                rs.next();
                pool = rs.getLong(1);
            }
            st.execute("CREATE DATABASE " + database);
            st.execute("USE " + database); // the sequence engine's tables live in the current database
            st.execute("CREATE TABLE " + database + ".t (id INT PRIMARY KEY, a CHAR(250), b CHAR(250)) ENGINE=InnoDB");
            // about 2 x 128 MB: rows of ~500 bytes, written by the server itself from its sequence engine
            st.execute("INSERT INTO " + database + ".t SELECT seq, REPEAT('a', 250), REPEAT('b', 250) FROM seq_1_to_"
                    + ROWS);
            // InnoDB recalculates a table's statistics (information_schema's data_length, the data size the
            // recommender reads) in the background after a bulk load; until then the table can read as small enough
            // to fit the pool, and a larger pool then saves nothing (1 run in 3 failed that way)
            st.execute("ANALYZE TABLE " + database + ".t");
        }
        assertThat(pool).as("the server's pool is the small default this test expects").isLessThan(256L << 20);
        String name = "maria-" + database;
        CliHarness.Result added = cli.run("fleet", "add", "--name", name, "--jdbc-url", SERVER + database,
                "--user", "root");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(cli.run("fleet", "edit", name, "--ram", "8GB").exitCode()).isZero();
        assertThat(cli.run("fleet", "refresh", name).exitCode()).isZero();
        CliHarness.Result first = cli.run("monitor", "collect", "--instance", name);
        assertThat(first.exitCode()).as(first.err()).isZero();

        readAtRandom(20_000);

        CliHarness.Result second = cli.run("monitor", "collect", "--instance", name);
        assertThat(second.exitCode()).as(second.err()).isZero();
        CliHarness.Result answer = cli.run("recommend", "--instance", name, "--json");
        assertThat(answer.exitCode()).as(answer.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(answer.out());
        JsonNode bufferPool = null;
        for (JsonNode r : json.get("recommendations")) {
            if (r.get("parameter").asText().equals("innodb_buffer_pool_size")) {
                bufferPool = r;
            }
        }
        assertThat(bufferPool).as(answer.out()).isNotNull();
        assertThat(bufferPool.get("direction").asText()).isEqualTo("increase");
        String toText = bufferPool.get("to").asText();
        long to = bytes(toText);
        assertThat(to).isGreaterThan(pool).isLessThan(8L << 30);
        assertThat(bufferPool.get("reasoning").asText()).contains("page requests");
        assertThat(bufferPool.get("evidence").toString()).contains("bufferHitRatio");
        assertThat(json.get("warnings").toString()).contains("Evidence: buffer pool hit ratio and reads")
                .contains("measured by the collector");

        CliHarness.Result cnf = cli.run("recommend", "--instance", name, "--format", "my.cnf");
        assertThat(cnf.exitCode()).as(cnf.err()).isZero();
        assertThat(cnf.out()).contains("[mysqld]").contains("innodb_buffer_pool_size = " + toText);
    }

    /** "256M" or "268435456", as a my.cnf reads it. */
    private static long bytes(String text) {
        char unit = Character.toUpperCase(text.charAt(text.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        return Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1)) << shift;
    }

    /** Point reads by primary key at random over the whole table: most leaf pages are not in a 128 MB pool. */
    private void readAtRandom(int reads) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        try (Connection c = DriverManager.getConnection(SERVER + database + "?user=root&password=");
             PreparedStatement ps = c.prepareStatement("SELECT a FROM t WHERE id = ?")) {
            for (int i = 0; i < reads; i++) {
                ps.setInt(1, 1 + random.nextInt(ROWS));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }
}
