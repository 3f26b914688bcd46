package io.knobwright.app.ui.guide;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.app.ui.HealthDemo;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.app.ui.workbench.WorkbenchViewModel;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A state family's store and open workbench, and what the guide's steps do on it: bring a screen to the front, select
 * an instance, wait until something shows. The store is the governed demo fleet with everything the guide's pages talk
 * about (see {@link GuideData}).
 */
public final class GuideDesk implements AutoCloseable {

    private final GovernedDemo demo;
    private final GuideData data;
    private final FxRobot robot;
    private final Stage stage;
    private Workbench workbench;
    /** What the next DESKTOP picture scrolls to the top of its scroll pane, once laid out at the desktop size. */
    private java.util.function.Function<javafx.scene.Parent, Node> scrollTarget;

    private GuideDesk(GovernedDemo demo, GuideData data, FxRobot robot, Stage stage) {
        this.demo = demo;
        this.data = data;
        this.robot = robot;
        this.stage = stage;
    }

    /** Seeds a store for {@code family} and opens the workbench on it as the family's user, 1000 x 1000. */
    public static GuideDesk open(GuideFamily family, FxRobot robot, Stage stage) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        GovernedDemo demo = GovernedDemo.on(KnobwrightStore.inMemory("guide-" + family + "-" + UUID.randomUUID(), true));
        try {
            AppContext lin = demo.as(family.user());
            HealthDemo.seed(lin, demo.store(), now);
            GuideData data = GuideData.seed(demo, now);
            GuideDesk desk = new GuideDesk(demo, data, robot, stage);
            desk.start(family);
            return desk;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    private void start(GuideFamily family) throws Exception {
        AppContext context = demo.as(family.user());
        var governance = demo.governance(family.user()).withWorkload(data.workloadDesk(context))
                .withHealth(data.healthDesk(context, demo.store()));
        robot.interact(() -> {
            workbench = new Workbench(context.fleet(), context.templates(), context.plans(),
                    CatalogLookup.of(context.catalogService()), governance, TaskRunner.inline(), Platform::runLater);
            // the headless screen holds no larger window; pictures are taken at a desktop size (Snapshots.at)
            stage.setWidth(1000);
            stage.setHeight(1000);
            workbench.start(stage);
        });
        waitUntil(() -> vm().browser().totalCountProperty().get() > 100);
    }

    /**
     * Stops the window's evaluation of the alerts every minute until the next picture: with background work inline it
     * runs on the FX thread, for many seconds on a loaded machine, and can stall a step or a picture. The fleet's load
     * evaluated them once, and the Alerts screen evaluates them when it comes to the front. (Lending the window's content
     * to a picture hides and shows it again, which starts the watch anew.)
     */
    public void quiet() {
        robot.interact(() -> vm().stopAlertWatch());
    }

    public WorkbenchViewModel vm() {
        return workbench.viewModel();
    }

    public Workbench workbench() {
        return workbench;
    }

    public GuideData data() {
        return data;
    }

    public GovernedDemo demo() {
        return demo;
    }

    public FxRobot robot() {
        return robot;
    }

    public Scene scene() {
        return stage.getScene();
    }

    /** Brings a screen to the front as its tab (or the tab bar's overflow menu) would. */
    public GuideDesk screen(Screen screen) {
        robot.interact(() -> vm().screenProperty().set(screen));
        return this;
    }

    /** Selects an instance in the fleet browser; the screens that follow the selection show it. */
    public GuideDesk select(Instance instance) {
        robot.interact(() -> {
            vm().browser().select(instance.id());
            var table = workbench.view().fleetView().table();
            table.scrollTo(Math.max(0, table.getSelectionModel().getSelectedIndex() - 3));
        });
        return this;
    }

    public GuideDesk select(String instanceName) {
        return select(data.named(instanceName));
    }

    /** Runs on the FX thread and waits for it. */
    public void fx(Runnable action) {
        robot.interact(action);
    }

    public <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(120, TimeUnit.SECONDS);
    }

    /**
     * Opens the welcome as Help, Welcome and first steps does, in its own window, and returns it. A welcome an earlier
     * picture left open is closed first as its close box would: the picture's clean-up only hides the window, and the
     * main window opens no second welcome while one is open.
     */
    public io.knobwright.app.ui.welcome.WelcomeViewModel openWelcome() throws Exception {
        closeWelcome();
        fx(() -> vm().showWelcome());
        waitUntil(() -> vm().welcomeProperty().get() != null && dialog("#welcome-view").isPresent()
                && !vm().welcomeProperty().get().tour().isEmpty());
        return vm().welcomeProperty().get();
    }

    /** Closes the welcome, if one is open, as its close box would. */
    public void closeWelcome() throws Exception {
        var open = fx(() -> vm().welcomeProperty().get());
        if (open != null) {
            fx(open::close);
            waitUntil(() -> vm().welcomeProperty().get() == null);
        }
    }

    /** Starts something that opens a modal dialog (it does not return until the dialog closes), then waits for it. */
    public Window openDialog(Runnable opener, String nodeInDialog) throws Exception {
        Platform.runLater(opener);
        waitUntil(() -> dialog(nodeInDialog).isPresent());
        return dialog(nodeInDialog).orElseThrow();
    }

    public Optional<Window> dialog(String nodeInDialog) {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().lookup(nodeInDialog) != null).findFirst();
    }

    /** A node of the main window or of an open dialog. */
    public <T extends Node> T lookup(String query) {
        return robot.lookup(query).query();
    }

    /** Waits (up to 60 s) until {@code shown} holds, reading it between FX events. */
    public void waitUntil(BooleanSupplier shown) throws Exception {
        try {
            waitFor(shown);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The state a guide picture needs did not show within 60 s; the window's message: '"
                    + vm().messageProperty().get() + "'", e);
        }
    }

    private void waitFor(BooleanSupplier shown) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            try {
                return fx(shown::getAsBoolean);
            } catch (Exception rebuilding) {
                return false; // a poll is rebuilding the rows: not there yet, ask again
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The next DESKTOP picture shows the node {@code target} finds at the top of the scroll pane that holds it; it looks
     * from the window's root, which is then in the off-screen scene of the picture.
     */
    public void scrollTo(java.util.function.Function<javafx.scene.Parent, Node> target) {
        this.scrollTarget = target;
    }

    /**
     * Scrolls the requested node into view in the laid-out window (the desktop-size layout decides where it is), once:
     * the next picture starts from the top again.
     */
    void arrange(javafx.scene.Parent root) {
        var target = scrollTarget;
        scrollTarget = null;
        if (target == null) {
            return;
        }
        Node node = target.apply(root);
        Node at = node.getParent();
        while (at != null && !(at instanceof javafx.scene.control.ScrollPane)) {
            at = at.getParent();
        }
        if (!(at instanceof javafx.scene.control.ScrollPane scroll)) {
            throw new IllegalStateException(node + " is not inside a scroll pane");
        }
        Node content = scroll.getContent();
        double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
        double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room) * (scroll.getVmax() - scroll.getVmin()) + scroll.getVmin());
        root.applyCss();
        root.layout();
    }

    public ChangePlan plan(long id) {
        return demo.as("carol").plans().plan(id).orElseThrow();
    }

    @Override
    public void close() {
        if (workbench != null) {
            robot.interact(() -> {
                workbench.viewModel().stopAlertWatch();
                workbench.view().dispose();
                stage.hide();
            });
        }
        demo.close();
    }
}
