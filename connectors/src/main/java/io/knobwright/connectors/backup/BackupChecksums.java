package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.FileChecksum;
import io.knobwright.model.backup.ProblemKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * sha256 of every file of a backup, and what changed against the sums recorded at its previous verification: a file
 * whose content changed since (bit rot, an overwrite, a partial copy over it) or that has gone.
 */
final class BackupChecksums {

    private BackupChecksums() {
    }

    /** Every regular file under {@code path} (or the file itself), by path relative to the backup, sorted. */
    static List<FileChecksum> of(Path path) {
        List<FileChecksum> sums = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            sums.add(sum(path, path.getFileName().toString()));
            return sums;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sums.add(sum(file, path.relativize(file).toString().replace('\\', '/')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /** Files changed or gone since the previous verification; {@code reported} names files other checks already named. */
    static List<BackupProblem> compare(Map<String, FileChecksum> previous, List<FileChecksum> now, List<String> reported) {
        List<BackupProblem> problems = new ArrayList<>();
        Map<String, FileChecksum> current = new java.util.HashMap<>();
        now.forEach(c -> current.put(c.file(), c));
        for (FileChecksum before : previous.values()) {
            if (reported.contains(before.file())) {
                continue;
            }
            FileChecksum after = current.get(before.file());
            if (after == null) {
                problems.add(new BackupProblem(before.file(), ProblemKind.MISSING_FILE,
                        "present at the previous verification, gone now"));
            } else if (!after.sha256().equals(before.sha256())) {
                problems.add(new BackupProblem(before.file(), ProblemKind.CHANGED_SINCE_LAST_CHECK, "sha256 was "
                        + before.sha256().substring(0, 12) + "…, " + before.bytes() + " bytes; now " + after.sha256().substring(0, 12)
                        + "…, " + after.bytes() + " bytes"));
            }
        }
        return problems;
    }

    private static FileChecksum sum(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
            return new FileChecksum(name, bytes, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
