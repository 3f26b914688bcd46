package io.knobwright.model.store;

import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.audit.AuditHead;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.store.jooq.tables.records.AuditRecordRecord;
import org.jooq.Cursor;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static io.knobwright.model.store.jooq.Tables.AUDIT_HEAD;
import static io.knobwright.model.store.jooq.Tables.AUDIT_RECORD;

/**
 * The audit trail in H2. An append locks the head row first (SELECT ... FOR UPDATE), so appends from two processes
 * sharing the store take turns and never seal two records with one number.
 */
final class JooqAuditRepository implements AuditRepository {

    private final DSLContext dsl;

    JooqAuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public AuditRecord append(AuditEntry entry, Instant at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var head = db.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchOne();
            if (head == null) {
                throw new StoreException("The audit trail's head is missing from the store: run `knobwright audit verify`.");
            }
            AuditRecord sealed = AuditRecord.seal(head.getSeq() + 1, at.truncatedTo(ChronoUnit.MICROS), entry, head.getHash());
            db.insertInto(AUDIT_RECORD).set(AUDIT_RECORD.SEQ, sealed.seq())
                    .set(AUDIT_RECORD.AT, sealed.at().atOffset(ZoneOffset.UTC))
                    .set(AUDIT_RECORD.ACTOR, sealed.actor()).set(AUDIT_RECORD.ACTION, sealed.action())
                    .set(AUDIT_RECORD.SUBJECT, sealed.subject()).set(AUDIT_RECORD.BEFORE_VALUE, sealed.before())
                    .set(AUDIT_RECORD.AFTER_VALUE, sealed.after()).set(AUDIT_RECORD.REASON, sealed.reason())
                    .set(AUDIT_RECORD.PREVIOUS_HASH, sealed.previousHash()).set(AUDIT_RECORD.HASH, sealed.hash())
                    .execute();
            db.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, sealed.seq()).set(AUDIT_HEAD.HASH, sealed.hash())
                    .where(AUDIT_HEAD.ID.eq(1)).execute();
            return sealed;
        });
    }

    @Override
    public void forEach(Predicate<AuditRecord> consumer) {
        try (Cursor<AuditRecordRecord> cursor = dsl.selectFrom(AUDIT_RECORD).orderBy(AUDIT_RECORD.SEQ).fetchSize(500).fetchLazy()) {
            while (cursor.hasNext()) {
                if (!consumer.test(map(cursor.fetchNext()))) {
                    return;
                }
            }
        }
    }

    @Override
    public AuditHead head() {
        var head = dsl.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        return head == null ? new AuditHead(-1, "") : new AuditHead(head.getSeq(), head.getHash());
    }

    @Override
    public List<AuditRecord> about(String subject) {
        return dsl.selectFrom(AUDIT_RECORD).where(AUDIT_RECORD.SUBJECT.eq(subject)).orderBy(AUDIT_RECORD.SEQ).fetch(JooqAuditRepository::map);
    }

    @Override
    public List<AuditRecord> newest(int limit) {
        return dsl.selectFrom(AUDIT_RECORD).orderBy(AUDIT_RECORD.SEQ.desc()).limit(limit).fetch(JooqAuditRepository::map);
    }

    @Override
    public Optional<AuditRecord> find(long seq) {
        return dsl.selectFrom(AUDIT_RECORD).where(AUDIT_RECORD.SEQ.eq(seq)).fetchOptional(JooqAuditRepository::map);
    }

    private static AuditRecord map(AuditRecordRecord r) {
        return new AuditRecord(r.getSeq(), r.getAt().toInstant(), r.getActor(), r.getAction(), r.getSubject(),
                r.getBeforeValue(), r.getAfterValue(), r.getReason(), r.getPreviousHash(), r.getHash());
    }
}
