package io.knobwright.model.task;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The inline runner the view-model tests rely on: work runs at once, on the caller's thread, failures kept in the future. */
class TaskRunnerInlineTest {

    private final TaskRunner runner = TaskRunner.inline();

    @Test
    void workRunsOnTheCallersThreadBeforeTheCallReturns() {
        Thread caller = Thread.currentThread();

        CompletableFuture<Thread> io = runner.io(Thread::currentThread);
        CompletableFuture<Thread> cpu = runner.cpu(Thread::currentThread);

        assertThat(io).isCompletedWithValue(caller);
        assertThat(cpu).isCompletedWithValue(caller);
    }

    @Test
    void failureEndsInAFailedFutureNotAThrow() {
        CompletableFuture<String> failed = runner.io(() -> {
            throw new IllegalStateException("server gone");
        });

        assertThat(failed).isCompletedExceptionally();
        assertThat(failed.exceptionNow()).hasMessage("server gone");
    }
}
