package io.knobwright.connectors.logs;

import io.knobwright.connectors.LocalServices;
import io.knobwright.model.workload.LoggedStatement;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slow query log of the machine's MariaDB service: the log is switched on into a fresh file (the server runs as
 * mysql, so the directory is opened to it), this session logs every statement (long_query_time = 0 for the session
 * only), a workload runs, and the file must give back what ran. Every global changed is put back in a finally.
 */
class MariaDbSlowLogTest {

    private static final String MARK = "kwslow";

    @Test
    void theSlowLogGivesBackTheStatementsThatRan() throws Exception {
        LocalServices.requireMariaDb();
        Path dir = Files.createTempDirectory("kw-slowlog", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path log = dir.resolve("slow.log");
        Map<String, Integer> ran = new TreeMap<>();
        Instant before = Instant.now().minusSeconds(2);
        try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
             Statement st = admin.createStatement()) {
            String[] saved = new String[3];
            try (ResultSet rs = st.executeQuery("SELECT @@global.slow_query_log, @@global.slow_query_log_file,"
                    + " @@global.log_output")) {
                rs.next();
                for (int i = 0; i < 3; i++) {
                    saved[i] = rs.getString(i + 1);
                }
            }
            try {
                st.execute("SET GLOBAL slow_query_log_file = '" + log + "'");
                st.execute("SET GLOBAL log_output = 'FILE'");
                st.execute("SET GLOBAL slow_query_log = 1");
                runWorkload(ran);
            } finally {
                st.execute("SET GLOBAL slow_query_log = " + saved[0]);
                st.execute("SET GLOBAL slow_query_log_file = '" + saved[1].replace("'", "''") + "'");
                st.execute("SET GLOBAL log_output = '" + saved[2] + "'");
            }
        }
        Instant after = Instant.now().plusSeconds(2);
        try {
            LogSource source = LogImporter.inspect(log, null, null);
            assertEquals(LogFormat.MYSQL_SLOW, source.format());
            List<LoggedStatement> read = new ArrayList<>();
            ImportCounts counts = LogImporter.run(source, read::add, new ImportControl());
            Map<String, Integer> found = new TreeMap<>();
            int prepared = 0;
            for (LoggedStatement s : read) {
                if (!s.text().contains(MARK)) {
                    continue;
                }
                assertEquals("root", s.user(), s.toString());
                assertEquals("test", s.database(), s.toString());
                assertTrue(!s.at().isBefore(before) && !s.at().isAfter(after), s.toString());
                assertTrue(!s.session().isEmpty(), s.toString());
                if (s.text().startsWith("SELECT v FROM " + MARK + "_t WHERE id = ")) {
                    prepared++;
                    assertEquals(1, s.rows(), "one row sent: " + s);
                } else {
                    found.merge(s.text(), 1, Integer::sum);
                }
            }
            String text = Files.readString(log);
            assertEquals(ran, found, () -> "the log's end:\n" + text.substring(Math.max(0, text.length() - 1500)));
            assertEquals(5, prepared);
            assertEquals(0, counts.malformed(), counts.malformedExamples().toString());
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(dir);
        }
    }

    private static void runWorkload(Map<String, Integer> ran) throws Exception {
        List<String> statements = List.of(
                "DROP TABLE IF EXISTS " + MARK + "_t",
                "CREATE TABLE " + MARK + "_t (id int primary key, v varchar(50))",
                "INSERT INTO " + MARK + "_t VALUES (1, 'it''s'), (2, 'a\\'b'), (3, 'semi;colon')",
                "SELECT id,\n       v\n  FROM " + MARK + "_t\n WHERE v <> '# Time: not a header'",
                "UPDATE " + MARK + "_t SET v = 'x' WHERE id = 3",
                "SELECT 1 /* " + MARK + " */");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
             Statement st = c.createStatement()) {
            st.execute("SET SESSION long_query_time = 0");
            for (String sql : statements) {
                st.execute(sql);
                ran.merge(sql, 1, Integer::sum);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM " + MARK + "_t WHERE id = ?")) {
                for (int i = 0; i < 5; i++) {
                    ps.setInt(1, 1 + i % 3);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                }
            }
            st.execute("DROP TABLE " + MARK + "_t");
            ran.merge("DROP TABLE " + MARK + "_t", 1, Integer::sum);
            // the server writes a statement's slow-log entry after answering it, but before it reads the next command
            st.execute("SELECT 'the last one may be lost'");
        }
    }
}
