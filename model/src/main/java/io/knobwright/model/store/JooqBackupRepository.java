package io.knobwright.model.store;

import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupRecord;
import io.knobwright.model.backup.BackupRepository;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.backup.FileChecksum;
import io.knobwright.model.backup.LastGoodBackup;
import io.knobwright.model.backup.ProblemKind;
import io.knobwright.model.store.jooq.tables.records.BackupVerificationRecord;
import io.knobwright.model.store.jooq.tables.records.BackupWatchRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.BACKUP_PROBLEM;
import static io.knobwright.model.store.jooq.Tables.BACKUP_VERIFICATION;
import static io.knobwright.model.store.jooq.Tables.BACKUP_WATCH;

/** Backup verifications, their problems and watched directories in H2 (schema 18). */
final class JooqBackupRepository implements BackupRepository {

    private static final int MAX_TEXT = 4000;
    private final DSLContext dsl;

    JooqBackupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long record(long instanceId, BackupVerification v) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            long id = db.insertInto(BACKUP_VERIFICATION).set(BACKUP_VERIFICATION.INSTANCE_ID, instanceId)
                    .set(BACKUP_VERIFICATION.PATH, v.path()).set(BACKUP_VERIFICATION.KIND, v.kind().name())
                    .set(BACKUP_VERIFICATION.STATUS, v.status().name())
                    .set(BACKUP_VERIFICATION.TAKEN_AT, StoreTimes.utc(v.takenAt()))
                    .set(BACKUP_VERIFICATION.BYTES, v.bytes())
                    .set(BACKUP_VERIFICATION.DURATION_MS, v.duration() == null ? null : v.duration().toMillis())
                    .set(BACKUP_VERIFICATION.VERIFIED_AT, StoreTimes.utc(v.verifiedAt()))
                    .set(BACKUP_VERIFICATION.FACTS, lines(v.facts().entrySet().stream()
                            .map(e -> List.of(e.getKey(), e.getValue())).toList()))
                    .set(BACKUP_VERIFICATION.CHECKSUMS, lines(v.checksums().stream()
                            .map(c -> List.of(c.file(), Long.toString(c.bytes()), c.sha256())).toList()))
                    .returning(BACKUP_VERIFICATION.ID).fetchOne().getId();
            int seq = 0;
            for (BackupProblem p : v.problems()) {
                db.insertInto(BACKUP_PROBLEM).set(BACKUP_PROBLEM.VERIFICATION_ID, id).set(BACKUP_PROBLEM.SEQ, seq++)
                        .set(BACKUP_PROBLEM.FILE, clip(p.file())).set(BACKUP_PROBLEM.KIND, p.kind().name())
                        .set(BACKUP_PROBLEM.DETAIL, clip(p.detail())).execute();
            }
            return id;
        });
    }

    @Override
    public List<BackupRecord> history(long instanceId) {
        return records(dsl.selectFrom(BACKUP_VERIFICATION).where(BACKUP_VERIFICATION.INSTANCE_ID.eq(instanceId))
                .orderBy(BACKUP_VERIFICATION.TAKEN_AT, BACKUP_VERIFICATION.ID).fetch());
    }

    @Override
    public Optional<BackupRecord> latestOf(String path) {
        return records(dsl.selectFrom(BACKUP_VERIFICATION).where(BACKUP_VERIFICATION.PATH.eq(path))
                .orderBy(BACKUP_VERIFICATION.VERIFIED_AT.desc(), BACKUP_VERIFICATION.ID.desc()).limit(1).fetch())
                .stream().findFirst();
    }

    @Override
    public void watch(BackupWatch w) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(BACKUP_WATCH).where(BACKUP_WATCH.INSTANCE_ID.eq(w.instanceId()).and(BACKUP_WATCH.PATH.eq(w.path())))
                    .execute();
            db.insertInto(BACKUP_WATCH).set(BACKUP_WATCH.INSTANCE_ID, w.instanceId())
                    .set(BACKUP_WATCH.INSTANCE_NAME, w.instanceName()).set(BACKUP_WATCH.PATH, w.path())
                    .set(BACKUP_WATCH.RPO_MS, w.rpo().toMillis())
                    .set(BACKUP_WATCH.INTERVAL_MS, w.interval() == null ? null : w.interval().toMillis()).execute();
        });
    }

    @Override
    public List<BackupWatch> watches() {
        return dsl.selectFrom(BACKUP_WATCH).orderBy(BACKUP_WATCH.INSTANCE_NAME, BACKUP_WATCH.PATH)
                .fetch(JooqBackupRepository::watchOf);
    }

    @Override
    public boolean unwatch(long instanceId, String path) {
        return dsl.deleteFrom(BACKUP_WATCH).where(BACKUP_WATCH.INSTANCE_ID.eq(instanceId).and(BACKUP_WATCH.PATH.eq(path)))
                .execute() > 0;
    }

    @Override
    public List<LastGoodBackup> lastGoodBackups(Instant notAfter) {
        Field<OffsetDateTime> newestGood = DSL.max(DSL.when(BACKUP_VERIFICATION.STATUS.eq(BackupStatus.GOOD.name())
                .and(BACKUP_VERIFICATION.TAKEN_AT.le(StoreTimes.utc(notAfter))), BACKUP_VERIFICATION.TAKEN_AT));
        return dsl.select(BACKUP_VERIFICATION.INSTANCE_ID, newestGood).from(BACKUP_VERIFICATION)
                .where(BACKUP_VERIFICATION.INSTANCE_ID.ne(0L)).groupBy(BACKUP_VERIFICATION.INSTANCE_ID)
                .orderBy(BACKUP_VERIFICATION.INSTANCE_ID)
                .fetch(r -> new LastGoodBackup(r.value1(), Optional.ofNullable(StoreTimes.instant(r.value2()))));
    }

    private List<BackupRecord> records(List<BackupVerificationRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<BackupProblem>> problems = new LinkedHashMap<>();
        rows.forEach(r -> problems.put(r.getId(), new ArrayList<>()));
        dsl.selectFrom(BACKUP_PROBLEM).where(BACKUP_PROBLEM.VERIFICATION_ID.in(problems.keySet()))
                .orderBy(BACKUP_PROBLEM.VERIFICATION_ID, BACKUP_PROBLEM.SEQ)
                .forEach(p -> problems.get(p.getVerificationId()).add(new BackupProblem(p.getFile(),
                        ProblemKind.valueOf(p.getKind()), p.getDetail())));
        List<BackupRecord> out = new ArrayList<>();
        for (BackupVerificationRecord r : rows) {
            Map<String, String> facts = new LinkedHashMap<>();
            unlines(r.getFacts()).forEach(f -> facts.put(f.get(0), f.size() > 1 ? f.get(1) : ""));
            List<FileChecksum> sums = unlines(r.getChecksums()).stream()
                    .map(f -> new FileChecksum(f.get(0), Long.parseLong(f.get(1)), f.get(2))).toList();
            BackupVerification v = new BackupVerification(r.getPath(), BackupKind.valueOf(r.getKind()),
                    BackupStatus.valueOf(r.getStatus()), StoreTimes.instant(r.getTakenAt()), r.getBytes(),
                    r.getDurationMs() == null ? null : Duration.ofMillis(r.getDurationMs()),
                    StoreTimes.instant(r.getVerifiedAt()), problems.get(r.getId()), facts, sums);
            out.add(new BackupRecord(r.getId(), r.getInstanceId(), v));
        }
        return out;
    }

    private static BackupWatch watchOf(BackupWatchRecord r) {
        return new BackupWatch(r.getInstanceId(), r.getInstanceName(), r.getPath(), Duration.ofMillis(r.getRpoMs()),
                r.getIntervalMs() == null ? null : Duration.ofMillis(r.getIntervalMs()));
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
    }

    /** Tab-separated fields, one row a line; tab, newline and backslash escaped. */
    static String lines(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append('\t');
                }
                out.append(row.get(i).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static List<List<String>> unlines(String text) {
        List<List<String>> rows = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rows;
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String field : line.split("\t", -1)) {
                fields.add(unescape(field));
            }
            rows.add(fields);
        }
        return rows;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
