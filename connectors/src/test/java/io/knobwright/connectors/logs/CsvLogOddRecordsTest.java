package io.knobwright.connectors.logs;

import io.knobwright.model.workload.LoggedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** csvlog records with quoting, line ends and gaps a DBA's real logs do contain. */
class CsvLogOddRecordsTest {

    @TempDir
    Path dir;

    private ImportCounts counts;

    private List<LoggedStatement> read(String content) throws IOException {
        Path log = Files.writeString(dir.resolve("server.csv"), content, StandardCharsets.UTF_8);
        List<LoggedStatement> out = new ArrayList<>();
        counts = LogImporter.run(LogImporter.inspect(log, null, null), out::add, new ImportControl());
        return out;
    }

    /** A csvlog LOG record; message is already CSV-quoted; app may be empty. */
    private static String record(String message, String app, String lineEnd) {
        return "2024-05-01 10:11:12.345 UTC,\"lin\",\"shop\",77,\"10.0.0.5:51000\",6631a2b0.4d,1,"
                + "\"SELECT\",2024-05-01 10:11:00 UTC,3/1,0,LOG,00000," + message + ",,,,,,,,," + app + lineEnd;
    }

    @Test
    void blankLinesAreNoRecordsAndCrlfEndsAreAccepted() throws IOException {
        List<LoggedStatement> got = read(record("\"duration: 1 ms  statement: SELECT 1\"", "\"psql\"", "\r\n")
                + "\n"
                + record("\"duration: 2 ms  statement: SELECT 2\"", "\"psql\"", "\r\n"));
        assertThat(got).extracting(LoggedStatement::text).containsExactly("SELECT 1", "SELECT 2");
        assertThat(got).extracting(LoggedStatement::application).containsOnly("psql");
        assertThat(counts.malformed()).isZero();
        assertThat(counts.entries()).isEqualTo(2);
    }

    @Test
    void withoutAnApplicationNameTheClientHostStandsIn() throws IOException {
        List<LoggedStatement> got = read(record("\"duration: 1 ms  statement: SELECT 1\"", "", "\n"));
        assertThat(got).singleElement().extracting(LoggedStatement::application).isEqualTo("10.0.0.5:51000");
    }

    @Test
    void aQuotedFieldRunningIntoOtherTextIsMalformed() throws IOException {
        List<LoggedStatement> got = read(record("\"duration: 1 ms  statement: SELECT 1\"x", "\"psql\"", "\n")
                + record("\"duration: 2 ms  statement: SELECT 2\"", "\"psql\"", "\n"));
        assertThat(got).extracting(LoggedStatement::text).containsExactly("SELECT 2");
        assertThat(counts.malformed()).isEqualTo(1);
        assertThat(counts.malformedExamples()).anyMatch(m -> m.contains("runs into other text"));
    }

    @Test
    void aDurationThatIsNoNumberIsMalformedAndALoneDurationIsNot() throws IOException {
        List<LoggedStatement> got = read(record("\"statement: SELECT 3\"", "\"psql\"", "\n")
                + record("\"duration: 4.5 ms\"", "\"psql\"", "\n")
                + record("\"duration: soon ms  statement: SELECT 4\"", "\"psql\"", "\n"));
        assertThat(got).extracting(LoggedStatement::text).contains("SELECT 3");
        assertThat(counts.malformed()).isEqualTo(1);
        assertThat(counts.malformedExamples()).anyMatch(m -> m.contains("no number of milliseconds"));
    }

    @Test
    void aLongStatementWithDoubledQuotesIsUndoubledWhole() throws IOException {
        String literal = "x".repeat(6000);
        List<LoggedStatement> got = read(record("\"duration: 1 ms  statement: SELECT \"\"" + literal + "\"\"\"", "\"psql\"", "\n"));
        assertThat(got).singleElement().extracting(LoggedStatement::text).isEqualTo("SELECT \"" + literal + "\"");
    }

    @Test
    void theLogEndingInsideAQuotedFieldIsMalformed() throws IOException {
        List<LoggedStatement> got = read(record("\"duration: 1 ms  statement: SELECT 1\"", "\"psql\"", "\n")
                + "2024-05-01 10:11:12.345 UTC,\"lin\",\"shop\",77,\"[local]\",6631a2b0.4d,1,\"SELECT\","
                + "2024-05-01 10:11:00 UTC,3/1,0,LOG,00000,\"duration: 1 ms  statement: SELECT 'cut");
        assertThat(got).extracting(LoggedStatement::text).containsExactly("SELECT 1");
        assertThat(counts.malformed()).isEqualTo(1);
    }
}
