package io.knobwright.model.store;

import io.knobwright.model.workload.StatementCounters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packed columns of the workload series (decision 0123): a poll's metrics as (code SHORT, value DOUBLE) pairs,
 * a poll's statements as (digest id LONG, calls LONG, total ms DOUBLE, rows LONG), a baseline's statements with their
 * digests spelled out. Big-endian, as ByteBuffer writes by default.
 */
final class SeriesCodec {

    static final int METRIC_BYTES = Short.BYTES + Double.BYTES;
    static final int STATEMENT_BYTES = 3 * Long.BYTES + Double.BYTES;

    private SeriesCodec() {
    }

    static byte[] metrics(Map<Short, Double> values) {
        ByteBuffer out = ByteBuffer.allocate(values.size() * METRIC_BYTES);
        values.forEach((code, value) -> out.putShort(code).putDouble(value));
        return out.array();
    }

    /** Calls {@code each} with every (code, value) pair. */
    static void metrics(byte[] packed, MetricVisitor each) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        while (in.remaining() >= METRIC_BYTES) {
            each.visit(in.getShort(), in.getDouble());
        }
    }

    /** The value of one metric code, NaN when the poll has none. */
    static double metric(byte[] packed, short code) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        while (in.remaining() >= METRIC_BYTES) {
            short c = in.getShort();
            double v = in.getDouble();
            if (c == code) {
                return v;
            }
        }
        return Double.NaN;
    }

    interface MetricVisitor {
        void visit(short code, double value);
    }

    /** A statement row of a poll or an hour, by digest id. */
    record Row(long digestId, long calls, double totalMs, long rows) {
    }

    static byte[] statementRows(List<Row> rows) {
        ByteBuffer out = ByteBuffer.allocate(rows.size() * STATEMENT_BYTES);
        for (Row r : rows) {
            out.putLong(r.digestId()).putLong(r.calls()).putDouble(r.totalMs()).putLong(r.rows());
        }
        return out.array();
    }

    static List<Row> statementRows(byte[] packed) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        List<Row> rows = new ArrayList<>(packed.length / STATEMENT_BYTES);
        while (in.remaining() >= STATEMENT_BYTES) {
            rows.add(new Row(in.getLong(), in.getLong(), in.getDouble(), in.getLong()));
        }
        return rows;
    }

    /** A baseline's statements: digest (length-prefixed UTF-8), calls, total ms, rows; no query text. */
    static byte[] baselineStatements(List<StatementCounters> statements) {
        int size = Integer.BYTES;
        List<byte[]> digests = new ArrayList<>(statements.size());
        for (StatementCounters s : statements) {
            byte[] d = s.digest().getBytes(StandardCharsets.UTF_8);
            digests.add(d);
            size += Short.BYTES + d.length + 2 * Long.BYTES + Double.BYTES;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            StatementCounters s = statements.get(i);
            out.putShort((short) digests.get(i).length).put(digests.get(i)).putLong(s.calls()).putDouble(s.totalMs()).putLong(s.rows());
        }
        return out.array();
    }

    static List<StatementCounters> baselineStatements(byte[] packed) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        if (in.remaining() < Integer.BYTES) {
            return List.of();
        }
        int n = in.getInt();
        List<StatementCounters> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[in.getShort()];
            in.get(d);
            out.add(new StatementCounters(new String(d, StandardCharsets.UTF_8), "", in.getLong(), in.getDouble(), in.getLong()));
        }
        return out;
    }
}
