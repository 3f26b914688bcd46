package io.knobwright.model.store;

import io.knobwright.model.workload.BurstDetector;
import io.knobwright.model.workload.CapturedPlan;
import io.knobwright.model.workload.FingerprintState;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.LogImportRecord;
import io.knobwright.model.workload.PlanShape;
import io.knobwright.model.workload.QueryRepository;
import io.knobwright.model.workload.TopOrder;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep16;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.CAPTURED_PLAN;
import static io.knobwright.model.store.jooq.Tables.LOG_IMPORT;
import static io.knobwright.model.store.jooq.Tables.QUERY_BURST;
import static io.knobwright.model.store.jooq.Tables.QUERY_FINGERPRINT;

/** Fingerprints, imports, bursts and plans in H2 (schema 14). */
final class JooqQueryRepository implements QueryRepository {

    /** Rows per INSERT statement when an import writes its fingerprints. */
    private static final int BATCH = 500;
    private final DSLContext dsl;

    JooqQueryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<FingerprintState> states(long instanceId) {
        return dsl.selectFrom(QUERY_FINGERPRINT).where(QUERY_FINGERPRINT.INSTANCE_ID.eq(instanceId))
                .fetch(JooqQueryRepository::state);
    }

    @Override
    public LogImportRecord recordImport(List<FingerprintState> states, LogImportRecord imported,
                                        List<BurstDetector.Burst> bursts) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            long instanceId = imported.instanceId();
            db.deleteFrom(QUERY_FINGERPRINT).where(QUERY_FINGERPRINT.INSTANCE_ID.eq(instanceId)).execute();
            for (int from = 0; from < states.size(); from += BATCH) {
                InsertValuesStep16<?, Long, Long, String, String, Long, Double, Double, Double, Double, Double, Long, Long,
                        java.time.OffsetDateTime, java.time.OffsetDateTime, byte[], byte[]> insert = db.insertInto(QUERY_FINGERPRINT,
                        QUERY_FINGERPRINT.INSTANCE_ID, QUERY_FINGERPRINT.FINGERPRINT, QUERY_FINGERPRINT.NORMALIZED,
                        QUERY_FINGERPRINT.EXAMPLE, QUERY_FINGERPRINT.CALLS, QUERY_FINGERPRINT.TOTAL_MS,
                        QUERY_FINGERPRINT.MEAN_MS, QUERY_FINGERPRINT.P50_MS, QUERY_FINGERPRINT.P95_MS,
                        QUERY_FINGERPRINT.P99_MS, QUERY_FINGERPRINT.ROWS_TOTAL, QUERY_FINGERPRINT.CALLS_WITH_ROWS,
                        QUERY_FINGERPRINT.FIRST_SEEN, QUERY_FINGERPRINT.LAST_SEEN, QUERY_FINGERPRINT.DURATIONS,
                        QUERY_FINGERPRINT.HOURS);
                for (FingerprintState s : states.subList(from, Math.min(states.size(), from + BATCH))) {
                    FingerprintSummary sum = s.summary();
                    insert = insert.values(instanceId, s.id(), s.normalized(), s.example(), s.calls(), s.totalMs(),
                            sum.meanMs(), sum.p50Ms(), sum.p95Ms(), sum.p99Ms(), s.rows(), s.callsWithRows(),
                            StoreTimes.utc(s.firstSeen()), StoreTimes.utc(s.lastSeen()), s.durations(), s.hours());
                }
                insert.execute();
            }
            long id = db.insertInto(LOG_IMPORT).set(LOG_IMPORT.INSTANCE_ID, instanceId)
                    .set(LOG_IMPORT.FILE_NAME, clip(imported.fileName(), 4000))
                    .set(LOG_IMPORT.CONTENT_KEY, imported.contentKey()).set(LOG_IMPORT.LOG_FORMAT, imported.format())
                    .set(LOG_IMPORT.LINE_PREFIX, clip(imported.prefix(), 1000)).set(LOG_IMPORT.BYTES, imported.bytes())
                    .set(LOG_IMPORT.STATEMENTS, imported.statements()).set(LOG_IMPORT.SKIPPED, imported.skipped())
                    .set(LOG_IMPORT.MALFORMED, imported.malformed()).set(LOG_IMPORT.FINGERPRINTS, imported.fingerprints())
                    .set(LOG_IMPORT.BURSTS, imported.bursts()).set(LOG_IMPORT.IMPORTED_BY, clip(imported.importedBy(), 200))
                    .set(LOG_IMPORT.IMPORTED_AT, StoreTimes.utc(imported.importedAt()))
                    .returningResult(LOG_IMPORT.ID).fetchOne(LOG_IMPORT.ID);
            for (BurstDetector.Burst b : bursts) {
                db.insertInto(QUERY_BURST).set(QUERY_BURST.INSTANCE_ID, instanceId).set(QUERY_BURST.IMPORT_ID, id)
                        .set(QUERY_BURST.SESSION_NAME, clip(b.session(), 400)).set(QUERY_BURST.FINGERPRINT, b.fingerprint())
                        .set(QUERY_BURST.CALLS, b.calls()).set(QUERY_BURST.CHANGED_LITERALS, b.changedLiterals())
                        .set(QUERY_BURST.STARTED_AT, StoreTimes.utc(b.start())).set(QUERY_BURST.ENDED_AT, StoreTimes.utc(b.end()))
                        .set(QUERY_BURST.DRIVER_FINGERPRINT, b.driverFingerprint())
                        .set(QUERY_BURST.DRIVER_TEXT, clip(b.driverText(), 2000)).execute();
            }
            return imported.withId(id);
        });
    }

    @Override
    public Optional<LogImportRecord> importOf(long instanceId, String contentKey) {
        return dsl.selectFrom(LOG_IMPORT).where(LOG_IMPORT.INSTANCE_ID.eq(instanceId)
                .and(LOG_IMPORT.CONTENT_KEY.eq(contentKey))).fetchOptional(JooqQueryRepository::logImport);
    }

    @Override
    public List<LogImportRecord> imports(long instanceId) {
        return dsl.selectFrom(LOG_IMPORT).where(LOG_IMPORT.INSTANCE_ID.eq(instanceId)).orderBy(LOG_IMPORT.ID.desc())
                .fetch(JooqQueryRepository::logImport);
    }

    @Override
    public List<FingerprintSummary> top(long instanceId, TopOrder order, int limit) {
        Field<?> key = switch (order) {
            case CALLS -> QUERY_FINGERPRINT.CALLS;
            case TOTAL -> QUERY_FINGERPRINT.TOTAL_MS;
            case MEAN -> QUERY_FINGERPRINT.MEAN_MS;
            case P95 -> QUERY_FINGERPRINT.P95_MS;
        };
        return dsl.selectFrom(QUERY_FINGERPRINT).where(QUERY_FINGERPRINT.INSTANCE_ID.eq(instanceId)
                        .and(QUERY_FINGERPRINT.FINGERPRINT.ne(0L)))
                .orderBy(key.desc(), QUERY_FINGERPRINT.FINGERPRINT).limit(Math.max(0, limit))
                .fetch(r -> state(r).summary());
    }

    @Override
    public List<BurstDetector.Burst> bursts(long instanceId, int limit) {
        return dsl.selectFrom(QUERY_BURST).where(QUERY_BURST.INSTANCE_ID.eq(instanceId))
                .orderBy(QUERY_BURST.CALLS.desc(), QUERY_BURST.ID).limit(Math.max(0, limit))
                .fetch(r -> new BurstDetector.Burst(r.getSessionName(), r.getFingerprint(), r.getCalls(),
                        r.getChangedLiterals(), r.getStartedAt().toInstant(), r.getEndedAt().toInstant(),
                        r.getDriverFingerprint(), r.getDriverText()));
    }

    @Override
    public void savePlan(CapturedPlan p) {
        dsl.insertInto(CAPTURED_PLAN).set(CAPTURED_PLAN.INSTANCE_ID, p.instanceId()).set(CAPTURED_PLAN.QUERY_KEY, p.queryKey())
                .set(CAPTURED_PLAN.QUERY_TEXT, clip(p.query(), 100_000)).set(CAPTURED_PLAN.CAPTURED_AT, StoreTimes.utc(p.capturedAt()))
                .set(CAPTURED_PLAN.GENERIC, p.generic()).set(CAPTURED_PLAN.SHAPE_HASH, p.shape().hash())
                .set(CAPTURED_PLAN.OUTLINE, clip(p.shape().outline(), 100_000)).set(CAPTURED_PLAN.TOTAL_COST, p.shape().cost())
                .set(CAPTURED_PLAN.EXPLAIN_JSON, clip(p.explainJson(), 1_000_000)).execute();
    }

    @Override
    public List<CapturedPlan> plans(long instanceId, Instant since) {
        return dsl.selectFrom(CAPTURED_PLAN).where(CAPTURED_PLAN.INSTANCE_ID.eq(instanceId)
                        .and(CAPTURED_PLAN.CAPTURED_AT.ge(StoreTimes.utc(since))))
                .orderBy(CAPTURED_PLAN.CAPTURED_AT, CAPTURED_PLAN.ID)
                .fetch(r -> new CapturedPlan(r.getInstanceId(), r.getQueryKey(), r.getQueryText(),
                        r.getCapturedAt().toInstant(), r.getGeneric(),
                        new PlanShape(r.getOutline(), r.getShapeHash(), r.getTotalCost()), r.getExplainJson()));
    }

    private static FingerprintState state(Record r) {
        return new FingerprintState(r.get(QUERY_FINGERPRINT.FINGERPRINT), r.get(QUERY_FINGERPRINT.NORMALIZED),
                r.get(QUERY_FINGERPRINT.EXAMPLE), r.get(QUERY_FINGERPRINT.CALLS), r.get(QUERY_FINGERPRINT.TOTAL_MS),
                r.get(QUERY_FINGERPRINT.ROWS_TOTAL), r.get(QUERY_FINGERPRINT.CALLS_WITH_ROWS),
                r.get(QUERY_FINGERPRINT.FIRST_SEEN).toInstant(), r.get(QUERY_FINGERPRINT.LAST_SEEN).toInstant(),
                r.get(QUERY_FINGERPRINT.DURATIONS), r.get(QUERY_FINGERPRINT.HOURS));
    }

    private static LogImportRecord logImport(io.knobwright.model.store.jooq.tables.records.LogImportRecord r) {
        return new LogImportRecord(r.getId(), r.getInstanceId(), r.getFileName(), r.getContentKey(), r.getLogFormat(),
                r.getLinePrefix(), r.getBytes(), r.getStatements(), r.getSkipped(), r.getMalformed(), r.getFingerprints(),
                r.getBursts(), r.getImportedBy(), r.getImportedAt().toInstant());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
