package io.knobwright.app;

import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.common.FxStartup;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.model.UserError;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the JavaFX toolkit and shows the workbench; the only class of the startup path that touches JavaFX.
 * Blocks until the window closes so the caller can close the AppContext (and with it the store) afterwards.
 */
final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    static int run(AppContext context) {
        context.startGovernanceDaemon();
        context.startRestorations("workbench", false);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            FxStartup.startup(() -> {
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
            throw new UserError(UserError.Kind.INPUT, "Cannot open the workbench window (" + e.getMessage()
                    + "). Commands run without a display: see 'knobwright --help'.", e);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
        if (failure.get() instanceof UserError error) {
            throw error;
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The workbench failed to start: " + failure.get().getMessage(), failure.get());
        }
        return 0;
    }

    private static void show(AppContext context, Stage stage) {
        new Workbench(context.fleet(), context.templates(), context.plans(), context.catalogService(),
                WorkbenchGovernance.of(context), context.tasks()).start(stage);
    }
}
