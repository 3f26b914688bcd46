package io.knobwright.app.task;

import io.knobwright.model.task.TaskRunner;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One running {@link ProgressTask}: its result, a cancel switch, and progress delivered to a listener at most one
 * update at a time. Work that reports a million times does not queue a million UI updates: a report replaces the
 * one not yet delivered, and {@code deliver} (the UI executor) gets a new runnable only when the last one ran.
 */
public final class ProgressRun<T> {

    /** One progress report: fraction 0..1 (negative when unknown) and what is being done. */
    public record Update(double fraction, String message) {
    }

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Update> pending = new AtomicReference<>();
    private final CompletableFuture<T> result;

    private ProgressRun(TaskRunner tasks, ProgressTask<T> task, java.util.concurrent.Executor deliver,
                        Consumer<Update> listener) {
        ProgressTask.Progress progress = new ProgressTask.Progress() {
            @Override
            public void report(double fraction, String message) {
                if (pending.getAndSet(new Update(fraction, message)) == null) {
                    deliver.execute(() -> {
                        Update latest = pending.getAndSet(null);
                        if (latest != null) {
                            listener.accept(latest);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        this.result = tasks.io(() -> task.run(progress));
    }

    /** Starts {@code task} on the I/O runner; {@code listener} gets progress through {@code deliver}. */
    public static <T> ProgressRun<T> start(TaskRunner tasks, ProgressTask<T> task, java.util.concurrent.Executor deliver,
                                           Consumer<Update> listener) {
        return new ProgressRun<>(Objects.requireNonNull(tasks, "tasks"), Objects.requireNonNull(task, "task"),
                Objects.requireNonNull(deliver, "deliver"), Objects.requireNonNull(listener, "listener"));
    }

    /** Asks the work to stop; it does at its next check and the result fails with a CancellationException. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelRequested() {
        return cancelled.get();
    }

    public CompletableFuture<T> result() {
        return result;
    }
}
