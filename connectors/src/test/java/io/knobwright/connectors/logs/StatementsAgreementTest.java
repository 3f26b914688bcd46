package io.knobwright.connectors.logs;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.workload.FingerprintDigest;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.Fingerprinter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement check against a real server: a workload run with log_min_duration_statement = 0 and
 * pg_stat_statements on; per fingerprint, the calls counted from the log equal the sum of the pg_stat_statements calls
 * of the entries with that fingerprint (pg_stat_statements keeps IN lists of different lengths apart before 18, and
 * its texts carry $n where the log has literals: both must land on one fingerprint).
 */
class StatementsAgreementTest {

    private static final String MARK = "kwagree";

    @Test
    void callsCountedFromTheLogEqualPgStatStatementsPerFingerprint(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        Map<Long, Long> fromStatements = new TreeMap<>();
        Fingerprinter fingerprinter = Fingerprinter.POSTGRESQL;
        try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().builder(16)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "server.log")
                .setServerConfig("log_line_prefix", "'%m [%p] %q%u@%d '")
                .setServerConfig("log_min_duration_statement", "0")
                .start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION pg_stat_statements");
                st.execute("CREATE TABLE " + MARK + "_orders (id int PRIMARY KEY, customer int, total numeric, note text)");
                st.execute("SELECT pg_stat_statements_reset()");
            }
            runWorkload(url);
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT query, calls FROM pg_stat_statements WHERE query LIKE '%"
                         + MARK + "%' AND query NOT LIKE '%pg_stat_statements%'")) {
                while (rs.next()) {
                    fromStatements.merge(fingerprinter.id(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
        }
        FingerprintDigest digest = new FingerprintDigest(fingerprinter, ZoneOffset.UTC);
        LogImporter.run(LogImporter.inspect(logs.resolve("server.log"), null, null), digest::add, new ImportControl());
        Map<Long, Long> fromLog = new HashMap<>();
        for (FingerprintSummary s : digest.summaries()) {
            if (fromStatements.containsKey(s.id())) {
                fromLog.put(s.id(), s.calls());
            }
        }

        assertThat(fromStatements).as("the workload's statements, as pg_stat_statements fingerprints").hasSizeGreaterThan(5);
        assertThat(new TreeMap<>(fromLog)).isEqualTo(fromStatements);
    }

    /** Literals, IN lists of many lengths, prepared statements, multi-line text and comments, in both protocols. */
    private static void runWorkload(String url) throws Exception {
        Random random = new Random(11);
        for (String mode : new String[] {"simple", "extended"}) {
            try (Connection c = DriverManager.getConnection(url + "&preferQueryMode=" + mode);
                 Statement st = c.createStatement()) {
                for (int i = 0; i < 40; i++) {
                    int id = mode.equals("simple") ? i : 1000 + i;
                    st.execute("INSERT INTO " + MARK + "_orders VALUES (" + id + ", " + random.nextInt(50) + ", "
                            + random.nextInt(10_000) / 100.0 + ", 'it''s order " + i + "')");
                    st.executeQuery("select * from " + MARK + "_orders where id = " + id).close();
                    StringBuilder in = new StringBuilder();
                    for (int k = 0; k <= random.nextInt(12); k++) {
                        in.append(k == 0 ? "" : ", ").append(random.nextInt(2000));
                    }
                    st.executeQuery("SELECT count(*)\n  FROM " + MARK + "_orders /* report */\n WHERE customer IN ("
                            + in + ")").close();
                }
                st.execute("UPDATE " + MARK + "_orders SET total = total * 1.1 WHERE customer < 10");
                try (PreparedStatement ps = c.prepareStatement("SELECT note FROM " + MARK + "_orders WHERE customer = ?"
                        + " AND total > ?")) {
                    for (int i = 0; i < 30; i++) {
                        ps.setInt(1, random.nextInt(50));
                        ps.setBigDecimal(2, java.math.BigDecimal.valueOf(random.nextInt(100)));
                        ps.executeQuery().close();
                    }
                }
            }
        }
    }
}
