package io.knobwright.model.backup;

import java.util.Objects;

/** A file of a backup as verified: its path relative to the backup, its size and sha256 (lowercase hex). */
public record FileChecksum(String file, long bytes, String sha256) {
    public FileChecksum {
        Objects.requireNonNull(file, "file");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
    }
}
