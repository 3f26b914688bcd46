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

/** jsonlog records that PostgreSQL (or a log shipper in between) writes less often: escapes, gaps, broken lines. */
class JsonLogOddRecordsTest {

    @TempDir
    Path dir;

    private static final String GOOD = "{\"timestamp\":\"2024-05-01 10:11:12.345 UTC\",\"user\":\"lin\",\"dbname\":\"shop\","
            + "\"pid\":77,\"error_severity\":\"LOG\",\"message\":\"duration: 0.5 ms  statement: SELECT 1\"}\n";

    private ImportCounts counts;

    private List<LoggedStatement> read(String content) throws IOException {
        Path log = Files.writeString(dir.resolve("server.json"), content, StandardCharsets.UTF_8);
        List<LoggedStatement> out = new ArrayList<>();
        counts = LogImporter.run(LogImporter.inspect(log, null, null), out::add, new ImportControl());
        return out;
    }

    private static String log(String message) {
        return "{\"timestamp\":\"2024-05-01 10:11:13 UTC\",\t\"pid\":78, \"error_severity\":\"LOG\",\"message\":\""
                + message + "\"}\n";
    }

    @Test
    void brokenObjectsAreCountedAsMalformedAndTheRestStillImports() throws IOException {
        List<String> broken = List.of(
                "not json at all",
                "{\"timestamp\":\"2024-05-01 10:11:12 UTC\",",
                "{timestamp:1}",
                "{\"timestamp",
                "{\"timestamp\" \"2024-05-01 10:11:12 UTC\"}",
                "{\"timestamp\":",
                "{\"timestamp\":,\"message\":\"x\"}",
                "{\"timestamp\":\"2024-05-01 10:11:12 UTC\"}");
        List<LoggedStatement> got = read(GOOD + String.join("\n", broken) + "\n" + GOOD);
        assertThat(got).extracting(LoggedStatement::text).containsExactly("SELECT 1", "SELECT 1");
        assertThat(counts.malformed()).isEqualTo(broken.size());
        assertThat(counts.malformedExamples()).anyMatch(m -> m.contains("not a jsonlog record"));
    }

    @Test
    void blankLinesAreNoEntriesAndNothingMalformed() throws IOException {
        List<LoggedStatement> got = read(GOOD + "\n\n" + GOOD);
        assertThat(got).hasSize(2);
        assertThat(counts.malformed()).isZero();
        assertThat(counts.entries()).isEqualTo(2);
    }

    @Test
    void aDurationThatIsNoNumberIsMalformed() throws IOException {
        read(GOOD + log("duration: abc ms  statement: SELECT 2"));
        assertThat(counts.malformed()).isEqualTo(1);
        assertThat(counts.malformedExamples()).anyMatch(m -> m.contains("no number of milliseconds"));
    }

    @Test
    void aStatementFollowedByItsOwnDurationLine() throws IOException {
        List<LoggedStatement> got = read(GOOD + log("statement: SELECT 3") + log("duration: 4.5 ms"));
        assertThat(got).extracting(LoggedStatement::text).contains("SELECT 1", "SELECT 3");
        assertThat(counts.malformed()).isZero();
    }

    @Test
    void escapedUserAndEveryJsonEscapeInTheMessage() throws IOException {
        String longTail = "x".repeat(3000);
        List<LoggedStatement> got = read(GOOD
                + "{\"timestamp\":\"2024-05-01 10:11:14 UTC\",\"user\":\"o\\\"brien\",\"pid\":79,\"error_severity\":\"LOG\","
                + "\"message\":\"duration: 1 ms  statement: SELECT 'a\\rb\\bc\\fd', '\\ud83d\\ude00' -- end\"}\n"
                + log("statement: SELECT '" + longTail + "\\t'")
                + log("statement: SELECT 4 -- \\u00"));
        assertThat(counts.malformed()).isZero();
        assertThat(got).hasSize(4);
        LoggedStatement escaped = got.get(1);
        assertThat(escaped.user()).isEqualTo("o\"brien");
        assertThat(escaped.text()).contains("\uD83D\uDE00").contains("b\bc\fd");
        assertThat(got.get(2).text()).startsWith("SELECT 'xxx").contains(longTail);
        assertThat(got.get(3).text()).startsWith("SELECT 4 -- ?");
    }
}
