package io.knobwright.connectors.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A pg_basebackup backup_manifest as pg_verifybackup reads it: each file's path, size and checksum, the WAL ranges the
 * backup needs, and the manifest's own SHA-256 (over every byte before its "Manifest-Checksum" line).
 */
record BaseBackupManifest(Map<String, ManifestFile> files, List<WalRange> walRanges, boolean selfChecksumMatches) {

    /** One file of the backup; {@code algorithm} is NONE when the backup was taken with --manifest-checksums=none. */
    record ManifestFile(String path, long size, String algorithm, String checksum) {
    }

    /** The WAL from {@code start} to {@code end} on {@code timeline} that a restore of the backup replays. */
    record WalRange(int timeline, String start, String end) {
    }

    BaseBackupManifest {
        files = Map.copyOf(files);
        walRanges = List.copyOf(walRanges);
    }

    /** @throws IOException when the file cannot be read or is not a manifest (the message says which) */
    static BaseBackupManifest read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IOException("not valid JSON (" + why + ")", e);
        }
        if (root == null || !root.has("PostgreSQL-Backup-Manifest-Version") || !root.path("Files").isArray()) {
            throw new IOException("not a backup manifest (no PostgreSQL-Backup-Manifest-Version or Files)");
        }
        Map<String, ManifestFile> files = new LinkedHashMap<>();
        for (JsonNode f : root.path("Files")) {
            String path = f.has("Path") ? f.path("Path").asText()
                    : new String(HexFormat.of().parseHex(f.path("Encoded-Path").asText()), StandardCharsets.UTF_8);
            files.put(path, new ManifestFile(path, f.path("Size").asLong(-1), f.path("Checksum-Algorithm").asText("NONE"),
                    f.path("Checksum").asText("")));
        }
        List<WalRange> ranges = new ArrayList<>();
        for (JsonNode w : root.path("WAL-Ranges")) {
            ranges.add(new WalRange(w.path("Timeline").asInt(), w.path("Start-LSN").asText(), w.path("End-LSN").asText()));
        }
        return new BaseBackupManifest(files, ranges, selfChecksumMatches(bytes, root.path("Manifest-Checksum").asText("")));
    }

    private static boolean selfChecksumMatches(byte[] bytes, String expected) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte, so indexes are byte offsets
        int at = text.lastIndexOf("\"Manifest-Checksum\"");
        if (at < 0 || expected.isEmpty()) {
            return false;
        }
        return HexFormat.of().formatHex(digest("SHA-256").digest(java.util.Arrays.copyOf(bytes, at))).equalsIgnoreCase(expected);
    }

    /** Computes a file's checksum the way its manifest entry was made. */
    static final class FileSum {
        private final String algorithm;
        private final Checksum crc;
        private final MessageDigest sha;

        FileSum(String algorithm) {
            this.algorithm = algorithm;
            this.crc = algorithm.equals("CRC32C") ? new CRC32C() : null;
            this.sha = algorithm.startsWith("SHA") ? digest("SHA-" + algorithm.substring(3)) : null;
            if (crc == null && sha == null && !algorithm.equals("NONE")) {
                throw new IllegalArgumentException("unknown checksum algorithm " + algorithm);
            }
        }

        void update(byte[] b, int off, int len) {
            if (crc != null) {
                crc.update(b, off, len);
            } else if (sha != null) {
                sha.update(b, off, len);
            }
        }

        /** Whether the content read so far has the manifest's checksum (true for NONE: nothing to compare). */
        boolean matches(String expected) {
            if (crc != null) {
                int v = (int) crc.getValue();
                // pg_basebackup writes the CRC's bytes in the server's byte order: little-endian on every common host
                String little = HexFormat.of().formatHex(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
                String big = HexFormat.of().toHexDigits(v);
                return expected.equalsIgnoreCase(little) || expected.equalsIgnoreCase(big);
            }
            if (sha != null) {
                return HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(expected);
            }
            return algorithm.equals("NONE");
        }
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown checksum algorithm " + name, e);
        }
    }
}
