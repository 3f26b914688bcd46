package io.knobwright.app.cli;

import io.knobwright.connectors.catalog.PostgresCatalogReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code template export --out} and {@code catalog generate --out} write only regular files, replace one only with
 * --force and keep its permissions. These tests run as root on CI: root may replace /dev/null, so they prove the
 * commands do not (they refuse before writing anything, so running them cannot damage the machine).
 */
class FileWritingCommandsTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** Nothing listens there: a command that gets as far as connecting fails with exit 3, not 1. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/postgres";

    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        cli.close();
    }

    private CliHarness.Result export(Path out, String... more) {
        String[] args = Stream.concat(Stream.of("template", "export", "--template", "postgresql-oltp", "--format", "yaml",
                "--out", out.toString()), Stream.of(more)).toArray(String[]::new);
        return cli.run(args);
    }

    private CliHarness.Result generate(String url, Path out, String... more) {
        cli.catalogReaders.add(new PostgresCatalogReader());
        String[] args = Stream.concat(Stream.of("catalog", "generate", "--jdbc-url", url, "--user", "postgres",
                "--out", out.toString()), Stream.of(more)).toArray(String[]::new);
        return cli.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/null", "/dev/full"})
    void exportRefusesADeviceEvenWithForceAndLeavesItADevice(String device) throws Exception {
        Path path = Path.of(device);
        assumeTrue(isCharacterDevice(path));

        for (CliHarness.Result r : new CliHarness.Result[] {export(path), export(path, "--force")}) {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.errLines()).singleElement().asString().isEqualTo("knobwright: " + device
                    + " is a character device, not a regular file. Knobwright writes regular files only: name one;"
                    + " nothing was written.");
            assertThat(r.out()).doesNotContain("Wrote");
            assertThat(isCharacterDevice(path)).as(device + " is still a character device").isTrue();
        }
    }

    @Test
    void generateRefusesADeviceBeforeAskingTheServer() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(isCharacterDevice(devNull));

        CliHarness.Result r = generate(UNREACHABLE, devNull, "--force");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("/dev/null is a character device, not a regular file");
        assertThat(isCharacterDevice(devNull)).isTrue();
    }

    @Test
    void exportRefusesAnExistingFileUntilForceAndThenKeepsItsPermissions() throws Exception {
        Path out = Files.writeString(dir.resolve("oltp.yaml"), "mine");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));

        CliHarness.Result refused = export(out);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(refused.errLines()).singleElement().asString()
                .isEqualTo("knobwright: " + out + " already exists; nothing was written. Run again with --force to replace it.");
        assertThat(out).hasContent("mine");

        CliHarness.Result forced = export(out, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).isEqualTo("Wrote " + out + System.lineSeparator());
        assertThat(Files.readString(out)).contains("name: postgresql-oltp");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
        assertThat(listing()).containsExactly("oltp.yaml");
    }

    @Test
    void exportNeitherReplacesNorWritesThroughASymbolicLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.yaml"), "real");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);

        CliHarness.Result r = export(link, "--force");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains(link + " is a symbolic link (to " + real + ")").contains("name the file itself");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("real");
    }

    @Test
    void exportRefusesANamedPipeInsteadOfWaitingForAReader() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);

        CliHarness.Result r = export(fifo, "--force");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains(fifo + " is a named pipe (FIFO), not a regular file");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void exportIntoAMissingFolderNamesTheTargetAndNoTemporaryFile() {
        Path out = dir.resolve("missing/oltp.yaml");

        CliHarness.Result r = export(out);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("knobwright: Cannot write " + out + ": the folder " + out.getParent() + " does not exist; nothing was written.");
    }

    @Test
    void generateRefusesAnExistingFileBeforeAskingTheServer() throws Exception {
        Path out = Files.writeString(dir.resolve("pg.json"), "mine");

        CliHarness.Result r = generate(UNREACHABLE, out);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains(out + " already exists; nothing was written. Run again with --force to replace it.");
        assertThat(out).hasContent("mine");
    }

    /** Needs the PostgreSQL service at 127.0.0.1:5432 (trust auth), which .ci/run starts. */
    @Test
    void generateWithForceReplacesTheCatalogKeepingItsPermissions() throws Exception {
        Path out = Files.writeString(dir.resolve("pg.json"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));

        CliHarness.Result r = generate(POSTGRES, out, "--force");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("\"shared_buffers\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        assertThat(listing()).containsExactly("pg.json");
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isCharacterDevice(Path path) throws IOException {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0020000;
    }
}
