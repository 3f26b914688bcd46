package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Tells what a path holds from its contents: the files a directory has, a file's first bytes (through gzip when it
 * is compressed). Names alone are not trusted: a pg_dump archive is often called .sql, and a dump named .gz may not be.
 */
public final class BackupDetector {

    private static final int HEAD = 8192;

    private BackupDetector() {
    }

    public static BackupKind detect(Path path) {
        if (Files.isDirectory(path)) {
            return detectDirectory(path);
        }
        if (!Files.isRegularFile(path)) {
            return BackupKind.UNKNOWN;
        }
        byte[] head = head(path);
        if (startsWith(head, "PGDMP")) {
            return BackupKind.PG_DUMP_CUSTOM;
        }
        if (isTar(head)) {
            String first = tarName(head);
            return first.equals("toc.dat") ? BackupKind.PG_DUMP_TAR : BackupKind.UNKNOWN;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.contains("-- MariaDB dump") || text.contains("-- MySQL dump")) {
            return BackupKind.MARIADB_DUMP;
        }
        if (text.contains("-- PostgreSQL database dump") || text.contains("-- PostgreSQL database cluster dump")) {
            return BackupKind.PG_SQL_DUMP;
        }
        return BackupKind.UNKNOWN;
    }

    private static BackupKind detectDirectory(Path dir) {
        if (Files.isRegularFile(dir.resolve("base.tar")) || Files.isRegularFile(dir.resolve("base.tar.gz"))) {
            return BackupKind.PG_BASE_BACKUP_TAR;
        }
        // any one of these: a damaged backup missing the others is still told for what it is
        if (Files.isRegularFile(dir.resolve("backup_manifest")) || Files.isRegularFile(dir.resolve("backup_label"))
                || Files.isRegularFile(dir.resolve("PG_VERSION"))) {
            return BackupKind.PG_BASE_BACKUP;
        }
        if (Files.isRegularFile(dir.resolve("toc.dat"))) {
            return BackupKind.PG_DUMP_DIRECTORY;
        }
        // any one of these too: a mariabackup directory that lost its checkpoints file is still one, and is named so
        if (MariaBackupCheck.MARKERS.stream().anyMatch(marker -> Files.isRegularFile(dir.resolve(marker)))) {
            return BackupKind.MARIABACKUP;
        }
        return BackupKind.UNKNOWN;
    }

    /** The first bytes of the file, decompressed when it is gzip (as far as they decompress). */
    static byte[] head(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] first = raw.readNBytes(HEAD);
            if (first.length >= 2 && (first[0] & 0xff) == 0x1f && (first[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(Files.newInputStream(file))) {
                    return readSome(gz);
                } catch (IOException broken) {
                    return new byte[0];
                }
            }
            return first;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] readSome(InputStream in) {
        byte[] buffer = new byte[HEAD];
        int n = 0;
        try {
            int r;
            while (n < HEAD && (r = in.read(buffer, n, HEAD - n)) > 0) {
                n += r;
            }
        } catch (IOException broken) {
            // a corrupt stream still tells its kind by what came out before the damage
        }
        return Arrays.copyOf(buffer, n);
    }

    static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] two = in.readNBytes(2);
            return two.length == 2 && (two[0] & 0xff) == 0x1f && (two[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        return head.length >= m.length && Arrays.equals(head, 0, m.length, m, 0, m.length);
    }

    static boolean isTar(byte[] head) {
        return head.length >= 263 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    private static String tarName(byte[] head) {
        int end = 0;
        while (end < 100 && head[end] != 0) {
            end++;
        }
        return new String(head, 0, end, StandardCharsets.UTF_8);
    }
}
