package io.knobwright.app.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one job per slice of a batch on the machine's cores and merges what they return. Drift spends most of its
 * time in the store reading settings and the rest resolving templates, both of which run in parallel on separate
 * connections of the store's pool; one thread left a 2-core workstation half idle while the fleet screen waited.
 */
final class SlicedWork {

    /** Beyond this the store's pool and the heap gain nothing; below it, every core of a workstation helps. */
    private static final int MAX_THREADS = 4;

    private SlicedWork() {
    }

    static int threads() {
        return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** {@code ids} in at most {@code threads} slices of nearly equal size, none over {@code maxSlice}. */
    static <T> List<List<T>> slices(List<T> ids, int threads, int maxSlice) {
        if (ids.isEmpty()) {
            return List.of();
        }
        int size = Math.min(maxSlice, Math.ceilDiv(ids.size(), threads));
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            slices.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return slices;
    }

    /**
     * {@code job} applied to every slice, the results merged. A single slice runs on the caller's thread. The first
     * failure is thrown as it was raised (a user error stays one); the other slices are then cancelled.
     */
    static <S, K, V> Map<K, V> mergeAll(List<S> slices, Function<S, Map<K, V>> job) {
        if (slices.size() <= 1) {
            return slices.isEmpty() ? Map.of() : job.apply(slices.getFirst());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads(), slices.size()), SlicedWork::daemon)) {
            List<Future<Map<K, V>>> running = new ArrayList<>();
            slices.forEach(slice -> running.add(pool.submit(() -> job.apply(slice))));
            Map<K, V> merged = new HashMap<>();
            try {
                for (Future<Map<K, V>> one : running) {
                    merged.putAll(one.get());
                }
            } catch (ExecutionException failed) {
                running.forEach(f -> f.cancel(true));
                throw rethrown(failed.getCause());
            } catch (InterruptedException interrupted) {
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while computing drift", interrupted);
            }
            return merged;
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "knobwright-drift");
        thread.setDaemon(true);
        return thread;
    }
}
