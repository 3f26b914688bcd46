package io.knobwright.app.ui.common;

import io.knobwright.app.task.ExecutorTaskRunner;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundWorkTest {

    /** The bug dialog as a list: action and details of each report. */
    private static final class Bugs {
        final List<String> reports = new CopyOnWriteArrayList<>();

        void add(String action, String details) {
            reports.add(action + "\n" + details);
        }
    }

    private final Bugs bugs = new Bugs();

    private final Logger logger = Logger.getLogger(BackgroundWork.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void workAskedForWhileTheAppClosesFailsQuietly() {
        ExecutorTaskRunner runner = new ExecutorTaskRunner(1);
        runner.close();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Object> successes = new CopyOnWriteArrayList<>();

        new BackgroundWork(runner, Runnable::run, bugs::add).io("Check the template", () -> 1, successes::add, failures::add);

        assertThat(successes).isEmpty();
        assertThat(failures).singleElement().asString().contains("shutting down");
        // A screen that asked for work as the window closed leaves no WARNING and stack trace on stderr.
        assertThat(logged).noneMatch(r -> r.getLevel().intValue() >= Level.INFO.intValue());
        assertThat(bugs.reports).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsStillLoggedAsAWarning() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1)) {
            new BackgroundWork(runner, Runnable::run, bugs::add).io("Check the template", () -> {
                throw new NullPointerException("a bug");
            }, v -> { }, message -> failed.countDown());
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(logged).anyMatch(r -> r.getLevel() == Level.WARNING);
    }

    @Test
    void aUserErrorShowsItsOwnMessageAndNoBugReport() {
        List<String> failures = new ArrayList<>();

        new BackgroundWork(TaskRunner.inline(), Runnable::run, bugs::add).io("Refresh from server", () -> {
            throw new ConnectorException("Connection refused by db1:5432: is the server running?");
        }, v -> { }, failures::add);

        assertThat(failures).containsExactly("Refresh from server failed: Connection refused by db1:5432: is the server running?");
        assertThat(bugs.reports).isEmpty();
    }

    @Test
    void anUnexpectedExceptionIsReportedAsABugWithCopyableDetailsNotAsItsRawText() {
        List<String> failures = new ArrayList<>();

        new BackgroundWork(TaskRunner.inline(), Runnable::run, bugs::add).io("Save orders-1", () -> {
            throw new IllegalStateException("row 7 has no version");
        }, v -> { }, failures::add);

        assertThat(failures).singleElement().asString()
                .isEqualTo("Save orders-1 failed because of a bug in Knobwright. The bug report window has the details to copy.")
                .doesNotContain("row 7");
        assertThat(bugs.reports).singleElement().asString()
                .startsWith("Save orders-1\nAction: Save orders-1")
                .contains("Knobwright ", "Java ")
                .contains("java.lang.IllegalStateException: row 7 has no version", "\tat ");
    }
}
