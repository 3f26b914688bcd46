package io.knobwright.model.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The audit trail in the store: append-only, read in order. */
public interface AuditRepository {

    /**
     * Seals and appends one record after the newest one, and moves the head. Call it inside the unit of work that
     * makes the change it records, so that both are kept or neither is.
     */
    AuditRecord append(AuditEntry entry, Instant at);

    /** Every record in order, handed one at a time (a long chain is never held in memory); stops when told false. */
    void forEach(Predicate<AuditRecord> consumer);

    AuditHead head();

    /** The records about one subject ("plan:42"), oldest first. */
    List<AuditRecord> about(String subject);

    /** The newest records, newest first. */
    List<AuditRecord> newest(int limit);

    Optional<AuditRecord> find(long seq);
}
