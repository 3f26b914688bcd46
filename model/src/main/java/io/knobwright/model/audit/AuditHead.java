package io.knobwright.model.audit;

/** The newest record's number and hash, kept apart from the records so that cutting off the end is noticed. */
public record AuditHead(long seq, String hash) {

    public static final AuditHead EMPTY = new AuditHead(0, AuditChain.GENESIS);
}
