package io.knobwright.model.store;

import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.RelationActivity;
import io.knobwright.model.workload.RelationRates;
import io.knobwright.model.workload.RelationSeriesRepository;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.SeriesRetention;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.workload.TableRef;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.knobwright.model.store.jooq.Tables.RELATION_NAME;
import static io.knobwright.model.store.jooq.Tables.RELATION_POLL;

/** Relation snapshots in H2, one packed row per instance and snapshot (decision 0128). */
final class JooqRelationSeries implements RelationSeriesRepository {

    static final int RAW = 0;
    static final int DAILY = 86_400;
    private static final int MAX_NAME = 128;

    private final DSLContext dsl;

    JooqRelationSeries(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(long instanceId, RelationSnapshot snapshot) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            Map<String, Long> ids = nameIds(db, instanceId);
            RelationCodec.Ids lookup = new RelationCodec.Ids() {
                @Override
                public long database(String name) {
                    return id(db, ids, instanceId, "D", name, "", "", "");
                }

                @Override
                public long table(TableRef ref) {
                    return id(db, ids, instanceId, "T", ref.database(), ref.schema(), ref.table(), "");
                }

                @Override
                public long index(IndexRef ref) {
                    TableRef t = ref.table();
                    return id(db, ids, instanceId, "I", t.database(), t.schema(), t.table(), ref.index());
                }
            };
            byte[] vals = RelationCodec.pack(snapshot, lookup);
            long at = snapshot.at().toEpochMilli();
            Long started = millis(snapshot.epoch().started());
            Long reset = millis(snapshot.epoch().statsReset());
            db.mergeInto(RELATION_POLL).using(db.selectOne())
                    .on(RELATION_POLL.INSTANCE_ID.eq(instanceId).and(RELATION_POLL.AT_MS.eq(at)).and(RELATION_POLL.RESOLUTION.eq(RAW)))
                    .whenMatchedThenUpdate().set(RELATION_POLL.SERVER_STARTED_MS, started).set(RELATION_POLL.STATS_RESET_MS, reset)
                    .set(RELATION_POLL.STATS_DB, snapshot.statsDatabase()).set(RELATION_POLL.TOTAL_BYTES, snapshot.totalBytes())
                    .set(RELATION_POLL.VALS, vals)
                    .whenNotMatchedThenInsert(RELATION_POLL.INSTANCE_ID, RELATION_POLL.AT_MS, RELATION_POLL.RESOLUTION,
                            RELATION_POLL.SERVER_STARTED_MS, RELATION_POLL.STATS_RESET_MS, RELATION_POLL.STATS_DB,
                            RELATION_POLL.TOTAL_BYTES, RELATION_POLL.VALS)
                    .values(instanceId, at, RAW, started, reset, snapshot.statsDatabase(), snapshot.totalBytes(), vals)
                    .execute();
        });
    }

    @Override
    public Optional<RelationSnapshot> latest(long instanceId) {
        List<RelationSnapshot> two = newest(instanceId, 1);
        return two.isEmpty() ? Optional.empty() : Optional.of(two.getFirst());
    }

    @Override
    public Optional<RelationActivity> activity(long instanceId) {
        List<RelationSnapshot> two = newest(instanceId, 2);
        if (two.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RelationRates.between(two.size() > 1 ? two.get(1) : null, two.getFirst()));
    }

    /** The newest {@code n} snapshots, newest first. */
    private List<RelationSnapshot> newest(long instanceId, int n) {
        var rows = dsl.selectFrom(RELATION_POLL).where(RELATION_POLL.INSTANCE_ID.eq(instanceId))
                .orderBy(RELATION_POLL.AT_MS.desc(), RELATION_POLL.RESOLUTION).limit(n).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        RelationCodec.Names names = names(dsl, instanceId);
        List<RelationSnapshot> out = new ArrayList<>();
        for (var r : rows) {
            out.add(RelationCodec.unpack(Instant.ofEpochMilli(r.getAtMs()), new ServerEpoch(instant(r.getServerStartedMs()),
                    instant(r.getStatsResetMs())), r.getStatsDb(), r.getVals(), names));
        }
        return out;
    }

    @Override
    public List<SizePoint> instanceSizes(long instanceId, Instant from, Instant to) {
        List<SizePoint> out = new ArrayList<>();
        dsl.select(RELATION_POLL.AT_MS, RELATION_POLL.TOTAL_BYTES).from(RELATION_POLL)
                .where(inRange(instanceId, from, to)).orderBy(RELATION_POLL.AT_MS)
                .forEach(r -> out.add(new SizePoint(Instant.ofEpochMilli(r.value1()), r.value2())));
        return out;
    }

    @Override
    public Map<String, List<SizePoint>> databaseSizes(long instanceId, Instant from, Instant to) {
        RelationCodec.Names names = names(dsl, instanceId);
        Map<String, List<SizePoint>> out = new TreeMap<>();
        scan(instanceId, from, to, at -> new RelationCodec.SizeVisitor() {
            @Override
            public void database(long id, long bytes) {
                String name = names.databases().get(id);
                if (name != null) {
                    out.computeIfAbsent(name, k -> new ArrayList<>()).add(new SizePoint(at, bytes));
                }
            }
        });
        return out;
    }

    @Override
    public Map<TableRef, List<SizePoint>> tableSizes(long instanceId, Instant from, Instant to) {
        RelationCodec.Names names = names(dsl, instanceId);
        Map<TableRef, List<SizePoint>> out = new TreeMap<>();
        scan(instanceId, from, to, at -> new RelationCodec.SizeVisitor() {
            @Override
            public void table(long id, long bytes) {
                TableRef ref = names.tables().get(id);
                if (ref != null && bytes >= 0) {
                    out.computeIfAbsent(ref, k -> new ArrayList<>()).add(new SizePoint(at, bytes));
                }
            }
        });
        return out;
    }

    @Override
    public List<SizePoint> tableSizes(long instanceId, TableRef table, Instant from, Instant to) {
        return tableSizes(instanceId, from, to).getOrDefault(table, List.of());
    }

    @Override
    public Map<IndexRef, List<SizePoint>> indexSizes(long instanceId, Instant from, Instant to) {
        RelationCodec.Names names = names(dsl, instanceId);
        Map<IndexRef, List<SizePoint>> out = new TreeMap<>();
        scan(instanceId, from, to, at -> new RelationCodec.SizeVisitor() {
            @Override
            public void index(long id, long bytes) {
                IndexRef ref = names.indexes().get(id);
                if (ref != null && bytes >= 0) {
                    out.computeIfAbsent(ref, k -> new ArrayList<>()).add(new SizePoint(at, bytes));
                }
            }
        });
        return out;
    }

    private void scan(long instanceId, Instant from, Instant to, java.util.function.Function<Instant, RelationCodec.SizeVisitor> visitor) {
        dsl.select(RELATION_POLL.AT_MS, RELATION_POLL.VALS).from(RELATION_POLL).where(inRange(instanceId, from, to))
                .orderBy(RELATION_POLL.AT_MS)
                .forEach(r -> RelationCodec.sizes(r.value2(), visitor.apply(Instant.ofEpochMilli(r.value1()))));
    }

    private static org.jooq.Condition inRange(long instanceId, Instant from, Instant to) {
        return RELATION_POLL.INSTANCE_ID.eq(instanceId).and(RELATION_POLL.AT_MS.ge(from.toEpochMilli()))
                .and(RELATION_POLL.AT_MS.lt(to.toEpochMilli()));
    }

    @Override
    public void forget(long instanceId) {
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(RELATION_POLL).where(RELATION_POLL.INSTANCE_ID.eq(instanceId)).execute();
            tx.dsl().deleteFrom(RELATION_NAME).where(RELATION_NAME.INSTANCE_ID.eq(instanceId)).execute();
        });
    }

    /**
     * Thins the snapshots that aged past a resolution (called inside the series maintenance's unit): past
     * {@code retention.raw()} one snapshot a day is kept, past {@code retention.hourly()} none. The kept one is the
     * last of its day, unchanged: its counters are running totals, so rates between kept snapshots stay right, and
     * sizes are levels. No hourly stage: a busy instance's snapshot is ~50 kB, and daily sizes are what a growth
     * forecast reads beyond a week (decision 0128). Returns rows deleted.
     */
    static int thin(DSLContext db, SeriesRetention retention, Instant now) {
        int deleted = thin(db, RAW, DAILY, floor(now.minus(retention.raw()), DAILY));
        deleted += db.deleteFrom(RELATION_POLL).where(RELATION_POLL.RESOLUTION.eq(DAILY)
                .and(RELATION_POLL.AT_MS.lt(now.minus(retention.hourly()).toEpochMilli()))).execute();
        return deleted;
    }

    /** Keeps the last row of each instance's bucket of {@code to} seconds among the rows older than {@code cut}. */
    private static int thin(DSLContext db, int from, int to, long cut) {
        long step = to * 1000L;
        List<long[]> doomed = new ArrayList<>();
        long[] previous = null;
        try (var rows = db.select(RELATION_POLL.INSTANCE_ID, RELATION_POLL.AT_MS).from(RELATION_POLL)
                .where(RELATION_POLL.RESOLUTION.eq(from).and(RELATION_POLL.AT_MS.lt(cut)))
                .orderBy(RELATION_POLL.INSTANCE_ID, RELATION_POLL.AT_MS).fetchSize(1000).fetchLazy()) {
            for (var r : rows) {
                long[] row = {r.value1(), r.value2()};
                if (previous != null && previous[0] == row[0] && Math.floorDiv(previous[1], step) == Math.floorDiv(row[1], step)) {
                    doomed.add(previous);
                }
                previous = row;
            }
        }
        for (int i = 0; i < doomed.size(); i += 500) {
            var batch = db.batch(db.deleteFrom(RELATION_POLL).where(RELATION_POLL.INSTANCE_ID.eq((Long) null)
                    .and(RELATION_POLL.AT_MS.eq((Long) null)).and(RELATION_POLL.RESOLUTION.eq(from))));
            for (long[] row : doomed.subList(i, Math.min(doomed.size(), i + 500))) {
                batch.bind(row[0], row[1], from);
            }
            batch.execute();
        }
        db.update(RELATION_POLL).set(RELATION_POLL.RESOLUTION, to)
                .where(RELATION_POLL.RESOLUTION.eq(from).and(RELATION_POLL.AT_MS.lt(cut))).execute();
        return doomed.size();
    }

    private static long floor(Instant at, int seconds) {
        long step = seconds * 1000L;
        return Math.floorDiv(at.toEpochMilli(), step) * step;
    }

    private static String key(String kind, String db, String schema, String table, String index) {
        return kind + '\u0000' + db + '\u0000' + schema + '\u0000' + table + '\u0000' + index;
    }

    private static Map<String, Long> nameIds(DSLContext db, long instanceId) {
        Map<String, Long> ids = new HashMap<>();
        for (Record r : db.select(RELATION_NAME.ID, RELATION_NAME.KIND, RELATION_NAME.DB_NAME, RELATION_NAME.SCHEMA_NAME,
                RELATION_NAME.TABLE_NAME, RELATION_NAME.INDEX_NAME).from(RELATION_NAME).where(RELATION_NAME.INSTANCE_ID.eq(instanceId))) {
            ids.put(key(r.get(RELATION_NAME.KIND), r.get(RELATION_NAME.DB_NAME), r.get(RELATION_NAME.SCHEMA_NAME),
                    r.get(RELATION_NAME.TABLE_NAME), r.get(RELATION_NAME.INDEX_NAME)), r.get(RELATION_NAME.ID));
        }
        return ids;
    }

    private static long id(DSLContext db, Map<String, Long> ids, long instanceId, String kind, String database, String schema,
                           String table, String index) {
        String d = fit(database);
        String s = fit(schema);
        String t = fit(table);
        String i = fit(index);
        return ids.computeIfAbsent(key(kind, d, s, t, i), k -> db.insertInto(RELATION_NAME)
                .set(RELATION_NAME.INSTANCE_ID, instanceId).set(RELATION_NAME.KIND, kind).set(RELATION_NAME.DB_NAME, d)
                .set(RELATION_NAME.SCHEMA_NAME, s).set(RELATION_NAME.TABLE_NAME, t).set(RELATION_NAME.INDEX_NAME, i)
                .returningResult(RELATION_NAME.ID).fetchOne().value1());
    }

    /** Identifiers are at most 64 characters on every engine Knobwright reads; longer ones are cut, not refused. */
    private static String fit(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static RelationCodec.Names names(DSLContext db, long instanceId) {
        Map<Long, String> databases = new HashMap<>();
        Map<Long, TableRef> tables = new HashMap<>();
        Map<Long, IndexRef> indexes = new HashMap<>();
        for (Record r : db.select(RELATION_NAME.ID, RELATION_NAME.KIND, RELATION_NAME.DB_NAME, RELATION_NAME.SCHEMA_NAME,
                RELATION_NAME.TABLE_NAME, RELATION_NAME.INDEX_NAME).from(RELATION_NAME).where(RELATION_NAME.INSTANCE_ID.eq(instanceId))) {
            long id = r.get(RELATION_NAME.ID);
            switch (r.get(RELATION_NAME.KIND)) {
                case "D" -> databases.put(id, r.get(RELATION_NAME.DB_NAME));
                case "T" -> tables.put(id, new TableRef(r.get(RELATION_NAME.DB_NAME), r.get(RELATION_NAME.SCHEMA_NAME),
                        r.get(RELATION_NAME.TABLE_NAME)));
                case "I" -> indexes.put(id, new IndexRef(new TableRef(r.get(RELATION_NAME.DB_NAME), r.get(RELATION_NAME.SCHEMA_NAME),
                        r.get(RELATION_NAME.TABLE_NAME)), r.get(RELATION_NAME.INDEX_NAME)));
                default -> {
                    // a kind a newer Knobwright wrote
                }
            }
        }
        return new RelationCodec.Names(databases, tables, indexes);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
