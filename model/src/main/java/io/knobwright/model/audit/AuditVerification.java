package io.knobwright.model.audit;

/**
 * The outcome of checking the chain.
 *
 * @param records     how many records were read
 * @param firstBroken the number of the first record that does not hold; 0 when the chain is intact
 * @param problem     what is wrong there, in words; empty when intact
 * @param head        the newest record's hash, as a change board can write it down
 */
public record AuditVerification(long records, long firstBroken, String problem, String head) {

    public boolean intact() {
        return firstBroken == 0;
    }
}
