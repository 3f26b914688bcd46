package io.knobwright.app.ui;

import io.knobwright.model.task.TaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Holds background work until the test releases it, so answers can arrive in any order. */
public final class HeldTaskRunner implements TaskRunner {

    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> CompletableFuture<T> io(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        held.add(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public <T> CompletableFuture<T> cpu(Supplier<T> work) {
        return io(work);
    }

    /** How many pieces of work wait to be released. */
    public int waiting() {
        return held.size();
    }

    /** Runs the work started {@code index}-th among those still held (0 is the oldest) and delivers its answer. */
    public void complete(int index) {
        held.remove(index).run();
    }

    /** Runs every held piece of work, oldest first, including work those answers start. */
    public void completeAll() {
        while (!held.isEmpty()) {
            held.removeFirst().run();
        }
    }
}
