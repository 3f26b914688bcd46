package io.knobwright.app.ui.template;

import io.knobwright.app.template.PlanCandidate;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan dialog's choices and counts, without a toolkit. */
class PlanTargetsViewModelTest {

    private static final Instant READ = Instant.parse("2026-03-01T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    // The small fleet's PostgreSQL instances: 1 orders-pg-prod-01, 2 orders-pg-stg-01, 3 payments-pg-prod-01, 8 search-pg-dev-01.
    private final List<Instance> fleet = Fixtures.smallFleet();
    private final Instance ordersProd = fleet.get(0);
    private final Instance ordersStaging = fleet.get(1);
    private final Instance paymentsProd = Fixtures.connected(fleet.get(2), "jdbc:postgresql://pay1:5432/postgres", CredentialRef.NONE);
    private final Instance search = fleet.get(7);

    /** orders-pg-stg-01 follows and was never read; payments-pg-prod-01 was never read but can be; the rest were read. */
    private PlanTargetsViewModel dialog() {
        return new PlanTargetsViewModel("postgresql-oltp", Engine.POSTGRESQL, List.of(
                new PlanCandidate(search, false, READ),
                new PlanCandidate(paymentsProd, false, null),
                new PlanCandidate(ordersStaging, true, null),
                new PlanCandidate(ordersProd, true, READ)), BERLIN);
    }

    private static List<String> chosen(PlanTargetsViewModel vm) {
        return vm.targets().stream().filter(t -> t.chosenProperty().get()).map(PlanTarget::name).toList();
    }

    @Test
    void theInstancesFollowingTheTemplateComeFirstAndAreTickedTheOthersAreOffered() {
        PlanTargetsViewModel vm = dialog();

        assertThat(vm.targets()).extracting(PlanTarget::name).containsExactly(
                "orders-pg-prod-01", "orders-pg-stg-01", "payments-pg-prod-01", "search-pg-dev-01");
        assertThat(chosen(vm)).containsExactly("orders-pg-prod-01", "orders-pg-stg-01");
        assertThat(vm.followingCount()).isEqualTo(2);
        assertThat(vm.targets()).extracting(PlanTarget::detail).containsExactly(
                "follows · settings read 2026-03-01 09:00",
                "follows · no settings read",
                "no settings read",
                "settings read 2026-03-01 09:00");
        assertThat(vm.createLabelProperty().get()).isEqualTo("Create 2 plans");
        assertThat(vm.request().instanceIds()).containsExactly(ordersProd.id(), ordersStaging.id());
    }

    @Test
    void theSummarySaysHowManyChosenPlansWouldHaveNoBaseline() {
        PlanTargetsViewModel vm = dialog();

        assertThat(vm.withoutBaselineProperty().get()).isEqualTo(1);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 of 4 instances chosen. 1 has no settings read: its plan gets"
                + " no baseline, so every value postgresql-oltp sets shows as a change from an unknown value. Refresh it"
                + " in the Fleet screen or read connected servers first.");

        vm.chooseShown(true);
        assertThat(vm.request().instanceIds()).hasSize(4);
        assertThat(vm.withoutBaselineProperty().get()).isEqualTo(2);
        assertThat(vm.summaryProperty().get()).startsWith("4 of 4 instances chosen. 2 have no settings read: their plans get no baseline");

        // Reading connected servers first gives payments-pg-prod-01 a baseline; orders-pg-stg-01 has no connection.
        vm.liveProperty().set(true);
        assertThat(vm.withoutBaselineProperty().get()).isEqualTo(1);
        assertThat(vm.request().live()).isTrue();
    }

    @Test
    void searchNarrowsTheListAndTheQuickChoicesActOnWhatItShows() {
        PlanTargetsViewModel vm = dialog();

        vm.searchProperty().set("PROD");
        assertThat(vm.shown()).extracting(PlanTarget::name).containsExactly("orders-pg-prod-01", "payments-pg-prod-01");
        vm.chooseShown(false);
        assertThat(chosen(vm)).containsExactly("orders-pg-stg-01");
        vm.searchProperty().set("team=payments");
        vm.chooseShown(true);
        assertThat(chosen(vm)).containsExactly("orders-pg-stg-01", "payments-pg-prod-01");

        vm.searchProperty().set("");
        vm.chooseFollowing();
        assertThat(chosen(vm)).containsExactly("orders-pg-prod-01", "orders-pg-stg-01");
    }

    @Test
    void nothingChosenCannotBeCreatedAndSaysWhatToDo() {
        PlanTargetsViewModel vm = dialog();
        vm.targets().forEach(t -> t.chosenProperty().set(false));

        assertThat(vm.canCreateProperty().get()).isFalse();
        assertThat(vm.createLabelProperty().get()).isEqualTo("Create plans");
        assertThat(vm.summaryProperty().get()).isEqualTo("No instance chosen: tick the ones to plan for.");

        vm.targets().get(3).chosenProperty().set(true);
        assertThat(vm.canCreateProperty().get()).isTrue();
        assertThat(vm.createLabelProperty().get()).isEqualTo("Create 1 plan");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 4 instances chosen.");
    }

    @Test
    void anEngineWithoutInstancesSaysSo() {
        PlanTargetsViewModel vm = new PlanTargetsViewModel("oracle-olap", Engine.ORACLE, List.of(), BERLIN);
        assertThat(vm.canCreateProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("No Oracle instance in the fleet: add one in the Fleet screen first.");
    }
}
