package io.knobwright.model.store;

import io.knobwright.model.audit.AuditChain;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.audit.AuditHead;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.audit.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail read the ways governance reads it: about one subject, the newest records, one record by number. */
class JooqAuditRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.987654321Z");

    private final KnobwrightStore store = KnobwrightStore.inMemory("audit-read-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private AuditRecord append(String actor, String action, String subject, int second) {
        return store.audit().append(new AuditEntry(actor, action, subject, "before", "after", "why"), T0.plusSeconds(second));
    }

    @Test
    void aNewStoreHasAnEmptyTrail() {
        assertThat(store.audit().head()).isEqualTo(AuditHead.EMPTY);
        assertThat(store.audit().newest(10)).isEmpty();
        assertThat(store.audit().find(1)).isEmpty();
        assertThat(store.audit().about("plan:1")).isEmpty();
    }

    @Test
    void appendedRecordsAreNumberedChainedAndReadBackAsSealed() {
        AuditRecord first = append("alice", "plan.submitted", "plan:1", 0);
        AuditRecord second = append("bob", "plan.approved", "plan:1", 1);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.at()).as("kept to the microsecond, as stored").isEqualTo(Instant.parse("2026-12-01T09:00:00.987654Z"));
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(store.audit().head()).isEqualTo(new AuditHead(2, second.hash()));
        assertThat(store.audit().find(1)).hasValue(first);
        assertThat(store.audit().find(2)).hasValue(second);
        assertThat(store.audit().find(3)).isEmpty();
    }

    @Test
    void theRecordsAboutOneSubjectAreReadOldestFirst() {
        append("alice", "plan.submitted", "plan:1", 0);
        append("alice", "plan.submitted", "plan:2", 1);
        append("bob", "plan.approved", "plan:1", 2);
        append("erin", "policy.lock", "policy", 3);

        assertThat(store.audit().about("plan:1")).extracting(AuditRecord::seq).containsExactly(1L, 3L);
        assertThat(store.audit().about("plan:1")).extracting(AuditRecord::action).containsExactly("plan.submitted", "plan.approved");
        assertThat(store.audit().about("plan:10")).as("a subject is matched whole").isEmpty();
    }

    @Test
    void theNewestRecordsComeNewestFirstUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            append("alice", "plan.submitted", "plan:" + i, i);
        }
        assertThat(store.audit().newest(3)).extracting(AuditRecord::seq).containsExactly(5L, 4L, 3L);
        assertThat(store.audit().newest(100)).hasSize(5);
    }

    @Test
    void readingStopsWhenTheReaderSaysSoAndTheChainVerifies() {
        for (int i = 0; i < 5; i++) {
            append("alice", "plan.submitted", "plan:" + i, i);
        }
        List<Long> read = new ArrayList<>();
        store.audit().forEach(r -> {
            read.add(r.seq());
            return r.seq() < 2;
        });
        assertThat(read).containsExactly(1L, 2L);

        AuditVerifier verifier = new AuditVerifier();
        store.audit().forEach(verifier::accept);
        assertThat(verifier.finish(store.audit().head()).intact()).isTrue();
    }
}
