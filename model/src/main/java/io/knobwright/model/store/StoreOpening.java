package io.knobwright.model.store;

import org.flywaydb.core.api.MigrationVersion;
import org.h2.api.ErrorCode;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Everything that must hold before a store file is opened for writing: the directory is usable, and an
 * existing file is a Knobwright store this build can handle. An H2 file opened for writing is rewritten
 * when it closes, so the existing file is first inspected read-only: a refused store stays byte-for-byte
 * as it was.
 */
final class StoreOpening {

    static final String DATABASE_NAME = "knobwright";
    static final String USER = "sa";
    static final String PASSWORD = "";
    /** H2 would otherwise log every error into knobwright.trace.db, which nobody reads and which only grows. */
    private static final String NO_TRACE_FILE = ";TRACE_LEVEL_FILE=0";

    private StoreOpening() {
    }

    static Path prepareDirectory(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().indexOf(';') >= 0) {
            throw new StoreException("The data directory " + dir + " contains ';', which the H2 database URL cannot"
                    + " carry. Choose another directory with --data-dir or KNOBWRIGHT_HOME.");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("The data directory " + dir + " is a file, not a directory. Choose a directory"
                    + " with --data-dir or KNOBWRIGHT_HOME.");
        }
        try {
            if (!Files.exists(dir)) {
                createOwnerOnly(dir);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + dir + " (" + e.getMessage()
                    + "). Choose another with --data-dir or KNOBWRIGHT_HOME.", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("The data directory " + dir + " is not writable. Fix its permissions, or choose"
                    + " another with --data-dir or KNOBWRIGHT_HOME.");
        }
        return dir;
    }

    /**
     * A directory Knobwright creates is private to the user: it holds the vault key, and H2's AUTO_SERVER
     * writes the key of its TCP server into the lock file there. A directory the user chose is left as it is.
     */
    private static void createOwnerOnly(Path dir) throws IOException {
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // the CLI and the workbench started together; either one's directory will do
        }
    }

    static Path databaseFile(Path dir) {
        return dir.resolve(DATABASE_NAME + ".mv.db");
    }

    /**
     * The URL both the workbench and the CLI use: whoever opens first serves the other (AUTO_SERVER). The file is not
     * compacted when it closes; see {@link #fileUrl(Path, boolean)}.
     */
    static String fileUrl(Path dir) {
        return fileUrl(dir, false);
    }

    /**
     * The store's URL; {@code compactOnClose} lets H2 compact the file for up to its default 200 ms when this process,
     * having opened the file, closes it ({@link CloseCompaction}). H2 reads that setting only when it opens the file:
     * a process joining a file another one holds open ignores it.
     */
    static String fileUrl(Path dir, boolean compactOnClose) {
        // PrivateFilePath: every file H2 creates for the store is owner-only from its first byte (0043).
        // LOCK_TIMEOUT: a second process waits for the first one's short transactions instead of failing after H2's 1 s.
        return "jdbc:h2:" + PrivateFilePath.databaseName(dir.resolve(DATABASE_NAME)) + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
                + NO_TRACE_FILE + (compactOnClose ? "" : ";MAX_COMPACT_TIME=0");
    }

    /** Refuses, without writing anything, a file that is not a store or that a newer Knobwright wrote. */
    static void inspectExisting(Path dir) {
        if (!Files.exists(databaseFile(dir))) {
            return;
        }
        String readOnlyUrl = "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";ACCESS_MODE_DATA=r" + NO_TRACE_FILE;
        try {
            inspect(dir, readOnlyUrl);
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw translate(dir, e);
            }
            // Another process has it open; if that is a Knobwright, its embedded server answers the same query.
            try {
                inspect(dir, fileUrl(dir));
            } catch (SQLException viaServer) {
                throw translate(dir, viaServer);
            }
        }
    }

    private static void inspect(Path dir, String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD)) {
            Optional<MigrationVersion> recorded = StoreMigrations.recordedSchema(connection);
            if (recorded.isPresent() && StoreMigrations.isNewerThanThisBuild(recorded.get())) {
                throw new StoreException(StoreMigrations.newerStoreMessage(dir.toString(), recorded.get()));
            }
            if (recorded.isEmpty() && StoreMigrations.hasForeignTables(connection)) {
                throw notAStore(dir, "it holds tables but no Knobwright schema history");
            }
        }
    }

    /** Turns H2's errors on opening into what the user can do about them. */
    static StoreException translate(Path dir, SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new StoreException("The store at " + dir + " is locked by another"
                    + " program that opened it without sharing (" + databaseFile(dir).getFileName() + "). Close that"
                    + " program (an H2 console, another tool), or open another --data-dir.", e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> notAStore(dir, "it is an H2 database with other credentials");
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.IO_EXCEPTION_1,
                 ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_NOT_FOUND_1 ->
                    notAStore(dir, "H2 cannot read " + databaseFile(dir).getFileName() + " as a database");
            default -> new StoreException("Cannot open the store at " + dir + ": "
                    + e.getMessage().lines().findFirst().orElse("") + ". Check the data directory, or open another"
                    + " --data-dir.", e);
        };
    }

    private static StoreException notAStore(Path dir, String why) {
        return new StoreException("The file " + databaseFile(dir) + " is not a Knobwright store (" + why
                + "). Move it away, or open another --data-dir.");
    }
}
