package io.knobwright.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of a record: SHA-256 over a version tag, the record's number and time, each field length-prefixed (so
 * no two different records hash the same by moving text between fields) and the previous record's hash. The first
 * record follows {@link #GENESIS}. Documented in decision 0115, so that anyone can verify an export without Knobwright.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "knobwright-audit-1";

    private AuditChain() {
    }

    public static String hash(long seq, Instant at, AuditEntry entry, String previousHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (String field : new String[]{VERSION, Long.toString(seq), canonical(at), entry.actor(), entry.action(),
                entry.subject(), entry.before(), entry.after(), entry.reason(), previousHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Microseconds, as the store keeps them, so that a record read back hashes the same. */
    public static String canonical(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
