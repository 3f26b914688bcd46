package io.knobwright.app.bench;

import io.knobwright.app.ui.common.FxStartup;
import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Drives the JavaFX thread from a bench's own thread: start the toolkit, run work on it, wait for a state. */
final class FxThread {

    private FxThread() {
    }

    /** Starts the toolkit unless it runs already; windows closing does not end it. */
    static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            FxStartup.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await();
    }

    /** Runs {@code work} on the FX thread and returns its result; its exception is rethrown here. */
    static <T> T call(Supplier<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.get());
            } catch (RuntimeException e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The FX thread did not answer within 60 s");
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread every 2 ms until it holds; fails naming {@code what} after the timeout. */
    static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!call(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(what + " did not happen within " + timeoutMs + " ms");
            }
            Thread.sleep(2);
        }
    }
}
