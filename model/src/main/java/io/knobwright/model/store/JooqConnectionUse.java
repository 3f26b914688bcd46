package io.knobwright.model.store;

import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionKey;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.ConnectionUseRepository;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import io.knobwright.model.store.jooq.tables.records.ConnectionUseRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.knobwright.model.store.jooq.Tables.CONNECTION_KEY;
import static io.knobwright.model.store.jooq.Tables.CONNECTION_USE;

/** Connection use in H2, one packed row per instance and poll (decision 0131). */
final class JooqConnectionUse implements ConnectionUseRepository {

    private static final int MAX_TEXT = 256;

    private final DSLContext dsl;

    JooqConnectionUse(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(long instanceId, ConnectionSnapshot snapshot) {
        Map<ConnectionKey, Double> sessions = new LinkedHashMap<>();
        for (ConnectionGroup g : snapshot.groups()) {
            sessions.merge(new ConnectionKey(clip(g.application()), clip(g.user()), clip(g.client())), (double) g.count(), Double::sum);
        }
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            Map<Long, Double> byId = new LinkedHashMap<>();
            Map<ConnectionKey, Long> ids = keyIds(db, instanceId);
            for (var e : sessions.entrySet()) {
                Long id = ids.get(e.getKey());
                if (id == null) {
                    id = db.insertInto(CONNECTION_KEY).set(CONNECTION_KEY.INSTANCE_ID, instanceId)
                            .set(CONNECTION_KEY.APPLICATION, e.getKey().application()).set(CONNECTION_KEY.USER_NAME, e.getKey().user())
                            .set(CONNECTION_KEY.CLIENT, e.getKey().client()).returningResult(CONNECTION_KEY.ID).fetchOne().value1();
                }
                byId.put(id, e.getValue());
            }
            write(db, instanceId, snapshot.at().toEpochMilli(), JooqWorkloadSeries.RAW, snapshot.limits().maxConnections(),
                    snapshot.limits().usable(), snapshot.active(), byId);
        });
    }

    @Override
    public List<ConnectionUse> use(long instanceId, Instant from, Instant to) {
        Map<Long, ConnectionKey> keys = new HashMap<>();
        keyIds(dsl, instanceId).forEach((k, id) -> keys.put(id, k));
        List<ConnectionUse> out = new ArrayList<>();
        dsl.selectFrom(CONNECTION_USE).where(CONNECTION_USE.INSTANCE_ID.eq(instanceId)
                        .and(CONNECTION_USE.AT_MS.ge(from.toEpochMilli())).and(CONNECTION_USE.AT_MS.lt(to.toEpochMilli())))
                .orderBy(CONNECTION_USE.AT_MS, CONNECTION_USE.RESOLUTION).forEach(r -> {
                    Map<ConnectionKey, Double> sessions = new HashMap<>();
                    unpack(r.getVals()).forEach((id, n) -> {
                        ConnectionKey k = keys.get(id);
                        if (k != null) {
                            sessions.merge(k, n, Double::sum);
                        }
                    });
                    out.add(new ConnectionUse(Instant.ofEpochMilli(r.getAtMs()), r.getMaxConnections(), r.getUsable(),
                            r.getActive(), sessions));
                });
        return out;
    }

    @Override
    public Map<Long, ConnectionUse> newest(Instant since) {
        // The newest row per instance (at whatever resolution), then the keys of the instances that have one.
        var newest = dsl.select(CONNECTION_USE.INSTANCE_ID, DSL.max(CONNECTION_USE.AT_MS).as("newest_ms")).from(CONNECTION_USE)
                .where(CONNECTION_USE.AT_MS.ge(since.toEpochMilli())).groupBy(CONNECTION_USE.INSTANCE_ID).asTable("newest");
        Field<Long> newestInstance = newest.field(CONNECTION_USE.INSTANCE_ID);
        Field<Long> newestAt = newest.field("newest_ms", Long.class);
        List<ConnectionUseRecord> rows = dsl.select(CONNECTION_USE.fields()).from(CONNECTION_USE).join(newest)
                .on(CONNECTION_USE.INSTANCE_ID.eq(newestInstance).and(CONNECTION_USE.AT_MS.eq(newestAt)))
                .orderBy(CONNECTION_USE.INSTANCE_ID, CONNECTION_USE.RESOLUTION).fetchInto(CONNECTION_USE);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, ConnectionKey> keys = new HashMap<>();
        dsl.select(CONNECTION_KEY.ID, CONNECTION_KEY.APPLICATION, CONNECTION_KEY.USER_NAME, CONNECTION_KEY.CLIENT).from(CONNECTION_KEY)
                .where(CONNECTION_KEY.INSTANCE_ID.in(rows.stream().map(ConnectionUseRecord::getInstanceId).distinct().toList()))
                .forEach(r -> keys.put(r.value1(), new ConnectionKey(r.value2(), r.value3(), r.value4())));
        Map<Long, ConnectionUse> out = new LinkedHashMap<>();
        for (ConnectionUseRecord r : rows) {
            // A raw poll and an average can share an instant; the first (finest) one wins.
            out.computeIfAbsent(r.getInstanceId(), id -> {
                Map<ConnectionKey, Double> sessions = new HashMap<>();
                unpack(r.getVals()).forEach((keyId, n) -> {
                    ConnectionKey k = keys.get(keyId);
                    if (k != null) {
                        sessions.merge(k, n, Double::sum);
                    }
                });
                return new ConnectionUse(Instant.ofEpochMilli(r.getAtMs()), r.getMaxConnections(), r.getUsable(), r.getActive(),
                        sessions);
            });
        }
        return out;
    }

    @Override
    public void forget(long instanceId) {
        dsl.transaction(tx -> forget(tx.dsl(), instanceId));
    }

    static void forget(DSLContext db, long instanceId) {
        db.deleteFrom(CONNECTION_USE).where(CONNECTION_USE.INSTANCE_ID.eq(instanceId)).execute();
        db.deleteFrom(CONNECTION_KEY).where(CONNECTION_KEY.INSTANCE_ID.eq(instanceId)).execute();
    }

    /**
     * Inside the workload series' maintenance unit: averages raw rows older than {@code rawCut} into five-minute rows
     * and five-minute rows older than {@code fiveCut} into hourly ones (a key missing from a poll counts 0 sessions in
     * it), and drops hourly rows older than {@code hourCut}. Returns rows read and rows written.
     */
    static int[] maintain(DSLContext db, long rawCut, long fiveCut, long hourCut) {
        int[] raw = average(db, JooqWorkloadSeries.RAW, JooqWorkloadSeries.FIVE_MINUTES, rawCut);
        int[] five = average(db, JooqWorkloadSeries.FIVE_MINUTES, JooqWorkloadSeries.HOURLY, fiveCut);
        db.deleteFrom(CONNECTION_USE).where(CONNECTION_USE.RESOLUTION.eq(JooqWorkloadSeries.HOURLY)
                .and(CONNECTION_USE.AT_MS.lt(hourCut))).execute();
        return new int[] {raw[0] + five[0], raw[1] + five[1]};
    }

    /** One bucket of one instance being averaged. */
    private static final class Bucket {
        int rows;
        double max;
        double usable;
        double active;
        final Map<Long, Double> sessions = new HashMap<>();
    }

    private static int[] average(DSLContext db, int from, int to, long cut) {
        int read = 0;
        int written = 0;
        Map<Long, Bucket> buckets = new LinkedHashMap<>();
        long current = Long.MIN_VALUE;
        try (Cursor<? extends Record> rows = db.select(CONNECTION_USE.INSTANCE_ID, CONNECTION_USE.AT_MS, CONNECTION_USE.MAX_CONNECTIONS,
                        CONNECTION_USE.USABLE, CONNECTION_USE.ACTIVE, CONNECTION_USE.VALS).from(CONNECTION_USE)
                .where(CONNECTION_USE.RESOLUTION.eq(from).and(CONNECTION_USE.AT_MS.lt(cut)))
                .orderBy(CONNECTION_USE.AT_MS).fetchSize(1000).fetchLazy()) {
            for (Record r : rows) {
                long b = floor(r.get(CONNECTION_USE.AT_MS), to);
                if (b != current) {
                    written += flush(db, buckets, current, to);
                    buckets.clear();
                    current = b;
                }
                Bucket bucket = buckets.computeIfAbsent(r.get(CONNECTION_USE.INSTANCE_ID), k -> new Bucket());
                bucket.rows++;
                bucket.max = Math.max(bucket.max, r.get(CONNECTION_USE.MAX_CONNECTIONS));
                bucket.usable = Math.max(bucket.usable, r.get(CONNECTION_USE.USABLE));
                bucket.active += r.get(CONNECTION_USE.ACTIVE);
                unpack(r.get(CONNECTION_USE.VALS)).forEach((id, n) -> bucket.sessions.merge(id, n, Double::sum));
                read++;
            }
        }
        written += flush(db, buckets, current, to);
        db.deleteFrom(CONNECTION_USE).where(CONNECTION_USE.RESOLUTION.eq(from).and(CONNECTION_USE.AT_MS.lt(cut))).execute();
        return new int[] {read, written};
    }

    private static int flush(DSLContext db, Map<Long, Bucket> buckets, long at, int resolution) {
        for (var e : buckets.entrySet()) {
            Bucket b = e.getValue();
            Map<Long, Double> mean = new LinkedHashMap<>();
            b.sessions.forEach((id, sum) -> mean.put(id, sum / b.rows));
            write(db, e.getKey(), at, resolution, b.max, b.usable, b.active / b.rows, mean);
        }
        return buckets.size();
    }

    private static void write(DSLContext db, long instanceId, long at, int resolution, double max, double usable, double active,
                              Map<Long, Double> sessions) {
        byte[] vals = pack(sessions);
        db.mergeInto(CONNECTION_USE).using(db.selectOne())
                .on(CONNECTION_USE.INSTANCE_ID.eq(instanceId).and(CONNECTION_USE.AT_MS.eq(at)).and(CONNECTION_USE.RESOLUTION.eq(resolution)))
                .whenMatchedThenUpdate().set(CONNECTION_USE.MAX_CONNECTIONS, max).set(CONNECTION_USE.USABLE, usable)
                .set(CONNECTION_USE.ACTIVE, active).set(CONNECTION_USE.VALS, vals)
                .whenNotMatchedThenInsert(CONNECTION_USE.INSTANCE_ID, CONNECTION_USE.AT_MS, CONNECTION_USE.RESOLUTION,
                        CONNECTION_USE.MAX_CONNECTIONS, CONNECTION_USE.USABLE, CONNECTION_USE.ACTIVE, CONNECTION_USE.VALS)
                .values(instanceId, at, resolution, max, usable, active, vals).execute();
    }

    private static Map<ConnectionKey, Long> keyIds(DSLContext db, long instanceId) {
        Map<ConnectionKey, Long> ids = new HashMap<>();
        db.select(CONNECTION_KEY.ID, CONNECTION_KEY.APPLICATION, CONNECTION_KEY.USER_NAME, CONNECTION_KEY.CLIENT).from(CONNECTION_KEY)
                .where(CONNECTION_KEY.INSTANCE_ID.eq(instanceId))
                .forEach(r -> ids.put(new ConnectionKey(r.value2(), r.value3(), r.value4()), r.value1()));
        return ids;
    }

    /** (key id, sessions) pairs, 16 bytes each. */
    static byte[] pack(Map<Long, Double> sessions) {
        ByteBuffer b = ByteBuffer.allocate(sessions.size() * 16);
        sessions.forEach((id, n) -> b.putLong(id).putDouble(n));
        return b.array();
    }

    static Map<Long, Double> unpack(byte[] packed) {
        Map<Long, Double> out = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(packed);
        while (b.remaining() >= 16) {
            out.put(b.getLong(), b.getDouble());
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    private static long floor(long ms, int seconds) {
        long step = seconds * 1000L;
        return Math.floorDiv(ms, step) * step;
    }
}
