package io.knobwright.app.ui.common;

import io.knobwright.model.UserError;
import io.knobwright.model.task.ShuttingDownException;
import io.knobwright.model.task.TaskRunner;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs blocking service calls through the {@link TaskRunner} and delivers the outcome on the UI thread.
 * The app passes {@code Platform::runLater} as the UI executor; tests pass {@code Runnable::run} together
 * with {@link TaskRunner#inline()} so view-models can be driven without a toolkit.
 *
 * <p>Failures reach the screen in one way: a user error as its message, a bug as a sentence saying so plus the
 * bug dialog with the details ({@link UserMessages}).
 */
public final class BackgroundWork {

    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    private final TaskRunner tasks;
    private final Executor ui;
    private final BugReporter bugs;
    private final UiTimer timer;

    /** Delayed actions ({@link #after}) wait in real time; bugs go to {@code bugs} (the bug dialog). */
    public BackgroundWork(TaskRunner tasks, Executor ui, BugReporter bugs) {
        this(tasks, ui, bugs, UiTimer.real(ui));
    }

    /** The runner behind this work, for work that reports progress itself ({@code ProgressRun}). */
    public TaskRunner tasks() {
        return tasks;
    }

    /** For view-model tests: {@code timer} decides when delayed actions run. */
    public BackgroundWork(TaskRunner tasks, Executor ui, BugReporter bugs, UiTimer timer) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.bugs = Objects.requireNonNull(bugs, "bugs");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * Starts I/O-bound work (JDBC, files, network). Exactly one of the callbacks runs, on the UI thread.
     *
     * @param action what the user asked for, used to phrase a failure ("Import inventory")
     */
    public <T> void io(String action, Supplier<T> work, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
        CompletableFuture<T> future;
        try {
            future = tasks.io(work);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((value, error) -> ui.execute(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(failed(action, error));
            }
        }));
    }

    /**
     * The sentence to show for a failure of {@code action}, for work that catches its own failures. A bug is
     * logged with its stack trace and also shown in the bug dialog. Callable from any thread.
     */
    public String failed(String action, Throwable error) {
        log(action, error);
        if (UserMessages.isBug(error)) {
            String report = UserMessages.bugReport(action, error);
            ui.execute(() -> bugs.report(action, report));
        }
        return UserMessages.describe(action, error);
    }

    /** Runs {@code update} on the UI thread: progress reported from running work. */
    public void later(Runnable update) {
        ui.execute(update);
    }

    /** Runs {@code action} on the UI thread after {@code delay}, unless the result is unsubscribed before. */
    public Subscription after(Duration delay, Runnable action) {
        return timer.schedule(delay, action);
    }

    private static void log(String action, Throwable error) {
        Throwable t = UserError.unwrap(error);
        if (t instanceof ShuttingDownException) {
            // A screen asked for work while the window was closing: nobody is left to see the outcome.
            LOG.log(System.Logger.Level.DEBUG, action + " skipped: Knobwright is shutting down");
        } else if (t instanceof UserError) {
            LOG.log(System.Logger.Level.INFO, action + " failed: " + t.getMessage());
        } else {
            LOG.log(System.Logger.Level.WARNING, action + " failed", t);
        }
    }
}
