package io.knobwright.app.task;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutorTaskRunnerTest {

    @Test
    void ioWorkRunsOnVirtualThreadsAndCpuWorkOnPlatformThreads() {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(2)) {
            assertThat(runner.io(() -> Thread.currentThread().isVirtual()).join()).isTrue();
            assertThat(runner.cpu(() -> Thread.currentThread().isVirtual()).join()).isFalse();
        }
    }

    @Test
    void cpuWorkNeverRunsOnMoreThreadsThanThePoolHas() throws Exception {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(2)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                runner.cpu(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(20);
                    running.decrementAndGet();
                    done.countDown();
                    return null;
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(peak.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailingTaskFailsItsFutureWithTheCause() {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1)) {
            assertThatThrownBy(() -> runner.io(() -> { throw new IllegalStateException("server went away"); }).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("server went away");
        }
    }

    @Test
    void closeLetsRunningWorkFinishAndRefusesNewWork() {
        ExecutorTaskRunner runner = new ExecutorTaskRunner(1);
        var running = runner.io(() -> {
            sleep(100);
            return "finished";
        });
        runner.close();

        assertThat(running.join()).isEqualTo("finished");
        assertThatThrownBy(() -> runner.cpu(() -> 1).join())
                .hasCauseInstanceOf(io.knobwright.model.task.ShuttingDownException.class)
                .hasRootCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void refusesAPoolWithoutThreads() {
        assertThatThrownBy(() -> new ExecutorTaskRunner(0)).hasMessageContaining("at least one thread");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
