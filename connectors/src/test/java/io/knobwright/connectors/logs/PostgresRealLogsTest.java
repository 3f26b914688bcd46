package io.knobwright.connectors.logs;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.workload.LoggedStatement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Logs written by real PostgreSQL servers (embedded, 13, 16 and 18) with logging_collector on and
 * log_min_duration_statement = 0, under several log_line_prefix values, as stderr, csvlog and (15+) jsonlog at once:
 * a small workload runs (multi-line statements, dollar quoting, escaped quotes, a failing statement, prepared
 * statements through JDBC on both protocols), and every file must give back exactly the statements that ran, with
 * their counts, users and databases.
 */
class PostgresRealLogsTest {

    /** Every workload statement carries it; the driver's own statements do not. */
    private static final String MARK = "kwlog";

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of(13, "%m [%p] %q%u@%d ", false),
                Arguments.of(16, "%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h ", false),
                Arguments.of(18, "%n|%c|%a|%u|%d|%e|%v|%x|%b: ", true));
    }

    @ParameterizedTest(name = "PostgreSQL {0}, prefix ''{1}''")
    @MethodSource("servers")
    void everyLogFormatGivesBackTheStatementsThatRan(int major, String prefix, boolean giveThePrefix,
                                                     @TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        String destinations = major >= 15 ? "stderr,csvlog,jsonlog" : "stderr,csvlog";
        Map<String, Integer> ran;
        try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().builder(major)
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", destinations)
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "server.log")
                .setServerConfig("log_line_prefix", shellQuoted(prefix))
                .setServerConfig("log_min_duration_statement", "0")
                .setServerConfig("log_timezone", "Europe/Berlin")
                .start()) {
            ran = runWorkload(pg.getJdbcUrl("postgres", "postgres"));
        }
        Path stderr = logs.resolve("server.log");
        LogSource source = LogImporter.inspect(stderr, null, giveThePrefix ? prefix : null);
        assertEquals(LogFormat.STDERR, source.format());
        assertEquals(prefix, source.prefix(), "the prefix " + (giveThePrefix ? "given" : "detected"));
        assertStatements(ran, source, true);

        LogSource csv = LogImporter.inspect(logs.resolve("server.csv"), null, null);
        assertEquals(LogFormat.CSVLOG, csv.format());
        assertStatements(ran, csv, true);
        if (major >= 15) {
            LogSource json = LogImporter.inspect(logs.resolve("server.json"), null, null);
            assertEquals(LogFormat.JSONLOG, json.format());
            assertStatements(ran, json, true);
        }
        // a csvlog is not a stderr log: the message says what it found and what to give
        var wrong = assertThrows(io.knobwright.model.UserError.class,
                () -> LogImporter.inspect(logs.resolve("server.csv"), LogFormat.JSONLOG, null));
        assertTrue(wrong.getMessage().contains("--format csvlog"), wrong.getMessage());
    }

    /** zonky hands the settings to pg_ctl -o, which a shell splits: a value with spaces or '|' needs quotes. */
    private static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void assertStatements(Map<String, Integer> ran, LogSource source, boolean namesKnown) {
        List<LoggedStatement> read = new ArrayList<>();
        ImportCounts counts = LogImporter.run(source, read::add, new ImportControl());
        Map<String, Integer> found = new TreeMap<>();
        for (LoggedStatement s : read) {
            if (s.text().contains(MARK)) {
                found.merge(s.text(), 1, Integer::sum);
                assertEquals("postgres", s.user(), source.describe() + ": " + s);
                assertEquals("postgres", s.database(), source.describe() + ": " + s);
                assertTrue(s.at().getEpochSecond() > 1_600_000_000L, source.describe() + ": " + s);
            }
        }
        assertEquals(ran, found, source.describe());
        assertEquals(0, counts.malformed(), source.describe() + ": " + counts.malformedExamples());
        assertTrue(counts.skipped() > 0, "parse/bind steps, parameters, the error and checkpoints are skipped");
    }

    /** Runs the workload; answers each statement's text as the server logs it, with how often it ran. */
    private static Map<String, Integer> runWorkload(String url) throws SQLException {
        Map<String, Integer> ran = new TreeMap<>();
        List<String> simple = List.of(
                "SELECT 1 AS " + MARK,
                "SELECT a,\n\tb /* " + MARK + " multi-line, with a tab */\nFROM (VALUES (1, 2)) v(a, b)",
                "DO $body$ BEGIN PERFORM 'it''s $$ not the end' /* " + MARK + " */; END $body$",
                "SELECT 'it''s', E'a\\'b', $q$dollar 'quoted'$q$ AS " + MARK,
                "SELECT 'line one\nLOG:  duration: 9.9 ms  statement: SELECT fake' AS " + MARK,
                "CREATE TABLE " + MARK + "_t (id int, name text)",
                "INSERT INTO " + MARK + "_t VALUES (1, 'x'), (2, 'y')");
        for (String mode : List.of("simple", "extended")) {
            try (Connection c = DriverManager.getConnection(url + "&preferQueryMode=" + mode
                    + "&ApplicationName=kw-" + mode); Statement st = c.createStatement()) {
                for (String sql : simple) {
                    String text = mode.equals("extended") ? sql.replace(MARK + "_t", MARK + "_e") : sql;
                    st.execute(text);
                    ran.merge(text, 1, Integer::sum);
                }
                try {
                    st.execute("SELECT 1/0 AS " + MARK + "_fails");
                } catch (SQLException expected) {
                    // an ERROR and a STATEMENT line: no statement that counts
                }
                if (mode.equals("extended")) {
                    // the first four executions are unnamed statements, from the fifth a named one (S_1)
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT name FROM " + MARK + "_e WHERE id = ? AND name <> ?")) {
                        for (int i = 0; i < 7; i++) {
                            ps.setInt(1, i);
                            ps.setString(2, "o'neil\n" + i);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    rs.getString(1);
                                }
                            }
                        }
                    }
                    ran.merge("SELECT name FROM " + MARK + "_e WHERE id = $1 AND name <> $2", 7, Integer::sum);
                }
            }
        }
        return ran;
    }
}
