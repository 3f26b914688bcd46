package io.knobwright.app.ui.welcome;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.model.fleet.Instance;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The welcome: what the demo fleet holds (read from the store, {@link FleetTour}), what each screen is for, and the way
 * on: connect a first instance (the primary action, {@link ConnectFormViewModel}), explore the demo, or remove it.
 * Closing it in any way dismisses it for good in this store (decision 0145); the Help menu opens it again.
 */
public final class WelcomeViewModel {

    /** The two steps of the welcome. */
    public enum Page { WELCOME, CONNECT }

    /** One screen of the main window and what it is for, in one line. */
    public record ScreenLine(String screen, String purpose) {
        public ScreenLine {
            Objects.requireNonNull(screen, "screen");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** What the welcome asks of the main window. */
    public interface Actions {
        /** An instance was registered: show it in the fleet. */
        void registered(Instance instance);

        /** The user asked to remove the demo fleet (the main window confirms it). */
        void removeDemoFleet();
    }

    /** The main window's screens in tab order; a test keeps this list in step with the tabs. */
    public static final List<ScreenLine> SCREENS = List.of(
            new ScreenLine("Fleet", "every instance with its engine, tier, template and drift; add, import and edit them here."),
            new ScreenLine("Workload", "what an instance's queries do: profile, top statements, patterns and imported logs."),
            new ScreenLine("Health", "one instance's connections, storage forecast, backups and index advice."),
            new ScreenLine("What-if", "what a change of settings would do, predicted before it reaches a server."),
            new ScreenLine("Alerts", "what needs attention across the fleet, and who acknowledged it."),
            new ScreenLine("Operations", "emergency overrides counting down to their restore, and pending restarts."),
            new ScreenLine("Templates", "proven configurations, with parents, to stamp onto instances."),
            new ScreenLine("Plans", "change plans made from templates: review, apply, PDF for the change board."),
            new ScreenLine("Compare", "two instances, or an instance and a template, setting by setting."),
            new ScreenLine("Policy", "locked parameters, approval rules and who may approve."),
            new ScreenLine("Recommendations", "which settings to change, why, and what it will do; accept into a plan."));

    private final WelcomeDesk desk;
    private final BackgroundWork work;
    private final Actions actions;
    private final ObservableIntegerValue alertsNeedingAttention;
    private final ConnectFormViewModel connect;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.WELCOME);
    private final ObservableList<String> tour = FXCollections.observableArrayList();
    /**
     * One read-only view of the tour for the life of the view-model: an unmodifiable wrapper holds its source's
     * listener weakly, so a new wrapper per call could be collected and silently stop telling its listeners.
     */
    private final ObservableList<String> tourView = FXCollections.unmodifiableObservableList(tour);
    private final ReadOnlyStringWrapper tourProblem = new ReadOnlyStringWrapper(this, "tourProblem", "");
    private final ReadOnlyBooleanWrapper hasDemo = new ReadOnlyBooleanWrapper(this, "hasDemo");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private List<String> fromStore = List.of();

    /**
     * @param namesInUse             lower-case names already in the fleet
     * @param environment            looks up environment variables (System::getenv in the app)
     * @param alertsNeedingAttention the main window's live count of alerts nobody acknowledged
     */
    public WelcomeViewModel(WelcomeDesk desk, FleetService fleet, BackgroundWork work, Set<String> namesInUse,
                            UnaryOperator<String> environment, ObservableIntegerValue alertsNeedingAttention, Actions actions) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.work = Objects.requireNonNull(work, "work");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.alertsNeedingAttention = Objects.requireNonNull(alertsNeedingAttention, "alertsNeedingAttention");
        this.connect = new ConnectFormViewModel(fleet, desk.tester(), work, namesInUse, environment, instance -> {
            close();
            actions.registered(instance);
        });
        alertsNeedingAttention.subscribe(n -> showTour());
    }

    /** Reads the tour from the store in the background. */
    public void load() {
        work.io("Read the fleet for the welcome", desk.tour(), read -> {
            fromStore = read.sentences();
            hasDemo.set(read.demoInstances() > 0);
            tourProblem.set("");
            showTour();
        }, tourProblem::set);
    }

    private void showTour() {
        if (fromStore.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(fromStore);
        int alerts = alertsNeedingAttention.get();
        lines.add(alerts > 0 ? Formats.count(alerts, "alert needs", "alerts need") + " attention: the Alerts screen lists "
                + (alerts == 1 ? "it" : "them") + ", worst first."
                : "No alert needs attention now; the Alerts screen shows what the last evaluation found.");
        tour.setAll(lines);
    }

    /** The primary action: on to the guided connection form. */
    public void connectFirstInstance() {
        page.set(Page.CONNECT);
    }

    public void back() {
        page.set(Page.WELCOME);
    }

    /** Closes the welcome on the demo fleet. */
    public void exploreDemo() {
        close();
    }

    /** Closes the welcome and asks the main window to remove the demo fleet. */
    public void removeDemoFleet() {
        close();
        actions.removeDemoFleet();
    }

    /** Closes the welcome (Esc, the window's close box, any way out): it does not open by itself again in this store. */
    public void close() {
        if (closed.get()) {
            return;
        }
        closed.set(true);
        work.io("Remember that the welcome was seen", () -> {
            desk.dismiss().run();
            return true;
        }, done -> { }, problem -> {
            // logged by BackgroundWork; the user loses nothing but sees the welcome once more at the next start
        });
    }

    public ConnectFormViewModel connect() {
        return connect;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The tour in sentences, from the store and the main window's alerts. */
    public ObservableList<String> tour() {
        return tourView;
    }

    /** Why the tour could not be read; empty when it was. */
    public ReadOnlyStringProperty tourProblemProperty() {
        return tourProblem.getReadOnlyProperty();
    }

    /** The store holds demo instances: removing them is offered. */
    public ReadOnlyBooleanProperty hasDemoProperty() {
        return hasDemo.getReadOnlyProperty();
    }

    /** True once the welcome was closed; the window follows. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }
}
