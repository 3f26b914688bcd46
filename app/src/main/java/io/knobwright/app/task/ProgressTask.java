package io.knobwright.app.task;

/**
 * Long work that reports how far it is and stops when asked (a log import of several GB): the work polls
 * {@link Progress#cancelled()} between chunks and throws {@link java.util.concurrent.CancellationException} when it
 * stops early. Run it with {@link ProgressRun#start}.
 */
@FunctionalInterface
public interface ProgressTask<T> {

    T run(Progress progress);

    /** What running work sees: where to report, and whether it was asked to stop. Callable from any thread. */
    interface Progress {
        /** @param fraction 0..1, or negative when the end is unknown */
        void report(double fraction, String message);

        boolean cancelled();

        /** Throws CancellationException once cancelled: a one-line check between chunks. */
        default void checkCancelled() {
            if (cancelled()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
        }
    }
}
