package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a split import starts its ranges in csvlog and jsonlog, explicit formats, and damaged gzip logs. */
class LogImporterResyncAndGzipTest {

    @TempDir
    Path dir;

    private static String csv(String message) {
        return "2024-05-01 10:11:12.345 UTC,\"lin\",\"shop\",77,\"[local]\",6631a2b0.4d,1,\"SELECT\","
                + "2024-05-01 10:11:00 UTC,3/1,0,LOG,00000,\"" + message + "\",,,,,,,,,\"psql\"\n";
    }

    @Test
    void csvlogRangesStartAtARecordNotInsideAMultiLineMessage() throws IOException {
        String first = csv("duration: 1 ms  statement: SELECT 1");
        String big = csv("duration: 1 ms  statement: SELECT\n" + "  'padding padding padding padding',\n".repeat(40_000) + "  1");
        String last = csv("duration: 1 ms  statement: SELECT 3");
        Path log = Files.writeString(dir.resolve("server.csv"), first + big + last, StandardCharsets.UTF_8);
        LogSource source = LogImporter.inspect(log, LogFormat.CSVLOG, null);
        assertThat(source.format()).isEqualTo(LogFormat.CSVLOG);
        long bigStart = first.getBytes(StandardCharsets.UTF_8).length;
        long lastStart = bigStart + big.getBytes(StandardCharsets.UTF_8).length;
        assertThat(LogImporter.resync(source, 0)).isZero();
        assertThat(LogImporter.resync(source, 1)).isEqualTo(bigStart);
        assertThat(LogImporter.resync(source, bigStart + 1)).as("over a megabyte of continuation lines").isEqualTo(lastStart);
        assertThat(LogImporter.resync(source, lastStart + 1)).isEqualTo(source.size());
        assertThat(LogImporter.resync(source, source.size() + 5)).isEqualTo(source.size());
    }

    @Test
    void jsonlogRangesStartAtAnObjectAndLeadingBlankLinesDoNotHideTheFormat() throws IOException {
        String line = "{\"timestamp\":\"2024-05-01 10:11:12.345 UTC\",\"pid\":7,\"error_severity\":\"LOG\","
                + "\"message\":\"duration: 1 ms  statement: SELECT 1\"}\n";
        Path log = Files.writeString(dir.resolve("server.json"), "\n\n" + line + line, StandardCharsets.UTF_8);
        LogSource source = LogImporter.inspect(log, null, null);
        assertThat(source.format()).isEqualTo(LogFormat.JSONLOG);
        assertThat(LogImporter.resync(source, 3)).isEqualTo(2 + line.length());
    }

    @Test
    void aGzipLogCutShortIsReportedAsDamaged() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            text.append("2024-05-01 10:11:12.345 UTC [").append(4000 + i % 997).append("] app@shop LOG:  duration: ")
                    .append(i % 13).append(".5 ms  statement: SELECT ").append(i).append(" FROM t").append(i % 101).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path log = Files.write(dir.resolve("server.log.gz"), Arrays.copyOf(whole, whole.length * 6 / 10));
        LogSource source = LogImporter.inspect(log, null, null);
        assertThatThrownBy(() -> LogImporter.run(source, s -> { }, new ImportControl()))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("gzip data is damaged or cut short");
    }
}
