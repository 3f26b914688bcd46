package io.knobwright.model.task;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one way background work is started. The app uses virtual threads for I/O and a bounded pool
 * for CPU-heavy work; tests use {@link #inline()} so results are deterministic.
 */
public interface TaskRunner {

    /** For work that waits on JDBC, files or the network. */
    <T> CompletableFuture<T> io(Supplier<T> work);

    /** For work that keeps a core busy (search, simulation). */
    <T> CompletableFuture<T> cpu(Supplier<T> work);

    static TaskRunner inline() {
        return new TaskRunner() {
            @Override
            public <T> CompletableFuture<T> io(Supplier<T> work) {
                return run(work);
            }

            @Override
            public <T> CompletableFuture<T> cpu(Supplier<T> work) {
                return run(work);
            }

            private <T> CompletableFuture<T> run(Supplier<T> work) {
                try {
                    return CompletableFuture.completedFuture(work.get());
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }
}
