package io.knobwright.app;

import io.knobwright.app.ui.Workbench;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the JavaFX toolkit and shows the workbench; the only class of the startup path that touches JavaFX.
 * Blocks until the window closes so the caller can close the AppContext (and with it the store) afterwards.
 */
final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    static int run(AppContext context) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // From knobwright.jar JavaFX sits on the class path and warns "Unsupported JavaFX configuration" on
        // every start. It is expected here (decision 0004); only that start-up warning is silenced.
        Logger javafxLogger = Logger.getLogger("javafx");
        Level previous = javafxLogger.getLevel();
        javafxLogger.setLevel(Level.SEVERE);
        try {
            Platform.startup(() -> {
                try {
                    Platform.setImplicitExit(false);
                    Stage stage = new Stage();
                    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                    show(context, stage);
                } catch (RuntimeException e) {
                    failure.set(e);
                    closed.countDown();
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalStateException("Cannot open the workbench window (" + e.getMessage()
                    + "). Commands run without a display: see 'knobwright --help'.", e);
        } finally {
            javafxLogger.setLevel(previous);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The workbench failed to start: " + failure.get().getMessage(), failure.get());
        }
        return 0;
    }

    private static void show(AppContext context, Stage stage) {
        new Workbench(context.fleet(), context.templates(), context.catalogs(), context.tasks()).start(stage);
    }
}
