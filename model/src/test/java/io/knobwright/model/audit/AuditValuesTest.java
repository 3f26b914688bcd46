package io.knobwright.model.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Audit records and the chain's hash, without a store: anyone can verify an export with the same rules. */
class AuditValuesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456789Z");
    private final AuditEntry entry = new AuditEntry("alice", "plan.submitted", "plan:1", null, "{\"state\":\"SUBMITTED\"}", null);

    @Test
    void anEntryNeedsAnActorAnActionAndASubject() {
        assertThat(entry.before()).isEmpty();
        assertThat(entry.reason()).isEmpty();
        for (String[] bad : new String[][]{{null, "a", "s"}, {" ", "a", "s"}, {"x", null, "s"}, {"x", "", "s"}, {"x", "a", null}, {"x", "a", " "}}) {
            assertThatThrownBy(() -> new AuditEntry(bad[0], bad[1], bad[2], "", "", ""))
                    .hasMessage("An audit entry needs an actor, an action and a subject");
        }
    }

    @Test
    void aSealedRecordHashesItsContentAndThePreviousHash() {
        AuditRecord first = AuditRecord.seal(1, T0, entry, AuditChain.GENESIS);
        assertThat(first.entry()).isEqualTo(entry);
        assertThat(first.hash()).hasSize(64).isEqualTo(AuditChain.hash(1, T0, entry, AuditChain.GENESIS));
        assertThat(AuditChain.hash(1, T0.plusNanos(1), entry, AuditChain.GENESIS)).as("below a microsecond is not kept").isEqualTo(first.hash());
        assertThat(AuditChain.hash(2, T0, entry, AuditChain.GENESIS)).isNotEqualTo(first.hash());
        assertThat(AuditChain.hash(1, T0, entry, first.hash())).isNotEqualTo(first.hash());
        assertThat(AuditChain.canonical(T0)).isEqualTo("2026-12-01T09:00:00.123456Z");
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        AuditEntry a = new AuditEntry("alice", "plan.approved", "plan:1", "ab", "c", "");
        AuditEntry b = new AuditEntry("alice", "plan.approved", "plan:1", "a", "bc", "");
        assertThat(AuditChain.hash(1, T0, a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, T0, b, AuditChain.GENESIS));
    }

    @Test
    void aRecordIsNumberedFromOne() {
        assertThatThrownBy(() -> AuditRecord.seal(0, T0, entry, AuditChain.GENESIS)).hasMessage("Audit records are numbered from 1");
        assertThatThrownBy(() -> new AuditRecord(1, null, "a", "b", "c", "", "", "", AuditChain.GENESIS, "h"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aVerifierNamesRecordsOutOfOrderOrMissing() {
        AuditRecord r1 = AuditRecord.seal(1, T0, entry, AuditChain.GENESIS);
        AuditRecord r2 = AuditRecord.seal(2, T0, entry, r1.hash());
        AuditRecord r4 = AuditRecord.seal(4, T0, entry, r2.hash());

        AuditVerifier gap = new AuditVerifier();
        assertThat(gap.accept(r1)).isTrue();
        assertThat(gap.accept(r4)).isFalse();
        assertThat(gap.accept(r2)).as("nothing more is read once broken").isFalse();
        AuditVerification missing = gap.finish(new AuditHead(4, r4.hash()));
        assertThat(missing.firstBroken()).isEqualTo(2);
        assertThat(missing.problem()).isEqualTo("record 2 to 3 are missing: the next stored record is 4");

        AuditVerifier backwards = new AuditVerifier();
        backwards.accept(r1);
        backwards.accept(r2);
        backwards.accept(r1);
        assertThat(backwards.finish(new AuditHead(2, r2.hash())).problem()).isEqualTo("record 1 appears out of order after record 2");

        AuditVerifier empty = new AuditVerifier();
        AuditVerification none = empty.finish(AuditHead.EMPTY);
        assertThat(none.intact()).isTrue();
        assertThat(none.records()).isZero();
        assertThat(none.head()).isEqualTo(AuditChain.GENESIS);
    }
}
