package io.knobwright.app.ui;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.plan.PlanService;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.FxDialogService;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.common.UserMessages;
import io.knobwright.app.ui.compare.CompareView;
import io.knobwright.app.ui.fleet.FleetView;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.app.ui.instance.InstanceDetailView;
import io.knobwright.app.ui.operations.FxOperationsDialogs;
import io.knobwright.app.ui.operations.OperationsView;
import io.knobwright.app.ui.plan.PlansView;
import io.knobwright.app.ui.policy.PolicyView;
import io.knobwright.app.ui.review.ReviewPanel;
import io.knobwright.app.ui.template.FxTemplateDialogs;
import io.knobwright.app.ui.template.TemplatesView;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.app.ui.workbench.WorkbenchView;
import io.knobwright.app.ui.workbench.WorkbenchViewModel;
import io.knobwright.app.catalog.CatalogService;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workbench main window. The CLI's composition root calls
 * {@code new Workbench(fleet, templates, plans, catalogs, governance, tasks).start(stage)} on the FX thread; everything the window
 * needs is built here from those services.
 */
public final class Workbench {

    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());

    private final FleetService fleet;
    private final TemplateService templates;
    private final PlanService plans;
    private final CatalogLookup catalogs;
    private final WorkbenchGovernance governance;
    private final TaskRunner tasks;
    private final Executor ui;
    private WorkbenchViewModel viewModel;
    private WorkbenchView view;

    public Workbench(FleetService fleet, TemplateService templates, PlanService plans, CatalogService catalogs,
                     WorkbenchGovernance governance, TaskRunner tasks) {
        this(fleet, templates, plans, CatalogLookup.of(catalogs), governance, tasks, Platform::runLater);
    }

    /** For tests and the bench: catalogs from elsewhere, and the executor that brings results to the FX thread. */
    public Workbench(FleetService fleet, TemplateService templates, PlanService plans, CatalogLookup catalogs,
                     WorkbenchGovernance governance, TaskRunner tasks, Executor ui) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.governance = Objects.requireNonNull(governance, "governance");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Builds the window on {@code stage}, shows it and starts loading the fleet in the background. */
    public void start(Stage stage) {
        Theme theme = new Theme();
        FxDialogService dialogs = new FxDialogService(() -> stage, theme);
        Thread.currentThread().setUncaughtExceptionHandler(uncaughtBugs(dialogs));
        viewModel = new WorkbenchViewModel(fleet, templates, plans, catalogs, new BackgroundWork(tasks, ui, dialogs::showBug), dialogs,
                new FxTemplateDialogs(() -> stage, theme, dialogs), new FxOperationsDialogs(() -> stage, theme), System::getenv,
                ZoneId.systemDefault(), governance);
        // Start reading the fleet first: the store and row building run while the window is being built.
        viewModel.refresh();
        view = new WorkbenchView(viewModel, theme);
        var styling = theme.style(view, WorkbenchView.STYLESHEET, FleetView.STYLESHEET, InstanceDetailView.STYLESHEET,
                TemplatesView.STYLESHEET, PlansView.STYLESHEET, CompareView.STYLESHEET, PolicyView.STYLESHEET,
                ReviewPanel.STYLESHEET, OperationsView.STYLESHEET, io.knobwright.app.ui.workload.WorkloadView.STYLESHEET,
                io.knobwright.app.ui.health.HealthView.STYLESHEET, io.knobwright.app.ui.health.ConnectionUseChart.STYLESHEET,
                io.knobwright.app.ui.health.SessionActivityChart.STYLESHEET,
                io.knobwright.app.ui.health.StorageForecastChart.STYLESHEET, io.knobwright.app.ui.health.IndexAdviceView.STYLESHEET,
                io.knobwright.app.ui.health.BackupTimelineChart.STYLESHEET);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A size the caller already gave the stage wins (tests, the bench); otherwise fit the screen.
        double width = Double.isNaN(stage.getWidth()) ? Math.min(1920, screen.getWidth()) : stage.getWidth();
        double height = Double.isNaN(stage.getHeight()) ? Math.min(1080, screen.getHeight()) : stage.getHeight();
        Scene scene = new Scene(view, width, height);
        stage.setTitle("Knobwright");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        var welcomes = io.knobwright.app.ui.welcome.WelcomeWindow.follow(viewModel.welcomeProperty(), stage, theme);
        stage.setOnHidden(e -> {
            welcomes.unsubscribe();
            styling.unsubscribe();
            view.dispose();
        });
        stage.show();
    }

    /**
     * An exception that escaped every handler on the FX thread (a listener, a cell) is a bug: logged, and shown
     * in the bug dialog after the current event, one dialog at a time so a failing cell cannot stack up windows.
     */
    private static Thread.UncaughtExceptionHandler uncaughtBugs(FxDialogService dialogs) {
        AtomicBoolean showing = new AtomicBoolean();
        return (thread, bug) -> {
            LOG.log(System.Logger.Level.ERROR, "Uncaught on " + thread.getName(), bug);
            if (showing.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    try {
                        dialogs.showBug("The last action in the window", UserMessages.bugReport("The last action in the window", bug));
                    } finally {
                        showing.set(false);
                    }
                });
            }
        };
    }

    /** The main window's view-model, for tests and the bench; null before {@link #start}. */
    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    public WorkbenchView view() {
        return view;
    }
}
