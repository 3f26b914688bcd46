package io.knobwright.app.ui.plan;

import io.knobwright.app.plan.PlanService;
import io.knobwright.app.testing.SampleTemplates;
import io.knobwright.app.ui.FakeFleetService;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.HeldTaskRunner;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.store.StoreException;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PlansViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
    private PlanService plans;

    @BeforeEach
    void snapshots() {
        // orders-pg-prod-01 (PostgreSQL 16, 64 GB RAM) runs with 128MB shared buffers, reported in 8kB pages.
        fleet.snapshots.put(1L, new SettingsSnapshot(1, Instant.parse("2026-03-01T08:00:00Z"), "16.2", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "configuration file", true),
                new LiveSetting("work_mem", "4096", "kB", "default", false))));
        fleet.snapshots.put(2L, new SettingsSnapshot(2, Instant.parse("2026-03-01T08:00:00Z"), "16.2", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "configuration file", true))));
        plans = SampleTemplates.over(fleet, Clock.fixed(NOW, ZoneOffset.UTC)).plans();
    }

    private PlansViewModel loaded() {
        PlansViewModel vm = new PlansViewModel(plans, Fixtures.inline(), BERLIN);
        vm.refresh();
        return vm;
    }

    private ChangePlan plan(String template, long instance) {
        return plans.createPlans(template, List.of(instance), false, n -> { }).plans().getFirst();
    }

    @Test
    void withoutPlansTheTableSaysWhereTheyComeFrom() {
        PlansViewModel vm = loaded();
        assertThat(vm.plans()).isEmpty();
        assertThat(vm.placeholderProperty().get())
                .isEqualTo("No plans yet: open Templates and create plans for instances.");
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void plansAreListedNewestFirstWithWhatAReviewerScansFor() {
        ChangePlan older = plan("postgresql-oltp", 1);
        ChangePlan newer = plan("postgresql-olap", 2);
        PlansViewModel vm = loaded();

        assertThat(vm.plans()).extracting(PlanRow::id).containsExactly(newer.id(), older.id());
        PlanRow row = vm.plans().get(1);
        assertThat(row.instance()).isEqualTo("orders-pg-prod-01");
        assertThat(row.template()).isEqualTo("postgresql-oltp@1");
        // Created at 10:30 UTC reads in the workbench's zone.
        assertThat(row.created()).isEqualTo("2026-03-02 11:30");
        assertThat(row.author()).isEqualTo("bench");
        assertThat(row.changeCount()).isEqualTo(older.changes().size()).isPositive();
        assertThat(row.restartText()).isEqualTo("yes");
        assertThat(row.baselineKind()).isEqualTo("snapshot");
        assertThat(row.status()).isEqualTo("Draft");
        assertThat(vm.statusTextProperty().get()).isEqualTo("2 plans");
    }

    @Test
    void selectingAPlanShowsItsChangesInReadableUnitsWithProvenance() {
        ChangePlan made = plan("postgresql-oltp", 1);
        PlansViewModel vm = loaded();

        assertThat(vm.select(made.id())).isTrue();

        assertThat(vm.detailTitleProperty().get()).isEqualTo("Plan #" + made.id() + " for orders-pg-prod-01");
        assertThat(vm.detailTemplateProperty().get()).isEqualTo("postgresql-oltp v1");
        assertThat(vm.detailBaselineProperty().get()).isEqualTo("snapshot of 2026-03-01 09:00");
        assertThat(vm.detailCountsProperty().get()).startsWith(made.changes().size() + " changes · ")
                .contains("need a restart");
        PlanChangeRow sharedBuffers = vm.changes().stream().filter(c -> c.parameter().equals("shared_buffers"))
                .findFirst().orElseThrow();
        // 16384 x 8kB and a quarter of 64 GB, as a DBA says them.
        assertThat(sharedBuffers.from()).isEqualTo("128MB");
        assertThat(sharedBuffers.to()).isEqualTo("16GB");
        assertThat(sharedBuffers.rawFrom()).isEqualTo("16384 8kB");
        assertThat(sharedBuffers.applyMode()).isEqualTo(ApplyMode.RESTART);
        assertThat(sharedBuffers.restartNeeded()).isTrue();
        assertThat(sharedBuffers.provenance()).startsWith("postgresql-base v1: ").contains("RAM");
        // A parameter the snapshot does not report has no "from".
        assertThat(vm.changes()).anySatisfy(c -> assertThat(c.from()).isEqualTo("—"));
    }

    @Test
    void aPlanMadeWithoutReadingTheInstanceSaysItHasNoBaselineAndWhatToDo() {
        // payments-pg-prod-01 has never been read.
        ChangePlan blind = plan("postgresql-oltp", 3);
        ChangePlan read = plan("postgresql-oltp", 1);
        PlansViewModel vm = loaded();

        PlanRow blindRow = vm.plans().stream().filter(r -> r.id() == blind.id()).findFirst().orElseThrow();
        assertThat(blindRow.baselineKind()).isEqualTo("none");
        assertThat(blindRow.hasBaseline()).isFalse();
        vm.select(blind.id());
        assertThat(vm.detailHasBaselineProperty().get()).isFalse();
        assertThat(vm.detailBaselineProperty().get()).isEqualTo("none: no settings read before planning");
        assertThat(vm.detailBaselineWarningProperty().get()).isEqualTo("Every \"from\" is unknown: no settings were read"
                + " from payments-pg-prod-01 before planning, so every value the template sets is listed as a change."
                + " Refresh it from its server and create the plan again.");
        assertThat(vm.changes()).allSatisfy(c -> assertThat(c.from()).isEqualTo("—"));

        vm.select(read.id());
        assertThat(vm.detailHasBaselineProperty().get()).isTrue();
        assertThat(vm.detailBaselineProperty().get()).isEqualTo("snapshot of 2026-03-01 09:00");
        assertThat(vm.detailBaselineWarningProperty().get()).isEmpty();
    }

    @Test
    void searchNarrowsThePlansAndSelectingAHiddenPlanClearsIt() {
        ChangePlan oltp = plan("postgresql-oltp", 1);
        plan("postgresql-olap", 2);
        PlansViewModel vm = loaded();

        vm.searchTextProperty().set("OLAP stg");
        assertThat(vm.plans()).extracting(PlanRow::instance).containsExactly("orders-pg-stg-01");
        assertThat(vm.statusTextProperty().get()).isEqualTo("2 plans · 1 shown");
        vm.searchTextProperty().set("nothing-like-this");
        assertThat(vm.placeholderProperty().get()).isEqualTo("No plan matches the search.");

        vm.select(oltp.id());
        assertThat(vm.searchTextProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().id()).isEqualTo(oltp.id());
    }

    @Test
    void aPlanAskedForWhileThePlansLoadIsSelectedOnceTheyAreIn() {
        HeldTaskRunner held = new HeldTaskRunner();
        PlansViewModel vm = new PlansViewModel(plans, new BackgroundWork(held, Runnable::run, (action, details) -> { }), BERLIN);
        ChangePlan made = plan("postgresql-oltp", 1);

        vm.refresh();
        assertThat(vm.select(made.id())).isFalse();
        assertThat(vm.placeholderProperty().get()).isEqualTo("Loading plans…");
        held.completeAll();

        assertThat(vm.selectedProperty().get().id()).isEqualTo(made.id());
        assertThat(vm.changes()).hasSize(made.changes().size());
    }

    @Test
    void plansThatCannotBeReadEndInAMessage() {
        PlansViewModel vm = new PlansViewModel(plans, new BackgroundWork(new TaskRunner() {
            @Override
            public <T> CompletableFuture<T> io(Supplier<T> work) {
                return CompletableFuture.failedFuture(new StoreException("The store is locked by another workbench."));
            }

            @Override
            public <T> CompletableFuture<T> cpu(Supplier<T> work) {
                return io(work);
            }
        }, Runnable::run, (action, details) -> { }), BERLIN);

        vm.refresh();

        assertThat(vm.messageProperty().get()).isEqualTo("Load the plans failed: The store is locked by another workbench.");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
