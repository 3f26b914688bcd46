package io.knobwright.model.workload;

import java.time.DayOfWeek;
import java.util.Arrays;

/**
 * Calls counted per hour of the week (7 x 24 slots, Monday 00:00 first, in the digest's time zone): enough for an
 * hour x weekday heat map and for counts per hour of the day. A fingerprint seen in a few hours only keeps those
 * (up to {@value #SPARSE_SLOTS} slot/count pairs, ~100 bytes); past that it keeps all 168 counts (~690 bytes). Counts
 * stop at 2^31 - 1. Not thread-safe.
 */
public final class WeekHourCounts {

    public static final int SLOTS = 7 * 24;
    private static final int SPARSE_SLOTS = 16;
    private static final int SPARSE_COUNT_LIMIT = (1 << 23) - 1;

    /** Sparse: slot << 23 | count, in the order first seen; null once dense. */
    private int[] sparse = new int[0];
    private int[] dense;

    /** The slot of an hour of a weekday. */
    public static int slot(DayOfWeek day, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("An hour of the day is 0..23, not " + hour);
        }
        return (day.getValue() - 1) * 24 + hour;
    }

    void add(int slot, int count) {
        if (dense == null) {
            for (int k = 0; k < sparse.length; k++) {
                if (sparse[k] >>> 23 == slot) {
                    long sum = (long) (sparse[k] & SPARSE_COUNT_LIMIT) + count;
                    if (sum <= SPARSE_COUNT_LIMIT) {
                        sparse[k] = (slot << 23) | (int) sum;
                        return;
                    }
                    toDense();
                    break;
                }
            }
            if (dense == null) {
                if (sparse.length < SPARSE_SLOTS && count <= SPARSE_COUNT_LIMIT) {
                    sparse = Arrays.copyOf(sparse, sparse.length + 1);
                    sparse[sparse.length - 1] = (slot << 23) | count;
                    return;
                }
                toDense();
            }
        }
        dense[slot] = (int) Math.min(Integer.MAX_VALUE, (long) dense[slot] + count);
    }

    public int count(int slot) {
        if (dense != null) {
            return dense[slot];
        }
        for (int entry : sparse) {
            if (entry >>> 23 == slot) {
                return entry & SPARSE_COUNT_LIMIT;
            }
        }
        return 0;
    }

    public int count(DayOfWeek day, int hour) {
        return count(slot(day, hour));
    }

    /** Calls per hour of the day, over all weekdays. */
    public long[] byHourOfDay() {
        long[] hours = new long[24];
        for (int s = 0; s < SLOTS; s++) {
            hours[s % 24] += count(s);
        }
        return hours;
    }

    void merge(WeekHourCounts other) {
        for (int s = 0; s < SLOTS; s++) {
            int c = other.count(s);
            if (c != 0) {
                add(s, c);
            }
        }
    }

    /** A copy that later adds to this one do not change. */
    public WeekHourCounts copy() {
        WeekHourCounts copy = new WeekHourCounts();
        copy.sparse = sparse == null ? null : sparse.clone();
        copy.dense = dense == null ? null : dense.clone();
        return copy;
    }

    /** The counts of the non-empty slots as (slot, count) int pairs, for the store; read back by {@link #fromBytes}. */
    public byte[] toBytes() {
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 * SLOTS);
        for (int s = 0; s < SLOTS; s++) {
            int c = count(s);
            if (c != 0) {
                out.putInt(s).putInt(c);
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    /** Counts written by {@link #toBytes}; throws IllegalArgumentException for damaged bytes. */
    public static WeekHourCounts fromBytes(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("Hour-of-week counts of " + bytes.length + " bytes are damaged");
        }
        WeekHourCounts counts = new WeekHourCounts();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        while (in.hasRemaining()) {
            int slot = in.getInt();
            int count = in.getInt();
            if (slot < 0 || slot >= SLOTS || count < 0) {
                throw new IllegalArgumentException("Hour-of-week counts hold slot " + slot + " = " + count);
            }
            counts.add(slot, count);
        }
        return counts;
    }

    long retainedBytes() {
        return 24 + (sparse == null ? 0 : 16 + 4L * sparse.length) + (dense == null ? 0 : 16 + 4L * SLOTS);
    }

    private void toDense() {
        int[] counts = new int[SLOTS];
        for (int entry : sparse) {
            counts[entry >>> 23] = entry & SPARSE_COUNT_LIMIT;
        }
        dense = counts;
        sparse = null;
    }
}
