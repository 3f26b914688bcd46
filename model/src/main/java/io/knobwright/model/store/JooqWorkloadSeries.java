package io.knobwright.model.store;

import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.SeriesMaintenance;
import io.knobwright.model.workload.SeriesRetention;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.StatementCounters;
import io.knobwright.model.workload.WorkloadSeriesRepository;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.knobwright.model.store.jooq.Tables.METRIC_BASELINE;
import static io.knobwright.model.store.jooq.Tables.METRIC_CODE;
import static io.knobwright.model.store.jooq.Tables.METRIC_POLL;
import static io.knobwright.model.store.jooq.Tables.STATEMENT_DIGEST;
import static io.knobwright.model.store.jooq.Tables.STATEMENT_POLL;

/** The workload series in H2, packed one row per instance and poll (decision 0123). */
final class JooqWorkloadSeries implements WorkloadSeriesRepository {

    static final int RAW = 0;
    static final int FIVE_MINUTES = (int) SeriesRetention.FIVE_MINUTES.toSeconds();
    static final int HOURLY = (int) SeriesRetention.HOUR.toSeconds();
    private static final int MAX_QUERY = 4000;
    private static final int MAX_DIGEST = 100;

    private final DSLContext dsl;
    /**
     * Metric codes as last read from committed rows: codes never change once given, so a poll need not read them again.
     * Codes given in a unit that might still roll back are not cached until read back by a later call.
     */
    private volatile Map<Metric, Short> knownCodes = Map.of();

