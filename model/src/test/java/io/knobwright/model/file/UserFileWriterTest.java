package io.knobwright.model.file;

import io.knobwright.model.UserError;
import io.knobwright.model.file.UserFileWriter.Existing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files the user names are written whole, only as regular files, keeping what the replaced file had. */
class UserFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsWrittenWithNothingElseLeftInTheFolder() throws Exception {
        Path out = dir.resolve("export.conf");

        UserFileWriter.writeString(out, Existing.REFUSE, "work_mem = 64MB\n");

        assertThat(out).hasContent("work_mem = 64MB");
        assertThat(entries(dir)).containsExactly("export.conf");
    }

    @Test
    void aNewFileGetsThePermissionsAnyProgramWouldGiveIt() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path out = dir.resolve("export.conf");

        UserFileWriter.writeString(out, Existing.REFUSE, "x");

        // Files.createTempFile would have made it owner-only (0600) whatever the umask
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void anExistingFileIsKeptAndNamedUnlessReplacingWasAskedFor() throws Exception {
        Path out = Files.writeString(dir.resolve("my.cnf"), "old");

        assertThatThrownBy(() -> UserFileWriter.writeString(out, Existing.REFUSE, "new"))
                .isInstanceOf(UserError.class)
                .hasMessage(out + " already exists; nothing was written. Run again with --force to replace it.");
        assertThat(out).hasContent("old");

        UserFileWriter.writeString(out, Existing.REPLACE, "new");
        assertThat(out).hasContent("new");
        assertThat(entries(dir)).containsExactly("my.cnf");
    }

    @Test
    void aCheckBeforeTheWorkRefusesWhatTheWriteWouldRefuseAndWritesNothing() throws Exception {
        Path out = Files.writeString(dir.resolve("catalog.json"), "old");

        assertThatThrownBy(() -> UserFileWriter.check(out, Existing.REFUSE)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> UserFileWriter.check(Path.of("/dev/null"), Existing.REPLACE)).hasMessageContaining("character device");
        UserFileWriter.check(out, Existing.REPLACE);
        UserFileWriter.check(dir.resolve("new.json"), Existing.REFUSE);

        assertThat(out).hasContent("old");
        assertThat(entries(dir)).containsExactly("catalog.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rwxr-x---"})
    void aReplacedFileKeepsItsPermissions(String permissions) throws Exception {
        Path out = Files.writeString(dir.resolve("postgresql.conf"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(permissions));

        UserFileWriter.writeString(out, Existing.REPLACE, "new");

        assertThat(out).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo(permissions);
    }

    @Test
    void aReplacedFileKeepsItsOwnerAndGroupWhenRootReplacesIt() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root may give a file to another user");
        Path out = Files.writeString(dir.resolve("my.cnf"), "old");
        Files.setAttribute(out, "unix:uid", 4321);
        Files.setAttribute(out, "unix:gid", 4322);

        UserFileWriter.writeString(out, Existing.REPLACE, "new");

        assertThat(out).hasContent("new");
        assertThat(Files.getAttribute(out, "unix:uid")).isEqualTo(4321);
        assertThat(Files.getAttribute(out, "unix:gid")).isEqualTo(4322);
    }

    @ParameterizedTest
    @EnumSource(Existing.class)
    void devicesAreRefusedAndStayDevices(Existing existing) throws Exception {
        for (Path device : Stream.of("/dev/null", "/dev/full").map(Path::of).toList()) {
            assumeTrue(isCharacterDevice(device), device + " is a character device here");

            assertThatThrownBy(() -> UserFileWriter.writeString(device, existing, "work_mem = 64MB\n"))
                    .isInstanceOf(UserError.class)
                    .hasMessage(device + " is a character device, not a regular file. Knobwright writes regular files"
                            + " only: name one; nothing was written.");

            assertThat(isCharacterDevice(device)).as(device + " is still a device").isTrue();
        }
        assertThat(entries(Path.of("/dev"))).noneMatch(name -> name.startsWith(".null.") || name.startsWith(".full."));
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlockingOnIt() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        assertThatThrownBy(() -> UserFileWriter.writeString(fifo, Existing.REPLACE, "x"))
                .hasMessage(fifo + " is a named pipe (FIFO), not a regular file. Knobwright writes regular files only:"
                        + " name one; nothing was written.");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Existing.class)
    void aSymbolicLinkIsNeitherReplacedNorWrittenThrough(Existing existing) throws Exception {
        Path real = Files.writeString(dir.resolve("real.conf"), "real");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real);

        assertThatThrownBy(() -> UserFileWriter.writeString(link, existing, "new"))
                .isInstanceOf(UserError.class)
                .hasMessage(link + " is a symbolic link (to " + real + "). Knobwright does not write through links:"
                        + " name the file itself, or remove the link first; nothing was written.");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("real");
    }

    @Test
    void aDanglingSymbolicLinkIsRefusedToo() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), elsewhere);

        assertThatThrownBy(() -> UserFileWriter.writeString(link, Existing.REPLACE, "new"))
                .hasMessageStartingWith(link + " is a symbolic link");
        assertThat(elsewhere).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("exports"));

        assertThatThrownBy(() -> UserFileWriter.writeString(folder, Existing.REPLACE, "x"))
                .hasMessage(folder + " is a folder. Name a file, e.g. " + folder.resolve("NAME") + "; nothing was written.");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFileAndNamesTheTarget() throws Exception {
        Path out = Files.writeString(dir.resolve("catalog.json"), "old catalog");

        assertThatThrownBy(() -> UserFileWriter.write(out, Existing.REPLACE, stream -> {
            stream.write("half a cata".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }))
                .isInstanceOf(UserError.class)
                .hasMessage("Cannot write " + out + ": No space left on device; the file was left as it was.");

        assertThat(out).hasContent("old catalog");
        assertThat(entries(dir)).containsExactly("catalog.json");
    }

    @Test
    void anIOExceptionWrappedByTheContentIsReportedLikeAnyOther() throws Exception {
        Path out = Files.writeString(dir.resolve("catalog.json"), "old catalog");

        assertThatThrownBy(() -> UserFileWriter.write(out, Existing.REPLACE, stream -> {
            throw new UncheckedIOException("Cannot write catalog", new IOException("No space left on device"));
        }))
                .isInstanceOf(UserError.class)
                .hasMessage("Cannot write " + out + ": No space left on device; the file was left as it was.");
        assertThat(out).hasContent("old catalog");
        assertThat(entries(dir)).containsExactly("catalog.json");
    }

    @Test
    void aMessageOfThePlatformNamesTheTargetRatherThanTheTemporaryFile() throws Exception {
        Path out = dir.resolve("new.conf");

        assertThatThrownBy(() -> UserFileWriter.write(out, Existing.REFUSE, stream -> {
            Path temporary = dir.resolve(entries(dir).getFirst()); // the file being written, as an OS error names it
            throw new IOException(temporary + ": Input/output error");
        }))
                .hasMessage("Cannot write " + out + ": " + out + ": Input/output error; nothing was written.")
                .hasMessageNotContaining(".tmp");
        assertThat(entries(dir)).isEmpty();
    }

    @Test
    void aMissingFolderIsNamed() {
        Path out = dir.resolve("no-such-folder/export.conf");

        assertThatThrownBy(() -> UserFileWriter.writeString(out, Existing.REFUSE, "x"))
                .isInstanceOf(UserError.class)
                .hasMessage("Cannot write " + out + ": the folder " + out.getParent() + " does not exist; nothing was written.");
    }

    @Test
    void aFileInPlaceOfTheFolderIsNamed() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path out = notAFolder.resolve("export.conf");

        assertThatThrownBy(() -> UserFileWriter.writeString(out, Existing.REFUSE, "y"))
                .isInstanceOf(UserError.class)
                .hasMessage("Cannot write " + out + ": Not a directory; nothing was written.");
        assertThat(notAFolder).hasContent("x");
    }

    @Test
    void aRelativePathIsNamedAsTheAbsoluteFileWritten() throws Exception {
        Path relative = Path.of("target", "user-file-writer-" + ProcessHandle.current().pid() + ".txt");
        try {
            UserFileWriter.writeString(relative, Existing.REFUSE, "x");
            assertThatThrownBy(() -> UserFileWriter.writeString(relative, Existing.REFUSE, "y"))
                    .hasMessageStartingWith(relative.toAbsolutePath() + " already exists");
        } finally {
            Files.deleteIfExists(relative);
        }
    }

    private static boolean isCharacterDevice(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0020000;
    }

    private static java.util.List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
