package io.knobwright.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One sealed record of the audit trail. Its hash covers its own content and the previous record's hash, so
 * changing, removing, inserting or reordering any record breaks the chain from there on.
 */
public record AuditRecord(long seq, Instant at, String actor, String action, String subject, String before, String after,
                          String reason, String previousHash, String hash) {

    public AuditRecord {
        if (seq < 1) {
            throw new IllegalArgumentException("Audit records are numbered from 1");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    public static AuditRecord seal(long seq, Instant at, AuditEntry entry, String previousHash) {
        return new AuditRecord(seq, at, entry.actor(), entry.action(), entry.subject(), entry.before(), entry.after(),
                entry.reason(), previousHash, AuditChain.hash(seq, at, entry, previousHash));
    }

    public AuditEntry entry() {
        return new AuditEntry(actor, action, subject, before, after, reason);
    }
}
