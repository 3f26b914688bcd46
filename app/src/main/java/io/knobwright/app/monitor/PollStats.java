package io.knobwright.app.monitor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of the scheduled polls and how late they started (milliseconds after they were due), in a fixed histogram
 * of 1 ms buckets up to 60 s so that percentiles cost no memory per poll.
 */
public final class PollStats {

    private static final int BUCKETS = 60_001;
    private final AtomicLongArray lateness = new AtomicLongArray(BUCKETS);
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    void started(long lateMs) {
        lateness.incrementAndGet((int) Math.max(0, Math.min(BUCKETS - 1, lateMs)));
        started.incrementAndGet();
    }

    void finished(boolean ok) {
        (ok ? succeeded : failed).incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    public long started() {
        return started.get();
    }

    public long succeeded() {
        return succeeded.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Polls not started because the instance's previous poll still ran. */
    public long skippedPolls() {
        return skipped.get();
    }

    /** The lateness in ms that {@code fraction} (0.99 for p99) of started polls did not exceed. */
    public long latenessPercentileMs(double fraction) {
        long total = started.get();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += lateness.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return BUCKETS - 1;
    }
}
