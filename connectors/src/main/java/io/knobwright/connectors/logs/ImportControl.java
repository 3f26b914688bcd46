package io.knobwright.connectors.logs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a front end sees of an import while it runs, from any thread: the bytes read so far (for a progress bar; of
 * the compressed file for a gzip log, so it compares with the file's size) and a cancel switch that every parsing
 * thread checks at each read. Interrupting a parsing thread cancels too.
 */
public final class ImportControl {

    private final AtomicLong bytesRead = new AtomicLong();
    private volatile boolean cancelled;

    public long bytesRead() {
        return bytesRead.get();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void addBytes(long n) {
        bytesRead.addAndGet(n);
    }

    void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            cancelled = true;
            throw new CancellationException("The log import was cancelled.");
        }
    }
}
