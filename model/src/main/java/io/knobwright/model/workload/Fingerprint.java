package io.knobwright.model.workload;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A statement's fingerprint: its normalised text (literals as {@code ?}, lists collapsed, comments and spacing
 * dropped, keywords lower case; decision 0121) and a 64-bit hash of that text, the same in every run and JVM.
 *
 * @param id         XXH64 (seed 0) of the normalised text's UTF-8 bytes
 * @param normalized the normalised text
 */
public record Fingerprint(long id, String normalized) {

    private static final HexFormat HEX = HexFormat.of();

    public Fingerprint {
        Objects.requireNonNull(normalized, "normalized");
    }

    /** The id as 16 lower-case hex digits, as the CLI prints it. */
    public String hex() {
        return hex(id);
    }

    public static String hex(long id) {
        return HEX.toHexDigits(id);
    }
}
