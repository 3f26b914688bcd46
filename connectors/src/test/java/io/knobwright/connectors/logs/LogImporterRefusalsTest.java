package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What `workload import-log` says when the file or the options do not fit: what is wrong and what to give. */
class LogImporterRefusalsTest {

    @TempDir
    Path dir;

    private static final String STDERR_LINE = "2026-12-01 09:00:00.123 UTC [41] app@shop LOG:  duration: 0.5 ms"
            + "  statement: SELECT 1\n";

    @Test
    void aMissingFileAnEmptyFileAndAFolderAreRefused() throws Exception {
        assertThatThrownBy(() -> LogImporter.inspect(dir.resolve("gone.log"), null, null))
                .isInstanceOf(UserError.class).hasMessageContaining("No file").hasMessageContaining("gone.log");
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertThatThrownBy(() -> LogImporter.inspect(empty, null, null)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> LogImporter.inspect(dir, null, null)).isInstanceOf(UserError.class)
                .hasMessageContaining("Cannot read");
    }

    @Test
    void aPrefixIsForStderrLogsOnly() throws Exception {
        Path log = Files.writeString(dir.resolve("pg.log"), STDERR_LINE.repeat(5));
        assertThatThrownBy(() -> LogImporter.inspect(log, LogFormat.CSVLOG, "%m [%p] "))
                .hasMessageContaining("--prefix is for stderr logs");
        LogSource given = LogImporter.inspect(log, null, "%m [%p] %q%u@%d ");
        assertThat(given.format()).isEqualTo(LogFormat.STDERR);
        assertThat(given.formatDetected()).isFalse();
    }

    @Test
    void aStderrLogAskedForAsStderrIsDetectedAndACsvLogAskedForAsStderrSaysWhatItIs() throws Exception {
        Path log = Files.writeString(dir.resolve("pg.log"), STDERR_LINE.repeat(5));
        assertThat(LogImporter.inspect(log, LogFormat.STDERR, null).prefix()).isEqualTo("%m [%p] %q%u@%d ");

        Path csv = Files.writeString(dir.resolve("pg.csv"), ("2026-12-01 09:00:00.123 UTC,\"app\",\"shop\",41,"
                + "\"127.0.0.1:5000\",6750a000.29,1,\"SELECT\",2026-12-01 09:00:00 UTC,3/0,0,LOG,00000,"
                + "\"duration: 0.5 ms  statement: SELECT 1\",,,,,,,,,\"psql\",\"client backend\",,0\n").repeat(5));
        assertThatThrownBy(() -> LogImporter.inspect(csv, LogFormat.STDERR, null)).isInstanceOf(UserError.class)
                .hasMessageContaining("csvlog");
        assertThatThrownBy(() -> LogImporter.inspect(csv, LogFormat.MYSQL_SLOW, null)).isInstanceOf(UserError.class)
                .hasMessageContaining("--format csvlog");
    }
}