    JooqWorkloadSeries(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<MetricPoint> points(long instanceId, Metric metric, Instant from, Instant to) {
        Optional<Short> code = codes(dsl).entrySet().stream().filter(e -> e.getValue() == metric).map(Map.Entry::getKey).findFirst();
        if (code.isEmpty()) {
            return List.of();
        }
        List<MetricPoint> points = new ArrayList<>();
        dsl.select(METRIC_POLL.AT_MS, METRIC_POLL.VALS).from(METRIC_POLL)
                .where(METRIC_POLL.INSTANCE_ID.eq(instanceId).and(METRIC_POLL.AT_MS.ge(from.toEpochMilli()))
                        .and(METRIC_POLL.AT_MS.lt(to.toEpochMilli())))
                .orderBy(METRIC_POLL.AT_MS).forEach(r -> {
                    double v = SeriesCodec.metric(r.value2(), code.get());
                    if (!Double.isNaN(v)) {
                        points.add(new MetricPoint(Instant.ofEpochMilli(r.value1()), v));
                    }
                });
        return points;
    }

    /**
     * One scan of the instance's rows, each decoded once for all the metrics asked about (decision 0156). Plain JDBC
     * for the scan: jOOQ reads a byte[] column of H2 through java.sql.Blob, whose length() copies the value before
     * getBytes() copies it again, and a month of minutes is tens of thousands of rows per instance.
     */
    @Override
    public Map<Metric, List<MetricPoint>> points(long instanceId, Set<Metric> metrics, Instant from, Instant to) {
        Map<Metric, List<MetricPoint>> out = new EnumMap<>(Metric.class);
        metrics.forEach(m -> out.put(m, new ArrayList<>()));
        Map<Short, List<MetricPoint>> byCode = new HashMap<>();
        codes(dsl).forEach((code, metric) -> {
            if (metrics.contains(metric)) {
                byCode.put(code, out.get(metric));
            }
        });
        if (byCode.isEmpty()) {
            return out;
        }
        dsl.connection(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement("SELECT at_ms, vals FROM metric_poll"
                    + " WHERE instance_id = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms")) {
                select.setLong(1, instanceId);
                select.setLong(2, from.toEpochMilli());
                select.setLong(3, to.toEpochMilli());
                select.setFetchSize(2_000);
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant at = Instant.ofEpochMilli(rows.getLong(1));
                        SeriesCodec.metrics(rows.getBytes(2), (code, value) -> {
                            List<MetricPoint> series = byCode.get(code);
                            if (series != null && !Double.isNaN(value)) {
                                series.add(new MetricPoint(at, value));
                            }
                        });
                    }
                }
            }
        });
        return out;
    }

    @Override
    public Optional<CounterPoll> baseline(long instanceId) {
        var row = dsl.selectFrom(METRIC_BASELINE).where(METRIC_BASELINE.INSTANCE_ID.eq(instanceId)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Map<Short, Metric> codes = codes(dsl);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        SeriesCodec.metrics(row.getVals(), (code, value) -> {
            Metric m = codes.get(code);
            if (m != null) {
                values.put(m, value);
            }
        });
        ServerEpoch epoch = new ServerEpoch(instant(row.getServerStartedMs()), instant(row.getStatsResetMs()));
        return Optional.of(new CounterPoll(Instant.ofEpochMilli(row.getAtMs()), epoch, values,
                SeriesCodec.baselineStatements(row.getStatements())));
    }

    @Override
    public void record(long instanceId, CounterPoll raw, PolledPoints points) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            Map<Metric, Short> known = knownCodes;
            Map<Metric, Short> codes = known.keySet().containsAll(raw.values().keySet())
                    && known.keySet().containsAll(points.points().keySet()) ? known
                    : ensureCodes(db, raw.values().keySet(), points.points().keySet());
            byte[] rawVals = SeriesCodec.metrics(packable(raw.values(), codes));
            long at = points.at().toEpochMilli();
            db.mergeInto(METRIC_BASELINE).using(db.selectOne())
                    .on(METRIC_BASELINE.INSTANCE_ID.eq(instanceId))
                    .whenMatchedThenUpdate().set(METRIC_BASELINE.AT_MS, raw.at().toEpochMilli())
                    .set(METRIC_BASELINE.SERVER_STARTED_MS, millis(raw.epoch().started()))
                    .set(METRIC_BASELINE.STATS_RESET_MS, millis(raw.epoch().statsReset()))
                    .set(METRIC_BASELINE.VALS, rawVals)
                    .set(METRIC_BASELINE.STATEMENTS, SeriesCodec.baselineStatements(raw.statements()))
                    .whenNotMatchedThenInsert(METRIC_BASELINE.INSTANCE_ID, METRIC_BASELINE.AT_MS, METRIC_BASELINE.SERVER_STARTED_MS,
                            METRIC_BASELINE.STATS_RESET_MS, METRIC_BASELINE.VALS, METRIC_BASELINE.STATEMENTS)
                    .values(instanceId, raw.at().toEpochMilli(), millis(raw.epoch().started()), millis(raw.epoch().statsReset()),
                            rawVals, SeriesCodec.baselineStatements(raw.statements()))
                    .execute();
            if (!points.points().isEmpty()) {
                byte[] vals = SeriesCodec.metrics(packable(points.points(), codes));
                db.mergeInto(METRIC_POLL).using(db.selectOne())
                        .on(METRIC_POLL.INSTANCE_ID.eq(instanceId).and(METRIC_POLL.AT_MS.eq(at)).and(METRIC_POLL.RESOLUTION.eq(RAW)))
                        .whenMatchedThenUpdate().set(METRIC_POLL.VALS, vals)
                        .whenNotMatchedThenInsert(METRIC_POLL.INSTANCE_ID, METRIC_POLL.AT_MS, METRIC_POLL.RESOLUTION, METRIC_POLL.VALS)
                        .values(instanceId, at, RAW, vals).execute();
            }
            if (!points.statementDeltas().isEmpty()) {
                Map<String, Long> ids = digestIds(db, instanceId, points.statementDeltas(), at);
                List<SeriesCodec.Row> rows = new ArrayList<>(points.statementDeltas().size());
                for (StatementCounters s : points.statementDeltas()) {
                    rows.add(new SeriesCodec.Row(ids.get(key(s.digest())), s.calls(), s.totalMs(), s.rows()));
                }
                byte[] vals = SeriesCodec.statementRows(rows);
                db.mergeInto(STATEMENT_POLL).using(db.selectOne())
                        .on(STATEMENT_POLL.INSTANCE_ID.eq(instanceId).and(STATEMENT_POLL.AT_MS.eq(at)).and(STATEMENT_POLL.RESOLUTION.eq(RAW)))
                        .whenMatchedThenUpdate().set(STATEMENT_POLL.VALS, vals)
                        .whenNotMatchedThenInsert(STATEMENT_POLL.INSTANCE_ID, STATEMENT_POLL.AT_MS, STATEMENT_POLL.RESOLUTION, STATEMENT_POLL.VALS)
                        .values(instanceId, at, RAW, vals).execute();
            }
        });
    }

    @Override
    public int importPoints(long instanceId, Metric metric, List<MetricPoint> points) {
        List<MetricPoint> finite = points.stream().filter(p -> Double.isFinite(p.value())).toList();
        if (finite.isEmpty()) {
            return 0;
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<Metric, Short> known = knownCodes;
            short code = (known.containsKey(metric) ? known : ensureCodes(db, Set.of(metric), Set.of())).get(metric);
            long first = finite.stream().mapToLong(p -> p.at().toEpochMilli()).min().orElseThrow();
            long last = finite.stream().mapToLong(p -> p.at().toEpochMilli()).max().orElseThrow();
            Map<Long, byte[]> existing = new HashMap<>();
            db.select(METRIC_POLL.AT_MS, METRIC_POLL.VALS).from(METRIC_POLL)
                    .where(METRIC_POLL.INSTANCE_ID.eq(instanceId).and(METRIC_POLL.RESOLUTION.eq(RAW))
                            .and(METRIC_POLL.AT_MS.between(first, last)))
                    .forEach(r -> existing.put(r.value1(), r.value2()));
            for (MetricPoint p : finite) {
                long at = p.at().toEpochMilli();
                Map<Short, Double> values = new LinkedHashMap<>();
                byte[] before = existing.get(at);
                if (before != null) {
                    SeriesCodec.metrics(before, values::put);
                }
                values.put(code, p.value());
                byte[] vals = SeriesCodec.metrics(values);
                db.mergeInto(METRIC_POLL).using(db.selectOne())
                        .on(METRIC_POLL.INSTANCE_ID.eq(instanceId).and(METRIC_POLL.AT_MS.eq(at)).and(METRIC_POLL.RESOLUTION.eq(RAW)))
                        .whenMatchedThenUpdate().set(METRIC_POLL.VALS, vals)
                        .whenNotMatchedThenInsert(METRIC_POLL.INSTANCE_ID, METRIC_POLL.AT_MS, METRIC_POLL.RESOLUTION, METRIC_POLL.VALS)
                        .values(instanceId, at, RAW, vals).execute();
            }
            return finite.size();
        });
    }

    @Override
    public int appendPolls(long instanceId, List<PolledPoints> polls) {
        if (polls.isEmpty()) {
            return 0;
        }
        Set<Metric> metrics = new HashSet<>();
        polls.forEach(p -> metrics.addAll(p.points().keySet()));
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<Metric, Short> known = knownCodes;
            Map<Metric, Short> codes = known.keySet().containsAll(metrics) ? known : ensureCodes(db, metrics, Set.of());
            // one prepared insert, bound once per poll, in plain JDBC: jOOQ binds a byte[] for H2 as a Blob, which H2
            // first writes to its LOB map (the profile of `bench analysis` showed it as the cost of the insert)
            int[] stored = {0};
            db.connection(connection -> {
                try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO metric_poll"
                        + " (instance_id, at_ms, resolution, vals) VALUES (?, ?, ?, ?)")) {
                    for (PolledPoints p : polls) {
                        if (!p.points().isEmpty()) {
                            insert.setLong(1, instanceId);
                            insert.setLong(2, p.at().toEpochMilli());
                            insert.setInt(3, RAW);
                            insert.setBytes(4, SeriesCodec.metrics(packable(p.points(), codes)));
                            insert.addBatch();
                            stored[0]++;
                        }
                    }
                    if (stored[0] > 0) {
                        insert.executeBatch();
                    }
                }
            });
            return stored[0];
        });
    }

    @Override
    public List<StatementCounters> statements(long instanceId, Instant from, Instant to) {
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, Double> times = new HashMap<>();
        dsl.select(STATEMENT_POLL.VALS).from(STATEMENT_POLL)
                .where(STATEMENT_POLL.INSTANCE_ID.eq(instanceId).and(STATEMENT_POLL.AT_MS.ge(from.toEpochMilli()))
                        .and(STATEMENT_POLL.AT_MS.lt(to.toEpochMilli())))
                .forEach(r -> {
                    for (SeriesCodec.Row row : SeriesCodec.statementRows(r.value1())) {
                        long[] c = counts.computeIfAbsent(row.digestId(), k -> new long[2]);
                        c[0] += row.calls();
                        c[1] += row.rows();
                        times.merge(row.digestId(), row.totalMs(), Double::sum);
                    }
                });
        if (counts.isEmpty()) {
            return List.of();
        }
        List<StatementCounters> out = new ArrayList<>(counts.size());
        dsl.select(STATEMENT_DIGEST.ID, STATEMENT_DIGEST.DIGEST, STATEMENT_DIGEST.QUERY_TEXT).from(STATEMENT_DIGEST)
                .where(STATEMENT_DIGEST.INSTANCE_ID.eq(instanceId)).forEach(r -> {
                    long[] c = counts.get(r.value1());
                    if (c != null) {
                        out.add(new StatementCounters(r.value2(), r.value3(), c[0], times.get(r.value1()), c[1]));
                    }
                });
        out.sort(Comparator.comparingDouble(StatementCounters::totalMs).reversed().thenComparing(StatementCounters::digest));
        return out;
    }

    @Override
    public SeriesMaintenance maintain(SeriesRetention retention, Instant now) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            long rawCut = floor(now.minus(retention.raw()).toEpochMilli(), FIVE_MINUTES);
            long fiveCut = floor(now.minus(retention.fiveMinute()).toEpochMilli(), HOURLY);
            long hourCut = floor(now.minus(retention.hourly()).toEpochMilli(), HOURLY);
            int[] raw = average(db, RAW, FIVE_MINUTES, rawCut);
            int[] five = average(db, FIVE_MINUTES, HOURLY, fiveCut);
            int hourlyDropped = db.deleteFrom(METRIC_POLL).where(METRIC_POLL.RESOLUTION.eq(HOURLY)
                    .and(METRIC_POLL.AT_MS.lt(hourCut))).execute();
            int[] statements = sumStatements(db, floor(rawCut, HOURLY));
            // connection use (decision 0131) ages with the series, in the same unit
            JooqConnectionUse.maintain(db, rawCut, fiveCut, hourCut);
            int statementHoursDropped = db.deleteFrom(STATEMENT_POLL).where(STATEMENT_POLL.RESOLUTION.eq(HOURLY)
                    .and(STATEMENT_POLL.AT_MS.lt(fiveCut))).execute();
            int relationsThinned = JooqRelationSeries.thin(db, retention, now);
            return new SeriesMaintenance(raw[0], raw[1], five[0], five[1], hourlyDropped, statements[0], statements[1],
                    statementHoursDropped, relationsThinned);
        });
    }

    @Override
    public void forget(long instanceId) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(METRIC_POLL).where(METRIC_POLL.INSTANCE_ID.eq(instanceId)).execute();
            db.deleteFrom(METRIC_BASELINE).where(METRIC_BASELINE.INSTANCE_ID.eq(instanceId)).execute();
            db.deleteFrom(STATEMENT_POLL).where(STATEMENT_POLL.INSTANCE_ID.eq(instanceId)).execute();
            db.deleteFrom(STATEMENT_DIGEST).where(STATEMENT_DIGEST.INSTANCE_ID.eq(instanceId)).execute();
            new JooqRelationSeries(db).forget(instanceId);
            JooqConnectionUse.forget(db, instanceId);
            new JooqConnectionEvents(db).forget(instanceId);
        });
    }

    /**
     * Averages the rows of {@code from} resolution older than {@code cut} into rows of {@code to} resolution, metric by
     * metric over the rows that hold it, and deletes them. Streams in time order holding one bucket of every instance.
     */
    private static int[] average(DSLContext db, int from, int to, long cut) {
        int read = 0;
        int written = 0;
        Map<Long, Map<Short, double[]>> bucket = new LinkedHashMap<>();
        long current = Long.MIN_VALUE;
        try (Cursor<Record3<Long, Long, byte[]>> rows = db.select(METRIC_POLL.INSTANCE_ID, METRIC_POLL.AT_MS, METRIC_POLL.VALS)
                .from(METRIC_POLL).where(METRIC_POLL.RESOLUTION.eq(from).and(METRIC_POLL.AT_MS.lt(cut)))
                .orderBy(METRIC_POLL.AT_MS).fetchSize(1000).fetchLazy()) {
            for (Record3<Long, Long, byte[]> r : rows) {
                long b = floor(r.value2(), to);
                if (b != current) {
                    written += writeAverages(db, bucket, current, to);
                    bucket.clear();
                    current = b;
                }
                Map<Short, double[]> sums = bucket.computeIfAbsent(r.value1(), k -> new HashMap<>());
                SeriesCodec.metrics(r.value3(), (code, value) -> {
                    double[] s = sums.computeIfAbsent(code, k -> new double[2]);
                    s[0] += value;
                    s[1]++;
                });
                read++;
            }
        }
        written += writeAverages(db, bucket, current, to);
        db.deleteFrom(METRIC_POLL).where(METRIC_POLL.RESOLUTION.eq(from).and(METRIC_POLL.AT_MS.lt(cut))).execute();
        return new int[] {read, written};
    }

    private static int writeAverages(DSLContext db, Map<Long, Map<Short, double[]>> bucket, long at, int resolution) {
        int written = 0;
        for (var e : bucket.entrySet()) {
            Map<Short, Double> averages = new LinkedHashMap<>();
            e.getValue().forEach((code, s) -> averages.put(code, s[0] / s[1]));
            byte[] vals = SeriesCodec.metrics(averages);
            db.mergeInto(METRIC_POLL).using(db.selectOne())
                    .on(METRIC_POLL.INSTANCE_ID.eq(e.getKey()).and(METRIC_POLL.AT_MS.eq(at)).and(METRIC_POLL.RESOLUTION.eq(resolution)))
                    .whenMatchedThenUpdate().set(METRIC_POLL.VALS, vals)
                    .whenNotMatchedThenInsert(METRIC_POLL.INSTANCE_ID, METRIC_POLL.AT_MS, METRIC_POLL.RESOLUTION, METRIC_POLL.VALS)
                    .values(e.getKey(), at, resolution, vals).execute();
            written++;
        }
        return written;
    }

    /** Sums the per-poll statement rows older than {@code cut} into hourly rows, and deletes them. */
    private static int[] sumStatements(DSLContext db, long cut) {
        int read = 0;
        int written = 0;
        Map<Long, Map<Long, SeriesCodec.Row>> hour = new LinkedHashMap<>();
        long current = Long.MIN_VALUE;
        try (Cursor<Record3<Long, Long, byte[]>> rows = db.select(STATEMENT_POLL.INSTANCE_ID, STATEMENT_POLL.AT_MS, STATEMENT_POLL.VALS)
                .from(STATEMENT_POLL).where(STATEMENT_POLL.RESOLUTION.eq(RAW).and(STATEMENT_POLL.AT_MS.lt(cut)))
                .orderBy(STATEMENT_POLL.AT_MS).fetchSize(500).fetchLazy()) {
            for (Record3<Long, Long, byte[]> r : rows) {
                long b = floor(r.value2(), HOURLY);
                if (b != current) {
                    written += writeSums(db, hour, current);
                    hour.clear();
                    current = b;
                }
                Map<Long, SeriesCodec.Row> sums = hour.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>());
                for (SeriesCodec.Row row : SeriesCodec.statementRows(r.value3())) {
                    sums.merge(row.digestId(), row, (a, b2) -> new SeriesCodec.Row(a.digestId(), a.calls() + b2.calls(),
                            a.totalMs() + b2.totalMs(), a.rows() + b2.rows()));
                }
                read++;
            }
        }
        written += writeSums(db, hour, current);
        db.deleteFrom(STATEMENT_POLL).where(STATEMENT_POLL.RESOLUTION.eq(RAW).and(STATEMENT_POLL.AT_MS.lt(cut))).execute();
        return new int[] {read, written};
    }

    private static int writeSums(DSLContext db, Map<Long, Map<Long, SeriesCodec.Row>> hour, long at) {
        for (var e : hour.entrySet()) {
            byte[] vals = SeriesCodec.statementRows(new ArrayList<>(e.getValue().values()));
            db.mergeInto(STATEMENT_POLL).using(db.selectOne())
                    .on(STATEMENT_POLL.INSTANCE_ID.eq(e.getKey()).and(STATEMENT_POLL.AT_MS.eq(at)).and(STATEMENT_POLL.RESOLUTION.eq(HOURLY)))
                    .whenMatchedThenUpdate().set(STATEMENT_POLL.VALS, vals)
                    .whenNotMatchedThenInsert(STATEMENT_POLL.INSTANCE_ID, STATEMENT_POLL.AT_MS, STATEMENT_POLL.RESOLUTION, STATEMENT_POLL.VALS)
                    .values(e.getKey(), at, HOURLY, vals).execute();
        }
        return hour.size();
    }

    /** The stored ids of the digests, adding those seen for the first time with their text. */
    private static Map<String, Long> digestIds(DSLContext db, long instanceId, List<StatementCounters> statements, long at) {
        Set<String> wanted = new HashSet<>();
        statements.forEach(s -> wanted.add(key(s.digest())));
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(wanted))) {
            db.select(STATEMENT_DIGEST.DIGEST, STATEMENT_DIGEST.ID).from(STATEMENT_DIGEST)
                    .where(STATEMENT_DIGEST.INSTANCE_ID.eq(instanceId).and(InLists.in(STATEMENT_DIGEST.DIGEST, chunk)))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        for (StatementCounters s : statements) {
            String digest = key(s.digest());
            if (!ids.containsKey(digest)) {
                String text = s.query().length() <= MAX_QUERY ? s.query() : s.query().substring(0, MAX_QUERY - 3) + "...";
                Long id = db.insertInto(STATEMENT_DIGEST).set(STATEMENT_DIGEST.INSTANCE_ID, instanceId)
                        .set(STATEMENT_DIGEST.DIGEST, digest).set(STATEMENT_DIGEST.QUERY_TEXT, text)
                        .set(STATEMENT_DIGEST.FIRST_SEEN_MS, at).returningResult(STATEMENT_DIGEST.ID).fetchOne().value1();
                ids.put(digest, id);
            }
        }
        return ids;
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += InLists.CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + InLists.CHUNK)));
        }
        return out;
    }

    private static String key(String digest) {
        return digest.length() <= MAX_DIGEST ? digest : digest.substring(0, MAX_DIGEST);
    }

    /** Metric codes as stored; the vocabulary can grow, so codes are given on first use and never change. */
    private static Map<Short, Metric> codes(DSLContext db) {
        Map<Short, Metric> codes = new HashMap<>();
        db.select(METRIC_CODE.CODE, METRIC_CODE.NAME).from(METRIC_CODE).forEach(r -> {
            try {
                codes.put(r.value1(), Metric.valueOf(r.value2()));
            } catch (IllegalArgumentException gone) {
                // a metric a newer Knobwright knows; its values stay stored and unread here
            }
        });
        return codes;
    }

    /**
     * The codes of the metrics a poll holds, giving codes to those seen for the first time. Two first polls at once
     * may give the same code: the loser's insert fails inside its savepoint and it reads the winner's codes.
     */
    private Map<Metric, Short> ensureCodes(DSLContext db, Set<Metric> a, Set<Metric> b) {
        Set<Metric> wanted = new HashSet<>(a);
        wanted.addAll(b);
        for (int attempt = 0; ; attempt++) {
            Map<Metric, Short> codes = new EnumMap<>(Metric.class);
            short next = 1;
            for (var r : db.select(METRIC_CODE.CODE, METRIC_CODE.NAME).from(METRIC_CODE).fetch()) {
                next = (short) Math.max(next, r.value1() + 1);
                try {
                    codes.put(Metric.valueOf(r.value2()), r.value1());
                } catch (IllegalArgumentException gone) {
                    // kept for the newer Knobwright that wrote it
                }
            }
            if (codes.keySet().containsAll(wanted)) {
                if (attempt == 0) {
                    knownCodes = Map.copyOf(codes);
                }
                return codes;
            }
            short first = next;
            try {
                db.transaction(tx -> {
                    short code = first;
                    for (Metric m : Metric.values()) {
                        if (!codes.containsKey(m)) {
                            tx.dsl().insertInto(METRIC_CODE).set(METRIC_CODE.CODE, code).set(METRIC_CODE.NAME, m.name()).execute();
                            code++;
                        }
                    }
                });
            } catch (org.jooq.exception.DataAccessException taken) {
                if (attempt >= 3) {
                    throw taken;
                }
            }
        }
    }

    private static Map<Short, Double> packable(Map<Metric, Double> values, Map<Metric, Short> codes) {
        Map<Short, Double> out = new LinkedHashMap<>();
        values.forEach((m, v) -> out.put(codes.get(m), v));
        return out;
    }

    private static long floor(long ms, int seconds) {
        long step = seconds * 1000L;
        return Math.floorDiv(ms, step) * step;
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
