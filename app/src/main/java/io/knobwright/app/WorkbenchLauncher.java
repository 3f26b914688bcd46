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
        io.knobwright.app.metrics.MetricsEndpoint metrics = startMetrics(context);
        // the saved Prometheus mappings sync on the daemon's default schedule while the window is open (decision 0133)
        var prometheus = context.startPrometheusSync(java.time.Duration.ofMinutes(5), outcomes -> outcomes.stream()
                .filter(o -> !o.ok()).forEach(o -> System.err.println("knobwright: prometheus sync: " + o.error())));
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
            prometheus.close();
            if (metrics != null) {
                metrics.close();
            }
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
        Workbench workbench = new Workbench(context.fleet(), context.templates(), context.plans(), context.catalogService(),
                WorkbenchGovernance.of(context), context.tasks());
        workbench.start(stage);
        // a new store's first run: the welcome explains the demo fleet and leads to a first instance (decision 0145)
        workbench.viewModel().showWelcomeIfDue();
    }

    /**
     * Serves /metrics while the window is open when KNOBWRIGHT_METRICS_PORT is set (decision 0133), on the loopback
     * unless KNOBWRIGHT_METRICS_BIND says otherwise; a port that cannot be used is said on stderr, not fatal.
     */
    private static io.knobwright.app.metrics.MetricsEndpoint startMetrics(AppContext context) {
        String port = context.environment().apply("KNOBWRIGHT_METRICS_PORT");
        if (port == null || port.isBlank()) {
            return null;
        }
        String bind = context.environment().apply("KNOBWRIGHT_METRICS_BIND");
        bind = bind == null || bind.isBlank() ? io.knobwright.app.metrics.MetricsEndpoint.LOOPBACK : bind.strip();
        try {
            var endpoint = context.startMetricsEndpoint(bind, Integer.parseInt(port.strip()));
            System.err.println("knobwright: metrics at http://" + endpoint.address() + "/metrics");
            return endpoint;
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("knobwright: the metrics page could not start on " + bind + ":" + port.strip() + " ("
                    + e.getMessage() + "); the workbench runs without it.");
            return null;
        }
    }
}
