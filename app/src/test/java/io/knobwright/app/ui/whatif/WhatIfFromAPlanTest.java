package io.knobwright.app.ui.whatif;

import io.knobwright.app.AppContext;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.app.ui.workbench.WorkbenchViewModel;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.policy.RiskReason;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Simulate this plan" from end to end over a real store (decision 0140): the Plans screen opens the plan on the
 * What-if screen, the prediction is attached, and the plan's review then carries it and the risk it adds.
 */
class WhatIfFromAPlanTest {

    /** The screens under test ask nothing; every question would be answered "no". */
    private static final io.knobwright.app.ui.common.DialogService NO_DIALOGS = new io.knobwright.app.ui.common.DialogService() {
        public boolean confirm(String title, String message, String confirmLabel) { return false; }
        public Optional<java.nio.file.Path> chooseInventoryFile() { return Optional.empty(); }
        public Optional<java.nio.file.Path> chooseFileToOpen(String title, String kind, java.util.List<String> patterns) {
            return Optional.empty();
        }
        public Optional<java.nio.file.Path> chooseFileToSave(String title, String kind, java.util.List<String> patterns,
                                                             String suggestedName) {
            return Optional.empty();
        }
        public Optional<Instance> editInstance(io.knobwright.app.ui.instance.InstanceEditorViewModel editor) {
            return Optional.empty();
        }
        public void showImportReport(java.nio.file.Path file, io.knobwright.model.fleet.inventory.ImportReport report) { }
        public Optional<String> chooseTemplate(Instance instance, java.util.List<io.knobwright.model.template.TemplateVersion>
                candidates, io.knobwright.model.template.TemplateAssignment current) {
            return Optional.empty();
        }
        public void showBug(String action, String details) {
            throw new AssertionError(action + ": " + details);
        }
    };

    @Test
    void aPlanOpenedOnTheWhatIfScreenAndAttachedShowsInItsReviewAndRisk() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("whatif-plan-" + UUID.randomUUID(), true)) {
            AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                    k -> null);
            Instance target = context.fleet().list().stream()
                    .filter(i -> i.engine() == Engine.POSTGRESQL && context.fleet().latestSnapshot(i.id()).isPresent())
                    .findFirst().orElseThrow();
            ChangePlan plan = context.plans().createPlan("postgresql-oltp", target.name(), false);
            WorkbenchGovernance governance = WorkbenchGovernance.of(context).withWhatIf(new WhatIfDesk(new FakeWhatIf(),
                    WhatIfDesk.none().experiments(), context.planSimulations(), "tester", Clock.systemUTC()));
            WorkbenchViewModel vm = new WorkbenchViewModel(context.fleet(), context.templates(), context.plans(),
                    (id, v) -> Optional.empty(), Fixtures.inline(), NO_DIALOGS,
                    new io.knobwright.app.ui.template.ScriptedTemplateDialogs(), k -> null, ZoneOffset.UTC, governance);

            vm.plans().refresh();
            vm.plans().select(plan.id());
            vm.plans().simulateSelected();

            assertThat(vm.screenProperty().get()).isEqualTo(WorkbenchViewModel.Screen.WHATIF);
            WhatIfViewModel whatIf = vm.whatIf();
            assertThat(whatIf.planProperty().get().id()).isEqualTo(plan.id());
            assertThat(whatIf.instanceProperty().get().id()).isEqualTo(target.id());
            assertThat(whatIf.scenarioNames()).containsExactly("current", "plan #" + plan.id());
            whatIf.attachToPlan();
            assertThat(whatIf.messageProperty().get()).startsWith("Attached to plan #" + plan.id());

            PlanReview review = context.governance().review(plan.id());
            assertThat(review.simulation()).hasValueSatisfying(s -> {
                assertThat(s.attachedBy()).isEqualTo("tester");
                assertThat(s.scenarios()).extracting(sc -> sc.name()).containsExactly("current", "plan #" + plan.id());
            });
            assertThat(review.risk().reasons()).extracting(RiskReason::text)
                    .anySatisfy(t -> assertThat(t).startsWith("predicted"));

            // coming back to the tab with the plan shown keeps it; the fleet's selection replaces it while in front
            vm.showWhatIf();
            assertThat(whatIf.planProperty().get()).isNotNull();
        }
    }

    @Test
    void aRemovedPlanSaysSoOnTheMessageLine() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("whatif-gone-" + UUID.randomUUID(), false)) {
            AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                    k -> null);
            WorkbenchViewModel vm = new WorkbenchViewModel(context.fleet(), context.templates(), context.plans(),
                    (id, v) -> Optional.empty(), Fixtures.inline(), NO_DIALOGS,
                    new io.knobwright.app.ui.template.ScriptedTemplateDialogs(), k -> null, ZoneOffset.UTC, WorkbenchGovernance.of(context));
            vm.simulatePlan(4242);
            assertThat(vm.messageProperty().get()).isEqualTo("Open plan #4242 in the what-if failed: Plan #4242 is no longer"
                    + " in the store.");
            assertThat(vm.screenProperty().get()).isEqualTo(WorkbenchViewModel.Screen.FLEET);
        }
    }
}
