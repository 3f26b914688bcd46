package io.knobwright.model.workload;

/**
 * Durations in a log-bucketed histogram, for a fingerprint's p50/p95/p99 in a few hundred bytes (decision 0121).
 * Bucket k holds durations in (1 µs x 1.04^(k-1), 1 µs x 1.04^k] and answers with 1 µs x 1.04^k x 2 / 2.04, so
 * every quantile is within 1.96% of a duration actually recorded at that rank (the DDSketch construction); durations
 * under 1 µs count as 0. Buckets are held for the span actually seen, at most {@value #MAX_BUCKETS} of them (a
 * 23,000-fold span, e.g. 0.05 ms to 1.1 s); beyond that the fastest buckets fold into one, so the high quantiles
 * keep their accuracy and only the lowest lose it (they read as the lowest bucket kept, too slow). Answers are
 * clamped to the exact minimum and maximum seen, and the highest rank answers with the maximum itself. A
 * bucket's count stops at 2^31 - 1. Not thread-safe; {@link #merge} joins two.
 */
public final class LatencyHistogram {

    static final double GAMMA = 1.04;
    static final double MIN_MS = 0.001;
    static final int MAX_BUCKETS = 256;
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final int INITIAL_BUCKETS = 8;

    private int[] counts;
    private int offset;
    private long zeros;
    private long total;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Records one duration; a negative or non-finite one is ignored (a log cannot mean it). */
    public void record(double ms) {
        if (!(ms >= 0) || ms == Double.POSITIVE_INFINITY) {
            return;
        }
        min = Math.min(min, ms);
        max = Math.max(max, ms);
        total++;
        if (ms < MIN_MS) {
            zeros++;
        } else {
            add(index(ms), 1);
        }
    }

    public long count() {
        return total;
    }

    /** The duration at quantile {@code q} (0..1), in ms; 0 when nothing was recorded. */
    public double quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(Math.min(1, Math.max(0, q)) * total));
        double answer = max;
        if (rank == total) {
            return max;
        } else if (rank <= zeros) {
            answer = 0;
        } else if (counts != null) {
            long seen = zeros;
            for (int k = 0; k < counts.length; k++) {
                seen += counts[k];
                if (seen >= rank) {
                    answer = value(offset + k);
                    break;
                }
            }
        }
        return Math.min(max, Math.max(min, answer));
    }

    /** Adds every duration {@code other} recorded. */
    public void merge(LatencyHistogram other) {
        if (other.total == 0) {
            return;
        }
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        total += other.total;
        zeros += other.zeros;
        if (other.counts != null) {
            for (int k = 0; k < other.counts.length; k++) {
                if (other.counts[k] != 0) {
                    add(other.offset + k, other.counts[k]);
                }
            }
        }
    }

    /**
     * The histogram as bytes for the store: min, max, total, zeros, offset, then the counts of the span held. Read
     * back by {@link #fromBytes}.
     */
    public byte[] toBytes() {
        int buckets = counts == null ? 0 : counts.length;
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(1 + 8 * 4 + 4 + 4 + 4 * buckets);
        out.put((byte) 1).putDouble(min).putDouble(max).putLong(total).putLong(zeros).putInt(offset).putInt(buckets);
        for (int k = 0; k < buckets; k++) {
            out.putInt(counts[k]);
        }
        return out.array();
    }

    /**
     * A histogram written by {@link #toBytes}.
     *
     * @throws IllegalArgumentException when the bytes are not one (a damaged store row)
     */
    public static LatencyHistogram fromBytes(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        try {
            if (in.get() != 1) {
                throw new IllegalArgumentException("Unknown latency histogram format");
            }
            LatencyHistogram h = new LatencyHistogram();
            h.min = in.getDouble();
            h.max = in.getDouble();
            h.total = in.getLong();
            h.zeros = in.getLong();
            h.offset = in.getInt();
            int buckets = in.getInt();
            if (buckets < 0 || buckets > MAX_BUCKETS || in.remaining() != 4 * buckets || h.total < 0 || h.zeros < 0) {
                throw new IllegalArgumentException("A latency histogram of " + bytes.length + " bytes is damaged");
            }
            if (buckets > 0) {
                h.counts = new int[buckets];
                for (int k = 0; k < buckets; k++) {
                    h.counts[k] = in.getInt();
                }
            }
            return h;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("A latency histogram of " + bytes.length + " bytes is cut short", e);
        }
    }

    /** Bytes this histogram holds on the heap (object and array), for the memory bench. */
    long retainedBytes() {
        return 56 + (counts == null ? 0 : 16 + 4L * counts.length);
    }

    static int index(double ms) {
        return (int) Math.ceil(Math.log(ms / MIN_MS) / LOG_GAMMA);
    }

    static double value(int index) {
        return MIN_MS * Math.pow(GAMMA, index) * 2 / (1 + GAMMA);
    }

    private void add(int index, int count) {
        if (counts == null) {
            counts = new int[INITIAL_BUCKETS];
            offset = index - INITIAL_BUCKETS / 2;
        }
        if (index < offset || index >= offset + counts.length) {
            grow(index);
        }
        int k = Math.max(0, index - offset); // below the span held: the lowest bucket
        long sum = (long) counts[k] + count;
        counts[k] = (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** Widens the span to take {@code index}; past {@link #MAX_BUCKETS} the lowest buckets fold into one. */
    private void grow(int index) {
        int low = Math.min(offset, index);
        int high = Math.max(offset + counts.length - 1, index);
        if (high - low + 1 > MAX_BUCKETS) {
            low = high - MAX_BUCKETS + 1;
        }
        int length = Math.min(MAX_BUCKETS, Math.max(high - low + 1, Math.min(MAX_BUCKETS, counts.length * 2)));
        if (index < offset) { // room below for more of the same direction
            low = Math.max(high - length + 1, Math.min(low, high - length + 1));
        }
        int[] grown = new int[length];
        for (int k = 0; k < counts.length; k++) {
            int at = Math.max(0, offset + k - low);
            if (at < length) {
                long sum = (long) grown[at] + counts[k];
                grown[at] = (int) Math.min(Integer.MAX_VALUE, sum);
            }
        }
        counts = grown;
        offset = low;
    }
}
