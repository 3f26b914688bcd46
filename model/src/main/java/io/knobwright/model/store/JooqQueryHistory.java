package io.knobwright.model.store;

import io.knobwright.model.workload.QueryDay;
import io.knobwright.model.workload.QueryHistoryRepository;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.knobwright.model.store.jooq.Tables.QUERY_DAY;
import static io.knobwright.model.store.jooq.Tables.QUERY_DAY_TEXT;

/** Fingerprints per day in H2 (schema 15). */
final class JooqQueryHistory implements QueryHistoryRepository {

    private static final int TEXT_LIMIT = 4000;
    private final DSLContext dsl;

    JooqQueryHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(long instanceId, List<QueryDay> days, Map<Long, String> texts) {
        if (days.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            LocalDate first = days.stream().map(QueryDay::day).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = days.stream().map(QueryDay::day).max(LocalDate::compareTo).orElseThrow();
            Map<Key, QueryDay> merged = new LinkedHashMap<>();
            for (QueryDay d : days) {
                merged.merge(new Key(d.fingerprint(), d.day(), d.source()), d, QueryDay::plus);
            }
            Set<Key> stored = new HashSet<>();
            for (QueryDay old : db.selectFrom(QUERY_DAY).where(QUERY_DAY.INSTANCE_ID.eq(instanceId)
                    .and(QUERY_DAY.ON_DAY.between(first, last))).fetch(JooqQueryHistory::day)) {
                Key key = new Key(old.fingerprint(), old.day(), old.source());
                QueryDay mine = merged.get(key);
                if (mine != null) {
                    merged.put(key, old.plus(mine));
                    stored.add(key);
                }
            }
            for (Key key : stored) {
                db.deleteFrom(QUERY_DAY).where(QUERY_DAY.INSTANCE_ID.eq(instanceId)
                        .and(QUERY_DAY.FINGERPRINT.eq(key.fingerprint())).and(QUERY_DAY.ON_DAY.eq(key.day()))
                        .and(QUERY_DAY.SOURCE.eq(key.source().code()))).execute();
            }
            insert(db, instanceId, merged.values());
            keepTexts(db, instanceId, texts, merged.values());
        });
    }

    @Override
    public void replaceDay(long instanceId, QueryDay.Source source, LocalDate day, List<QueryDay> days,
                           Map<Long, String> texts) {
        for (QueryDay d : days) {
            if (!d.day().equals(day) || d.source() != source) {
                throw new IllegalArgumentException("Only " + source.code() + " days of " + day + " replace that day");
            }
        }
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(QUERY_DAY).where(QUERY_DAY.INSTANCE_ID.eq(instanceId).and(QUERY_DAY.ON_DAY.eq(day))
                    .and(QUERY_DAY.SOURCE.eq(source.code()))).execute();
            Map<Long, QueryDay> merged = new LinkedHashMap<>();
            days.forEach(d -> merged.merge(d.fingerprint(), d, QueryDay::plus));
            insert(db, instanceId, merged.values());
            keepTexts(db, instanceId, texts, merged.values());
        });
    }

    @Override
    public List<QueryDay> days(long instanceId, LocalDate from) {
        List<QueryDay> all = dsl.selectFrom(QUERY_DAY).where(QUERY_DAY.INSTANCE_ID.eq(instanceId)
                        .and(QUERY_DAY.ON_DAY.ge(from)))
                .orderBy(QUERY_DAY.ON_DAY, QUERY_DAY.FINGERPRINT, QUERY_DAY.SOURCE).fetch(JooqQueryHistory::day);
        Set<Key> logged = new HashSet<>();
        for (QueryDay d : all) {
            if (d.source() == QueryDay.Source.LOG) {
                logged.add(new Key(d.fingerprint(), d.day(), QueryDay.Source.LOG));
            }
        }
        List<QueryDay> kept = new ArrayList<>(all.size());
        for (QueryDay d : all) {
            if (d.source() == QueryDay.Source.LOG || !logged.contains(new Key(d.fingerprint(), d.day(), QueryDay.Source.LOG))) {
                kept.add(d);
            }
        }
        return kept;
    }

    @Override
    public Map<Long, String> texts(long instanceId, Collection<Long> fingerprints) {
        Map<Long, String> texts = new HashMap<>();
        List<Long> ids = List.copyOf(new HashSet<>(fingerprints));
        for (int from = 0; from < ids.size(); from += 1000) {
            dsl.select(QUERY_DAY_TEXT.FINGERPRINT, QUERY_DAY_TEXT.NORMALIZED).from(QUERY_DAY_TEXT)
                    .where(QUERY_DAY_TEXT.INSTANCE_ID.eq(instanceId)
                            .and(QUERY_DAY_TEXT.FINGERPRINT.in(ids.subList(from, Math.min(ids.size(), from + 1000)))))
                    .forEach(r -> texts.put(r.value1(), r.value2()));
        }
        return texts;
    }

    @Override
    public int prune(LocalDate before) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            int dropped = db.deleteFrom(QUERY_DAY).where(QUERY_DAY.ON_DAY.lt(before)).execute();
            if (dropped > 0) {
                db.deleteFrom(QUERY_DAY_TEXT).whereNotExists(DSL.selectOne().from(QUERY_DAY)
                        .where(QUERY_DAY.INSTANCE_ID.eq(QUERY_DAY_TEXT.INSTANCE_ID)
                                .and(QUERY_DAY.FINGERPRINT.eq(QUERY_DAY_TEXT.FINGERPRINT)))).execute();
            }
            return dropped;
        });
    }

    private record Key(long fingerprint, LocalDate day, QueryDay.Source source) {
    }

    private static void insert(DSLContext db, long instanceId, Collection<QueryDay> days) {
        List<QueryDay> all = List.copyOf(days);
        for (int from = 0; from < all.size(); from += 500) {
            var insert = db.insertInto(QUERY_DAY, QUERY_DAY.INSTANCE_ID, QUERY_DAY.FINGERPRINT, QUERY_DAY.ON_DAY,
                    QUERY_DAY.SOURCE, QUERY_DAY.CALLS, QUERY_DAY.TOTAL_MS, QUERY_DAY.ROWS_TOTAL, QUERY_DAY.DURATIONS);
            for (QueryDay d : all.subList(from, Math.min(all.size(), from + 500))) {
                insert = insert.values(instanceId, d.fingerprint(), d.day(), d.source().code(), d.calls(), d.totalMs(),
                        d.rows(), d.durations());
            }
            insert.execute();
        }
    }

    private static void keepTexts(DSLContext db, long instanceId, Map<Long, String> texts, Collection<QueryDay> days) {
        Set<Long> wanted = new HashSet<>();
        days.forEach(d -> wanted.add(d.fingerprint()));
        wanted.retainAll(texts.keySet());
        if (wanted.isEmpty()) {
            return;
        }
        Set<Long> known = new HashSet<>(db.select(QUERY_DAY_TEXT.FINGERPRINT).from(QUERY_DAY_TEXT)
                .where(QUERY_DAY_TEXT.INSTANCE_ID.eq(instanceId)).fetch(QUERY_DAY_TEXT.FINGERPRINT));
        wanted.removeAll(known);
        for (Long id : wanted) {
            String text = texts.get(id);
            db.insertInto(QUERY_DAY_TEXT).set(QUERY_DAY_TEXT.INSTANCE_ID, instanceId).set(QUERY_DAY_TEXT.FINGERPRINT, id)
                    .set(QUERY_DAY_TEXT.NORMALIZED, text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text)
                    .execute();
        }
    }

    private static QueryDay day(Record r) {
        return new QueryDay(r.get(QUERY_DAY.FINGERPRINT), r.get(QUERY_DAY.ON_DAY), QueryDay.Source.ofCode(r.get(QUERY_DAY.SOURCE)),
                r.get(QUERY_DAY.CALLS), r.get(QUERY_DAY.TOTAL_MS), r.get(QUERY_DAY.ROWS_TOTAL), r.get(QUERY_DAY.DURATIONS));
    }
}
