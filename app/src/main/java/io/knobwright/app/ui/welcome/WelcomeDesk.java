package io.knobwright.app.ui.welcome;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.plan.PlanState;

import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the welcome needs from below the UI, every call blocking (the view-models run them in the background): the
 * tour of the fleet as stored, whether this store's first-run welcome is still due, how to dismiss it for good
 * (decision 0145), and the full connection test of "connect your first instance".
 */
public record WelcomeDesk(Supplier<FleetTour> tour, BooleanSupplier due, Runnable dismiss, ConnectionTester tester) {

    /** The connection test with privileges ({@link io.knobwright.connectors.EngineConnector#check}). */
    @FunctionalInterface
    public interface ConnectionTester {
        ConnectionReport test(String jdbcUrl, String user, String password);
    }

    public WelcomeDesk {
        Objects.requireNonNull(tour, "tour");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(dismiss, "dismiss");
        Objects.requireNonNull(tester, "tester");
    }

    /** Over the app's store and connectors. */
    public static WelcomeDesk of(AppContext context) {
        return new WelcomeDesk(() -> FleetTour.read(context.fleet().list(), context.templates().assignments().size(),
                context.plans().inStates(Set.of(PlanState.SUBMITTED)).size(), context.overrides().live().size()),
                context::welcomeDue, context::dismissWelcome, tester(context.connectors()));
    }

    /**
     * For windows without a store of their own (tests of other screens): an empty tour, never due on its own, nothing
     * to dismiss; the connection test still reaches real servers.
     */
    public static WelcomeDesk none() {
        return new WelcomeDesk(FleetTour::empty, () -> false, () -> { }, tester(Connectors.defaultRegistry()));
    }

    /** The same with another tester (tests give one over scripted reports). */
    public WelcomeDesk withTester(ConnectionTester other) {
        return new WelcomeDesk(tour, due, dismiss, other);
    }

    private static ConnectionTester tester(ConnectorRegistry connectors) {
        return (url, user, password) -> connectors.forUrl(url).check(new ConnectionTarget(url, user, password));
    }
}
