package io.knobwright.app.task;

import io.knobwright.model.task.ShuttingDownException;
import io.knobwright.model.task.TaskRunner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The application's TaskRunner: one virtual thread per I/O task (JDBC and file work spends its time
 * waiting), and a pool bounded by the processor count for CPU work, so a search never starves the UI.
 * Closing waits a short while for running work, then interrupts it; later submissions fail their future.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

    private static final long GRACE_SECONDS = 5;

    private final ExecutorService io;
    private final ExecutorService cpu;

    public ExecutorTaskRunner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ExecutorTaskRunner(int cpuThreads) {
        if (cpuThreads < 1) {
            throw new IllegalArgumentException("The CPU pool needs at least one thread, got " + cpuThreads);
        }
        this.io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("knobwright-io-", 1).factory());
        this.cpu = Executors.newFixedThreadPool(cpuThreads, daemonThreads("knobwright-cpu-"));
    }

    @Override
    public <T> CompletableFuture<T> io(Supplier<T> work) {
        return submit(work, io);
    }

    @Override
    public <T> CompletableFuture<T> cpu(Supplier<T> work) {
        return submit(work, cpu);
    }

    private static <T> CompletableFuture<T> submit(Supplier<T> work, ExecutorService executor) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ShuttingDownException(e));
        }
    }

    @Override
    public void close() {
        io.shutdown();
        cpu.shutdown();
        try {
            boolean done = io.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)
                    & cpu.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                io.shutdownNow();
                cpu.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            cpu.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads: a forgotten CPU task must not keep the JVM alive after the window closes. */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
