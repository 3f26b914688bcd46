package io.knobwright.model.audit;

/**
 * Walks the chain in order and stops at the first record that does not hold: a gap in the numbering (a record
 * removed), a link that does not match the previous record's hash (records inserted, removed or reordered), a hash
 * that does not match the content (a record edited), or an end that does not match the head kept apart (the newest
 * records cut off, or records added without the store's knowledge).
 */
public final class AuditVerifier {

    private long expected = 1;
    private String previous = AuditChain.GENESIS;
    private long firstBroken;
    private String problem = "";

    /** Feeds the next record in order of {@code seq}; returns false once the chain is broken (the rest is not read). */
    public boolean accept(AuditRecord r) {
        if (firstBroken != 0) {
            return false;
        }
        if (r.seq() != expected) {
            return broken(expected, r.seq() > expected
                    ? "record " + expected + (r.seq() == expected + 1 ? " is" : " to " + (r.seq() - 1) + " are")
                    + " missing: the next stored record is " + r.seq()
                    : "record " + r.seq() + " appears out of order after record " + (expected - 1));
        }
        if (!r.previousHash().equals(previous)) {
            return broken(r.seq(), "record " + r.seq() + " does not follow record " + (r.seq() - 1)
                    + ": its link does not match, so a record before it was inserted, removed or reordered");
        }
        if (!AuditChain.hash(r.seq(), r.at(), r.entry(), r.previousHash()).equals(r.hash())) {
            return broken(r.seq(), "record " + r.seq() + " (" + r.action() + " on " + r.subject()
                    + ") was edited: its content does not match its hash");
        }
        previous = r.hash();
        expected++;
        return true;
    }

    private boolean broken(long seq, String what) {
        firstBroken = seq;
        problem = what;
        return false;
    }

    /** The verdict once every record was fed, checked against the head kept apart. */
    public AuditVerification finish(AuditHead head) {
        long last = expected - 1;
        if (firstBroken == 0 && head.seq() < 0) {
            broken(Math.max(1, last), "the head kept apart from the records is missing, so the end of the chain cannot be checked");
        } else if (firstBroken == 0 && head.seq() > last) {
            broken(last + 1, "records " + (last + 1) + " to " + head.seq() + " are missing: the chain ends at " + last
                    + " but the head says " + head.seq());
        } else if (firstBroken == 0 && head.seq() < last) {
            broken(head.seq() + 1, "record " + (head.seq() + 1) + " was added outside Knobwright: the head says the chain"
                    + " ends at " + head.seq());
        } else if (firstBroken == 0 && !head.hash().equals(previous)) {
            broken(last, "record " + last + " does not match the head's hash: the end of the chain was rewritten");
        }
        return new AuditVerification(last, firstBroken, problem, previous);
    }
}
