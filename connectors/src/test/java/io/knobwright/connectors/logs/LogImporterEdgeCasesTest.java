package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;
import io.knobwright.model.workload.LoggedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written logs for the cases a real server rarely writes on cue. */
class LogImporterEdgeCasesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<LoggedStatement> read(LogSource source, ImportCounts[] counts) {
        List<LoggedStatement> out = new ArrayList<>();
        ImportCounts c = LogImporter.run(source, out::add, new ImportControl());
        if (counts != null) {
            counts[0] = c;
        }
        return out;
    }

    private static final String P = "2024-05-01 10:11:12.345 UTC [4242] app@shop ";

    @Test
    void multiLineStatementsLoseTheContinuationTabsAndCrlfLineEnds() throws IOException {
        Path log = write("crlf.log", (P + "LOG:  duration: 1.250 ms  statement: SELECT a,\r\n\t\tb\r\n\tFROM t\r\n"
                + P + "LOG:  checkpoint starting: time\r\n").replace("\r\n", "\r\n"));
        ImportCounts[] counts = new ImportCounts[1];
        List<LoggedStatement> got = read(LogImporter.inspect(log, null, null), counts);
        assertEquals(1, got.size());
        LoggedStatement s = got.getFirst();
        assertEquals("SELECT a,\n\tb\nFROM t", s.text());
        assertEquals(1.25, s.durationMs(), 1e-9);
        assertEquals("app", s.user());
        assertEquals("shop", s.database());
        assertEquals("4242", s.session());
        assertEquals(Instant.parse("2024-05-01T10:11:12.345Z"), s.at());
        assertEquals(1, counts[0].skipped());
        assertEquals(0, counts[0].malformed());
    }

    @Test
    void logStatementLinesWaitForTheirProcesssDurationAndFailedOnesAreDropped() throws IOException {
        String q = "2024-05-01 10:11:12.345 UTC [";
        Path log = write("pairs.log", q + "1] u@d LOG:  statement: SELECT 1\n"
                + q + "2] u@d LOG:  statement: SELECT 2\n"
                + q + "1] u@d LOG:  duration: 3.000 ms\n"
                + q + "2] u@d ERROR:  division by zero\n"
                + q + "2] u@d STATEMENT:  SELECT 2\n"
                + q + "3] u@d LOG:  statement: BEGIN\n"
                + q + "3] u@d LOG:  statement: COMMIT\n");
        List<LoggedStatement> got = read(LogImporter.inspect(log, LogFormat.STDERR, "%m [%p] %q%u@%d "), null);
        assertEquals(List.of("SELECT 1", "BEGIN", "COMMIT"), got.stream().map(LoggedStatement::text).toList());
        assertEquals(3.0, got.getFirst().durationMs());
        assertEquals(0.0, got.get(1).durationMs());
    }

    @Test
    void extendedProtocolCountsExecuteAndSkipsParseBindAndParameters() throws IOException {
        Path log = write("ext.log", P + "LOG:  duration: 0.100 ms  parse <unnamed>: SELECT $1\n"
                + P + "LOG:  duration: 0.050 ms  bind <unnamed>: SELECT $1\n"
                + P + "DETAIL:  parameters: $1 = 'it''s\n\ta trap'\n"
                + P + "LOG:  duration: 0.200 ms  execute S_1: SELECT $1\n"
                + P + "DETAIL:  parameters: $1 = '5'\n"
                + P + "LOG:  duration: 0.010 ms  execute fetch from S_1/C_2: SELECT $1\n");
        ImportCounts[] counts = new ImportCounts[1];
        List<LoggedStatement> got = read(LogImporter.inspect(log, null, null), counts);
        assertEquals(1, got.size());
        assertEquals("SELECT $1", got.getFirst().text());
        assertEquals(5, counts[0].skipped());
    }

    @Test
    void gzipIsToldByItsFirstBytesNotItsName() throws IOException {
        Path log = dir.resolve("server.log");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
            for (int i = 0; i < 20_000; i++) {
                out.write((P + "LOG:  duration: 0.5 ms  statement: SELECT " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        LogSource source = LogImporter.inspect(log, null, null);
        assertTrue(source.gzip());
        ImportControl control = new ImportControl();
        List<LoggedStatement> got = new ArrayList<>();
        LogImporter.run(source, 2, i -> got::add, control);
        assertEquals(20_000, got.size());
        assertEquals("SELECT 19999", got.getLast().text());
        assertEquals(Files.size(log), control.bytesRead(), "progress counts the compressed bytes");
    }

    @Test
    void malformedLinesAndATruncatedLastEntryAreCountedAndSkipped() throws IOException {
        Path log = write("bad.log", P + "LOG:  duration: 0.5 ms  statement: SELECT 1\n"
                + "sh: 1: archive_command: not found\n"
                + P + "LOG:  duration: abc ms  statement: SELECT 2\n"
                + P + "LOG:  duration: 0.5 ms  statement: SELECT 3\n"
                + P + "LOG:  duration: 0.7 ms  statement: SELECT 4, 'cut sh");
        ImportCounts[] counts = new ImportCounts[1];
        List<LoggedStatement> got = read(LogImporter.inspect(log, null, null), counts);
        assertEquals(List.of("SELECT 1", "SELECT 3"), got.stream().map(LoggedStatement::text).toList());
        assertEquals(3, counts[0].malformed());
        assertTrue(counts[0].malformedExamples().get(2).contains("ends inside"), counts[0].malformedExamples().toString());
    }

    @Test
    void aFileThatIsNoLogSaysWhatWasExpectedFoundAndWhatToGive() throws IOException {
        Path notes = write("notes.txt", "shopping list\nmilk\neggs\n");
        UserError e = assertThrows(UserError.class, () -> LogImporter.inspect(notes, null, null));
        assertTrue(e.getMessage().contains("is not a PostgreSQL stderr log"), e.getMessage());
        assertTrue(e.getMessage().contains("  shopping list"), e.getMessage());
        assertTrue(e.getMessage().contains("--format") && e.getMessage().contains("--prefix"), e.getMessage());

        Path log = write("p.log", P + "LOG:  duration: 0.5 ms  statement: SELECT 1\n");
        UserError wrong = assertThrows(UserError.class, () -> LogImporter.inspect(log, LogFormat.STDERR, "%t <%p> "));
        assertTrue(wrong.getMessage().contains("They match the prefix '%m [%p] %q%u@%d '"), wrong.getMessage());
        UserError escape = assertThrows(UserError.class, () -> LogImporter.inspect(log, LogFormat.STDERR, "%m %z "));
        assertTrue(escape.getMessage().contains("'%z'"), escape.getMessage());
    }

    @Test
    void detectionNamesTheShortestCommonPrefixThatExplainsEveryLine() throws IOException {
        String plain = "2024-05-01 10:11:12 UTC [7] LOG:  duration: 1 ms  statement: SELECT 1\n"
                + "2024-05-01 10:11:13 UTC [8] LOG:  checkpoint starting: time\n";
        assertEquals("%t [%p] ", LogImporter.inspect(write("t.log", plain), null, null).prefix());
        String debian = P + "LOG:  duration: 1 ms  statement: SELECT 1\n"
                + "2024-05-01 10:11:13.001 UTC [8] LOG:  checkpoint starting: time\n";
        assertEquals("%m [%p] %q%u@%d ", LogImporter.inspect(write("d.log", debian), null, null).prefix());
    }

    @Test
    void anUnusualPrefixIsInferredFromTheEscapeGrammar() throws IOException {
        String line = "{2024-05-01 10:11:12.345 CEST} pid=77 sid=6631a2b0.4d db=shop usr=lin LOG:  duration: 2 ms"
                + "  statement: SELECT 1\n";
        Path log = write("odd.log", line + line.replace("pid=77", "pid=78")
                + "{2024-05-01 10:11:13.001 CEST} pid=12 sid=6631a2b0.4e db= usr= LOG:  checkpoint starting: time\n");
        LogSource source = LogImporter.inspect(log, null, null);
        assertEquals("inferred", source.prefixHow());
        assertEquals("{%m} pid=%p sid=%c db=%d usr=%u ", source.prefix());
        List<LoggedStatement> got = read(source, null);
        assertEquals(2, got.size());
        assertEquals("lin", got.getFirst().user());
        assertEquals("shop", got.getFirst().database());
        assertEquals(Instant.parse("2024-05-01T08:11:12.345Z"), got.getFirst().at());
    }

    @Test
    void csvlogUndoublesQuotesKeepsMultiLineFieldsAndCountsShortRecords() throws IOException {
        String tail23 = ",,,,,,,,,\"psql\"";
        Path log = write("server.csv", "2024-05-01 10:11:12.345 UTC,\"lin\",\"shop\",77,\"[local]\",6631a2b0.4d,1,"
                + "\"SELECT\",2024-05-01 10:11:00 UTC,3/1,0,LOG,00000,\"duration: 1.5 ms  statement: SELECT 'it''s',\n"
                + "  \"\"quoted\"\"\"" + tail23 + ",\"client backend\",,0\n"
                + "2024-05-01 10:11:12.400 UTC,\"lin\",\"shop\",77,\"[local]\",6631a2b0.4d,2,"
                + "\"SELECT\",2024-05-01 10:11:00 UTC,3/2,0,LOG,00000,\"duration: 2 ms  statement: SELECT 2\"" + tail23 + "\n"
                + "2024-05-01 10:11:12.500 UTC,\"lin\",\"shop\",77,too,few,columns\n");
        ImportCounts[] counts = new ImportCounts[1];
        List<LoggedStatement> got = read(LogImporter.inspect(log, null, null), counts);
        assertEquals(List.of("SELECT 'it''s',\n  \"quoted\"", "SELECT 2"), got.stream().map(LoggedStatement::text).toList());
        assertEquals("psql", got.getFirst().application());
        assertEquals("6631a2b0.4d", got.getFirst().session());
        assertEquals(1, counts[0].malformed());
    }

    @Test
    void jsonlogDecodesEscapesOnlyWhereThereAreSome() throws IOException {
        Path log = write("server.json", "{\"timestamp\":\"2024-05-01 10:11:12.345 UTC\",\"user\":\"lin\",\"dbname\":"
                + "\"shop\",\"pid\":77,\"session_id\":\"6631a2b0.4d\",\"error_severity\":\"LOG\",\"message\":"
                + "\"duration: 0.5 ms  statement: SELECT 'caf\\u00e9',\\n\\t\\\"x\\\"\",\"application_name\":\"psql\"}\n"
                + "{\"timestamp\":\"2024-05-01 10:11:12.400 UTC\",\"message\":\"duration: 1 ms  statement: SELECT 2\","
                + "\"error_severity\":\"LOG\",\"pid\":78}\n"
                + "{\"timestamp\":\"2024-05-01 10:11:12.5\n");
        ImportCounts[] counts = new ImportCounts[1];
        List<LoggedStatement> got = read(LogImporter.inspect(log, null, null), counts);
        assertEquals(List.of("SELECT 'café',\n\t\"x\"", "SELECT 2"), got.stream().map(LoggedStatement::text).toList());
        assertEquals("psql", got.getFirst().application());
        assertEquals("", got.get(1).user());
        assertEquals(1, counts[0].malformed());
    }

    @Test
    void mysqlSlowLogTakesTheDatabaseFromUseAndTheStatementOverItsLines() throws IOException {
        Path log = write("slow.log", """
                /usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:
                Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
                Time                 Id Command    Argument
                # Time: 2024-05-01T10:11:12.345678Z
                # User@Host: lin[lin] @ app1 [10.0.0.5]  Id:    12
                # Query_time: 0.250000  Lock_time: 0.000010 Rows_sent: 3  Rows_examined: 300
                use shop;
                SET timestamp=1714558272;
                SELECT *
                  FROM orders
                 WHERE note = 'a;b';
                # User@Host: lin[lin] @ app1 [10.0.0.5]  Id:    12
                # Query_time: 0.001000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0
                SET timestamp=1714558273;
                # administrator command: Quit;
                # Time: 2024-05-01T10:11:14Z
                # User@Host: bad[bad] @ app1 []  Id:    13
                SET timestamp=1714558274;
                SELECT 1;
                """);
        ImportCounts[] counts = new ImportCounts[1];
        LogSource source = LogImporter.inspect(log, null, null);
        assertEquals(LogFormat.MYSQL_SLOW, source.format());
        List<LoggedStatement> got = read(source, counts);
        assertEquals(1, got.size());
        LoggedStatement s = got.getFirst();
        assertEquals("SELECT *\n  FROM orders\n WHERE note = 'a;b'", s.text());
        assertEquals("shop", s.database());
        assertEquals("lin", s.user());
        assertEquals("app1", s.application());
        assertEquals("12", s.session());
        assertEquals(250.0, s.durationMs(), 1e-9);
        assertEquals(3, s.rows());
        assertEquals(Instant.ofEpochSecond(1714558272), s.at());
        assertEquals(1, counts[0].malformed(), "the entry without a Query_time");
    }

    @Test
    void twoThreadsGiveTheSameStatementsAsOneEvenWhereADurationIsInTheOtherHalf() throws IOException {
        Path log = dir.resolve("big.log");
        StringBuilder s = new StringBuilder();
        int n = 120_000;
        for (int i = 0; i < n; i++) {
            String q = "2024-05-01 10:11:12.345 UTC [" + (i % 50) + "] u@d ";
            if (i % 3 == 0) {
                s.append(q).append("LOG:  statement: SELECT ").append(i).append(",\n\t'x'\n");
                s.append(q).append("LOG:  duration: 1.000 ms\n");
            } else {
                s.append(q).append("LOG:  duration: 0.500 ms  statement: SELECT ").append(i).append("\n");
            }
        }
        Files.writeString(log, s);
        LogSource source = LogImporter.inspect(log, null, null);
        Map<String, Double> one = new TreeMap<>();
        LogImporter.run(source, x -> one.put(x.text(), x.durationMs()), new ImportControl());
        for (int threads : new int[] {2, 3, 7}) {
            List<List<LoggedStatement>> parts = new ArrayList<>();
            ImportCounts counts = LogImporter.run(source, threads, i -> {
                List<LoggedStatement> part = new ArrayList<>();
                synchronized (parts) {
                    parts.add(part);
                }
                return part::add;
            }, new ImportControl());
            Map<String, Double> many = new TreeMap<>();
            parts.forEach(p -> p.forEach(x -> many.put(x.text(), x.durationMs())));
            assertEquals(n, counts.statements());
            assertEquals(one, many, threads + " threads");
            assertEquals(0, counts.malformed());
        }
        assertEquals(n, one.size());
        assertEquals(1.0, one.get("SELECT 0,\n'x'"));
    }

    @Test
    void aCancelledImportStopsAtItsNextReadOnEveryThread() throws IOException {
        Path log = dir.resolve("c.log");
        Files.writeString(log, (P + "LOG:  duration: 0.5 ms  statement: SELECT 1\n").repeat(200_000));
        LogSource source = LogImporter.inspect(log, null, null);
        ImportControl control = new ImportControl();
        long[] seen = new long[2];
        assertThrows(java.util.concurrent.CancellationException.class, () -> LogImporter.run(source, 2, i -> s -> {
            if (++seen[i] == 1000) {
                control.cancel();
            }
        }, control));
        assertTrue(control.isCancelled());
        assertTrue(control.bytesRead() < Files.size(log), control.bytesRead() + " of " + Files.size(log));
    }

    @Test
    void aStatementLargerThanTheReadWindowIsReadWhole() throws IOException {
        String values = "(1, 'x'),\n\t".repeat(1_000_000);
        Path log = write("huge.log", P + "LOG:  duration: 0.5 ms  statement: SELECT 1\n"
                + P + "LOG:  duration: 9 ms  statement: INSERT INTO t VALUES " + values + "(0, 'end')\n"
                + P + "LOG:  duration: 0.5 ms  statement: SELECT 2\n");
        List<LoggedStatement> got = read(LogImporter.inspect(log, null, null), null);
        assertEquals(3, got.size());
        assertEquals("INSERT INTO t VALUES " + values.replace("\t", "") + "(0, 'end')", got.get(1).text());
        assertEquals("SELECT 2", got.get(2).text());
    }

    @Test
    void resyncFindsTheNextLineThatStartsARecord() throws IOException {
        Path log = write("r.log", P + "LOG:  duration: 1 ms  statement: SELECT 1,\n\t2\n" + P + "LOG:  x\n");
        LogSource source = LogImporter.inspect(log, null, null);
        long second = Files.readString(log).indexOf(P, 5);
        assertEquals(second, LogImporter.resync(source, 5));
        assertEquals(second, LogImporter.resync(source, second));
        assertEquals(Files.size(log), LogImporter.resync(source, second + 1));
    }
}
