package io.knobwright.model.store;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * H2's files on disk, created owner-only ({@code rw-------}, directories {@code rwx------}) whatever the umask and
 * the data directory's mode: the lock file holds the key of the store's TCP server, the store holds the fleet. H2
 * creates every file of a database through its {@link FilePath} layer, so a store opened as
 * {@code jdbc:h2:knobwrightPrivate:/dir/knobwright} has each file born private; no chmod afterwards, no moment in
 * which another user could open it (decision 0043). Elsewhere than on POSIX file systems it changes nothing.
 */
public final class PrivateFilePath extends FilePathWrapper {

    static final String SCHEME = "knobwrightPrivate";

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    static {
        FilePath.register(new PrivateFilePath());
    }

    /** H2 builds its paths through a public no-argument constructor. */
    public PrivateFilePath() {
    }

    /** The H2 database name for {@code file}; using this class registers the scheme with H2 (once per JVM). */
    static String databaseName(Path file) {
        return SCHEME + ":" + file;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean createFile() {
        if (!POSIX) {
            return super.createFile();
        }
        try {
            Files.createFile(path(), privateFile());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return super.createFile(); // H2's own retries and error reporting
        }
    }

    @Override
    public void createDirectory() {
        if (POSIX) {
            try {
                Files.createDirectory(path(), PosixFilePermissions.asFileAttribute(DIRECTORY));
                return;
            } catch (IOException e) {
                // H2's own retries and error reporting below
            }
        }
        super.createDirectory();
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createPrivatelyIfMissing();
        return super.newOutputStream(append);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            createPrivatelyIfMissing();
        }
        return super.open(mode);
    }

    private void createPrivatelyIfMissing() throws IOException {
        if (POSIX && !Files.exists(path())) {
            try {
                Files.createFile(path(), privateFile());
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // whoever created it went through here too, or it is older: tightenExisting covers that
            }
        }
    }

    private Path path() {
        return Path.of(getBase().toString());
    }

    private static FileAttribute<Set<PosixFilePermission>> privateFile() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /**
     * Makes the store's files that already exist owner-only: those an older Knobwright left readable (the store,
     * the lock file, trace files) and the vault key. A file that belongs to another user is left alone: it is theirs,
     * and the store will not open over it anyway.
     */
    static void tightenExisting(Path dir) {
        if (!POSIX) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(PrivateFilePath::isStoreFile).forEach(PrivateFilePath::ownerOnly);
        } catch (IOException e) {
            // listing failed: the directory checks of StoreOpening have already said what is wrong with it
        }
    }

    private static boolean isStoreFile(Path file) {
        String name = file.getFileName().toString();
        return (name.startsWith(StoreOpening.DATABASE_NAME + ".") || name.equals(VaultKeyFile.FILE_NAME))
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static void ownerOnly(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException | SecurityException notOurs) {
            // another user's file, or gone meanwhile (a lock file removed by its process)
        }
    }
}
