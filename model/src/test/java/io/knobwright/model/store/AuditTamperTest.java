package io.knobwright.model.store;

import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.audit.AuditHead;
import io.knobwright.model.audit.AuditVerification;
import io.knobwright.model.audit.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with SQL access to the store edits, deletes, inserts or reorders audit rows: verification fails and names
 * the first record that does not hold.
 */
class AuditTamperTest {

    private final String name = "audit-" + System.nanoTime();
    private final KnobwrightStore store = KnobwrightStore.inMemory(name, false);

    @BeforeEach
    void tenRecords() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        for (int i = 1; i <= 10; i++) {
            store.audit().append(new AuditEntry(i % 2 == 0 ? "bob" : "alice", "plan.approved", "plan:" + i, "SUBMITTED",
                    "{\"state\":\"APPROVED\"}", "record " + i), at.plusSeconds(i));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AuditVerification verify() {
        AuditHead head = store.audit().head();
        AuditVerifier verifier = new AuditVerifier();
        store.audit().forEach(verifier::accept);
        return verifier.finish(head);
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, StoreOpening.USER, StoreOpening.PASSWORD);
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditVerification ok = verify();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.records()).isEqualTo(10);
        assertThat(ok.head()).isEqualTo(store.audit().head().hash());
    }

    @Test
    void anEditedRecordIsNamed() throws Exception {
        sql("UPDATE audit_record SET actor = 'mallory' WHERE seq = 4");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(4);
        assertThat(v.problem()).contains("record 4").contains("was edited");
    }

    @Test
    void anEditedRecordWithItsHashRecomputedBreaksTheNextLink() throws Exception {
        // A careful forger recomputes the edited record's hash; the next record still points at the old one.
        var r = store.audit().find(4).orElseThrow();
        AuditEntry forged = new AuditEntry("mallory", r.action(), r.subject(), r.before(), r.after(), r.reason());
        String hash = io.knobwright.model.audit.AuditChain.hash(4, r.at(), forged, r.previousHash());
        sql("UPDATE audit_record SET actor = 'mallory', hash = '" + hash + "' WHERE seq = 4");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(5);
        assertThat(v.problem()).contains("record 5 does not follow record 4");
    }

    @Test
    void aDeletedRecordIsNamed() throws Exception {
        sql("DELETE FROM audit_record WHERE seq = 6");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(6);
        assertThat(v.problem()).contains("record 6 is missing");
    }

    @Test
    void cuttingOffTheNewestRecordsIsNoticedThroughTheHead() throws Exception {
        sql("DELETE FROM audit_record WHERE seq >= 9");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(9);
        assertThat(v.problem()).contains("records 9 to 10 are missing");
    }

    @Test
    void anInsertedRecordIsNamed() throws Exception {
        // Slip a record in between 3 and 4 by moving the later ones up one number.
        sql("UPDATE audit_record SET seq = seq + 100 WHERE seq >= 4",
                "UPDATE audit_record SET seq = seq - 99 WHERE seq >= 104",
                "INSERT INTO audit_record (seq, at, actor, action, subject, before_value, after_value, reason, previous_hash, hash)"
                        + " SELECT 4, at, 'mallory', 'plan.approved', 'plan:99', '', '', '', hash, hash FROM audit_record WHERE seq = 3",
                "UPDATE audit_head SET seq = 11");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(4);
        assertThat(v.problem()).contains("record 4");
    }

    @Test
    void aRecordAppendedOutsideKnobwrightIsNamed() throws Exception {
        sql("INSERT INTO audit_record (seq, at, actor, action, subject, before_value, after_value, reason, previous_hash, hash)"
                + " SELECT 11, at, 'mallory', 'plan.approved', 'plan:99', '', '', '', hash, hash FROM audit_record WHERE seq = 10");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(11);
    }

    @Test
    void reorderedRecordsAreNamed() throws Exception {
        sql("UPDATE audit_record SET seq = 1000 WHERE seq = 3",
                "UPDATE audit_record SET seq = 3 WHERE seq = 7",
                "UPDATE audit_record SET seq = 7 WHERE seq = 1000");
        AuditVerification v = verify();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.problem()).contains("record 3");
    }

    @Test
    void aMissingHeadIsNamed() throws Exception {
        sql("DELETE FROM audit_head");
        assertThat(verify().problem()).contains("head").contains("missing");
    }

    @Test
    void concurrentAppendsNeverShareANumberAndKeepTheChainWhole() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    store.inTransaction(repos -> repos.audit().append(new AuditEntry("t" + thread, "test.append", "x", "", "", ""),
                            Instant.now()));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        AuditVerification v = verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.records()).isEqualTo(210);
    }
}
