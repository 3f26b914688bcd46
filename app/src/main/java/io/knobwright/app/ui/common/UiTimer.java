package io.knobwright.app.ui.common;

import javafx.util.Subscription;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs UI actions after a delay, such as a check once typing pauses. The app waits in real time; view-model
 * tests move a clock by hand, so they never sleep and decide exactly what has happened by when.
 */
@FunctionalInterface
public interface UiTimer {

    /** Runs {@code action} on the UI thread once {@code delay} has passed, unless the result is unsubscribed first. */
    Subscription schedule(Duration delay, Runnable action);

    /** Real time: when the delay is over the action is handed to {@code ui} ({@code Platform::runLater} in the app). */
    static UiTimer real(Executor ui) {
        return (delay, action) -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            // Checked again on the UI thread: a cancel that happens there after the hand-over still wins.
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, ui).execute(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            });
            return () -> cancelled.set(true);
        };
    }
}
