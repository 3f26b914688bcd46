package io.knobwright.app.ui.welcome;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.workbench.WorkbenchViewModel;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The welcome over a real demo store: its tour tells what the store holds, and every way out dismisses it for good. */
class WelcomeViewModelTest {

    private final AppContext context = DemoWorkbench.context("welcome-vm");
    private final SimpleIntegerProperty alerts = new SimpleIntegerProperty();
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void closeStore() {
        context.close();
    }

    private WelcomeViewModel welcome() {
        WelcomeViewModel vm = new WelcomeViewModel(WelcomeDesk.of(context), context.fleet(), Fixtures.inline(), Set.of(),
                k -> null, alerts, new WelcomeViewModel.Actions() {
            @Override
            public void registered(Instance instance) {
                asked.add("registered " + instance.name());
            }

            @Override
            public void removeDemoFleet() {
                asked.add("remove demo");
            }
        });
        vm.load();
        return vm;
    }

    @Test
    void theTourCountsTheDemoFleetAsTheStoreHoldsIt() {
        List<Instance> fleet = context.fleet().list();
        Map<Engine, Long> engines = fleet.stream().collect(Collectors.groupingBy(Instance::engine, Collectors.counting()));
        Map<Tier, Long> tiers = fleet.stream().collect(Collectors.groupingBy(Instance::tier, Collectors.counting()));

        WelcomeViewModel vm = welcome();

        String first = vm.tour().getFirst();
        assertThat(first).startsWith("The demo fleet has " + fleet.size() + " instances: ")
                .contains("They are inventory only");
        engines.forEach((engine, n) -> assertThat(first).contains(n + " " + engine.displayName()));
        tiers.forEach((tier, n) -> assertThat(vm.tour().get(1)).contains(n + " " + tier.label().toLowerCase(Locale.ROOT)));
        int assigned = context.templates().assignments().size();
        assertThat(assigned).as("the demo seeds templates for part of the fleet").isPositive();
        assertThat(vm.tour()).anyMatch(line -> line.startsWith(assigned + " instances follow a template"));
        assertThat(vm.tour()).contains("No change plan awaits review yet: a plan starts from a template on the Templates screen.",
                "No emergency override is in force: one would count down to its restore on the Operations screen.");
        assertThat(vm.hasDemoProperty().get()).isTrue();
    }

    @Test
    void theAlertsLineFollowsTheMainWindowsLiveCount() {
        WelcomeViewModel vm = welcome();
        assertThat(vm.tour().getLast()).startsWith("No alert needs attention now");

        alerts.set(3);

        assertThat(vm.tour().getLast()).isEqualTo("3 alerts need attention: the Alerts screen lists them, worst first.");
    }

    @Test
    void aPlanAwaitingReviewAndTheUsersOwnInstancesAreCounted() {
        FleetTour tour = FleetTour.read(context.fleet().list(), 0, 1, 2);

        assertThat(tour.sentences()).contains("1 change plan awaits review: the Reviews panel (Ctrl+Shift+A) opens it.",
                "2 emergency overrides are in force: the Operations screen counts down to each restore.");
        assertThat(FleetTour.read(List.of(), 0, 0, 0).sentences().getFirst())
                .isEqualTo("The fleet is empty: there is no demo fleet in this store.");
    }

    @Test
    void connectingIsTheFirstStepAndBackReturns() {
        WelcomeViewModel vm = welcome();

        vm.connectFirstInstance();
        assertThat(vm.pageProperty().get()).isEqualTo(WelcomeViewModel.Page.CONNECT);
        vm.back();
        assertThat(vm.pageProperty().get()).isEqualTo(WelcomeViewModel.Page.WELCOME);
    }

    @Test
    void closingDismissesTheWelcomeInTheStore() {
        assertThat(context.welcomeDue()).as("a new store owes its user the welcome").isTrue();
        WelcomeViewModel vm = welcome();

        vm.exploreDemo();

        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(context.welcomeDue()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void removingTheDemoClosesTheWelcomeAndAsksTheMainWindow() {
        WelcomeViewModel vm = welcome();

        vm.removeDemoFleet();

        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(asked).containsExactly("remove demo");
        assertThat(context.welcomeDue()).isFalse();
    }

    @Test
    void everyScreenOfTheMainWindowHasItsLineInTabOrder() {
        assertThat(WelcomeViewModel.SCREENS).extracting(line -> line.screen().replace("-", "").toUpperCase(Locale.ROOT))
                .containsExactlyElementsOf(Arrays.stream(WorkbenchViewModel.Screen.values()).map(Enum::name).toList());
    }
}
