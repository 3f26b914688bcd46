package io.knobwright.app.bench;

import io.knobwright.model.task.TaskRunner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Virtual threads for I/O, a small pool for CPU work: the shape of the app's runner, for the bench. */
final class BenchTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService cpu = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
            Thread.ofPlatform().daemon().name("bench-cpu-", 0).factory());

    @Override
    public <T> CompletableFuture<T> io(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, io);
    }

    @Override
    public <T> CompletableFuture<T> cpu(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, cpu);
    }

    @Override
    public void close() {
        io.shutdown();
        cpu.shutdown();
    }
}
