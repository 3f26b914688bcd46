package io.knobwright.app.ui.workbench;

import io.knobwright.app.AppContext;
import io.knobwright.app.testing.SampleTemplates;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.FakeFleetService;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.common.DialogService;
import io.knobwright.app.ui.instance.InstanceDetailViewModel;
import io.knobwright.app.ui.instance.InstanceEditorViewModel;
import io.knobwright.app.ui.template.ScriptedTemplateDialogs;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.store.StoreException;
import io.knobwright.model.task.TaskRunner;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbenchViewModelTest {

    /** Answers dialogs the way a test scripts them, and remembers what was asked. */
    static final class ScriptedDialogs implements DialogService {
        boolean confirmAnswer = true;
        Path file;
        Function<InstanceEditorViewModel, Optional<Instance>> editor = e -> Optional.empty();
        final List<String> asked = new ArrayList<>();
        ImportReport shownReport;
        /** Answers the template question; gets the offered templates' names. */
        Function<List<String>, Optional<String>> template = names -> Optional.empty();
        List<String> offeredTemplates;
        /** Each bug shown: action, then the details the dialog offers to copy. */
        final List<String[]> bugs = new ArrayList<>();

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            asked.add(message);
            return confirmAnswer;
        }

        @Override
        public Optional<Path> chooseInventoryFile() {
            return Optional.ofNullable(file);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns) {
            return Optional.ofNullable(file);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggestedName) {
            return Optional.ofNullable(file);
        }

        @Override
        public Optional<Instance> editInstance(InstanceEditorViewModel vm) {
            return editor.apply(vm);
        }

        @Override
        public void showImportReport(Path f, ImportReport report) {
            shownReport = report;
        }

        @Override
        public Optional<String> chooseTemplate(Instance instance, List<TemplateVersion> candidates,
                                               TemplateAssignment current) {
            offeredTemplates = candidates.stream().map(TemplateVersion::name).toList();
            return template.apply(offeredTemplates);
        }

        @Override
        public void showBug(String action, String details) {
            bugs.add(new String[] {action, details});
        }
    }

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    /** Governance for the view-models over fake fleets; these tests do not use it. */
    private final KnobwrightStore governanceStore = Fixtures.emptyStore("workbench-vm");

    @AfterEach
    void closeGovernanceStore() {
        governanceStore.close();
    }

    private TemplateService templates;

    /** Synchronous work whose bugs reach {@link #dialogs}, as the app wires it. */
    private BackgroundWork work() {
        return new BackgroundWork(TaskRunner.inline(), Runnable::run, dialogs::showBug);
    }

    private WorkbenchViewModel workbench(FakeFleetService fleet) {
        SampleTemplates sample = SampleTemplates.over(fleet, Clock.systemUTC());
        templates = sample.templates();
        WorkbenchViewModel vm = new WorkbenchViewModel(fleet, templates, sample.plans(), (id, v) -> Optional.empty(),
                work(), dialogs, new ScriptedTemplateDialogs(),
                k -> null, ZoneOffset.UTC, Fixtures.governance(governanceStore, "tester"));
        vm.refresh();
        return vm;
    }

    private static List<Instance> demoFleet() {
        return Fixtures.smallFleet().stream().map(Fixtures::demo).toList();
    }

    @Test
    void aDemoFleetIsAnnouncedWithABanner() {
        WorkbenchViewModel vm = workbench(new FakeFleetService(demoFleet()));
        assertThat(vm.demoBannerProperty().get())
                .isEqualTo("This is a demo fleet. Remove it when you add your own instances.");
        assertThat(vm.hasDemo().get()).isTrue();
    }

    @Test
    void removingTheDemoFleetAsksFirstAndKeepsOwnInstances() {
        List<Instance> mixed = new ArrayList<>(demoFleet());
        mixed.set(0, Fixtures.smallFleet().get(0));
        FakeFleetService fleet = new FakeFleetService(mixed);
        WorkbenchViewModel vm = workbench(fleet);
        assertThat(vm.demoBannerProperty().get()).startsWith("7 demo instances are mixed into your fleet");

        dialogs.confirmAnswer = false;
        vm.removeDemoFleet();
        assertThat(fleet.calls).doesNotContain("removeDemoFleet");

        dialogs.confirmAnswer = true;
        vm.removeDemoFleet();
        assertThat(dialogs.asked.getLast()).isEqualTo(
                "Remove the 7 demo instances? Instances you added or imported stay.");
        assertThat(vm.browser().totalCountProperty().get()).isEqualTo(1);
        assertThat(vm.demoBannerProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed 7 demo instances.");
    }

    @Test
    void removingAnInstanceNeedsConfirmationAndClearsTheDetail() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        WorkbenchViewModel vm = workbench(fleet);
        vm.browser().select(4);
        assertThat(vm.detail().instanceProperty().get().name()).isEqualTo("payments-my-prod-01");

        vm.removeSelected();

        assertThat(dialogs.asked.getLast()).startsWith("Remove 'payments-my-prod-01' from the fleet?");
        assertThat(fleet.calls).contains("remove 4");
        assertThat(vm.browser().totalCountProperty().get()).isEqualTo(7);
        assertThat(vm.detail().instanceProperty().get()).isNull();
    }

    @Test
    void anAddedInstanceIsSelectedAndAnnounced() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        fleet.probe = url -> FakeFleetService.server(new EngineVersion(Engine.MARIADB, "10.11"), "10.11.9-MariaDB");
        dialogs.editor = editor -> {
            editor.nameProperty().set("shop-maria-prod-01");
            editor.jdbcUrlProperty().set("jdbc:mariadb://shop1:3306/");
            editor.save();
            return Optional.ofNullable(editor.savedProperty().get());
        };
        WorkbenchViewModel vm = workbench(fleet);

        vm.addInstance();

        assertThat(vm.browser().totalCountProperty().get()).isEqualTo(9);
        assertThat(vm.detail().instanceProperty().get().name()).isEqualTo("shop-maria-prod-01");
        assertThat(vm.messageProperty().get()).isEqualTo("Added shop-maria-prod-01.");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
    }

    @Test
    void importShowsTheReportAndSummarisesIt() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        Instance imported = Fixtures.instance(20, "hr-pg-prod-01", Engine.POSTGRESQL, "16", null, null, null, null);
        fleet.importer = p -> new ImportReport(List.of(imported), List.of(
                new ImportReport.RejectedRow(4, "Unknown engine 'db2'. Use one of: postgresql, mysql, mariadb, sqlserver, oracle."),
                new ImportReport.RejectedRow(9, "An instance needs a name")));
        dialogs.file = Path.of("/tmp/hosts.csv");
        WorkbenchViewModel vm = workbench(fleet);

        vm.importInventory();

        assertThat(dialogs.shownReport.rejected()).hasSize(2);
        assertThat(vm.messageProperty().get()).isEqualTo("1 imported, 2 rejected from hosts.csv.");
        assertThat(vm.browser().totalCountProperty().get()).isEqualTo(9);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void refreshRereadsTheSelectedInstancesSettings() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        WorkbenchViewModel vm = workbench(fleet);
        vm.browser().select(1);
        assertThat(vm.detail().placeholderProperty().get()).isEqualTo(InstanceDetailViewModel.NO_SNAPSHOT);

        fleet.snapshots.put(1L, new SettingsSnapshot(1, Instant.parse("2026-03-02T08:00:00Z"), "16.2",
                List.of(new LiveSetting("work_mem", "65536", "kB", "configuration file", false))));
        vm.refresh();

        assertThat(vm.detail().settings()).extracting(s -> s.name()).containsExactly("work_mem");
    }

    @Test
    void cancellingTheFileChooserImportsNothing() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        WorkbenchViewModel vm = workbench(fleet);
        vm.importInventory();
        assertThat(fleet.calls).noneMatch(c -> c.startsWith("import"));
    }

    @Test
    void aStoreThatCannotBeReadEndsInAMessageNotAnEmptyWindowWithoutExplanation() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        fleet.listFailure = new StoreException("The store at ~/.knobwright is locked by another workbench. Close it and retry.");
        WorkbenchViewModel vm = workbench(fleet);
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Load the fleet failed: The store at ~/.knobwright is locked "
                + "by another workbench. Close it and retry.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.bugs).isEmpty();
    }

    @Test
    void anUnexpectedFailureOpensTheBugDialogWithDetailsToCopyAndNeverShowsTheRawException() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        fleet.listFailure = new NullPointerException("Cannot invoke \"Instance.name()\" because \"i\" is null");
        WorkbenchViewModel vm = workbench(fleet);

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Load the fleet failed because of a bug in Knobwright. The bug report window has the details to copy.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.bugs).singleElement().satisfies(bug -> {
            assertThat(bug[0]).isEqualTo("Load the fleet");
            assertThat(bug[1]).contains("Knobwright ", "java.lang.NullPointerException: Cannot invoke \"Instance.name()\"",
                    "\tat io.knobwright.app.ui.workbench.WorkbenchViewModelTest");
        });
    }

    @Test
    void assigningATemplateOffersTheEnginesTemplatesAndShowsTheDriftAfterwards() throws Exception {
        // A real store: assignments need the instance stored. Its demo fleet has snapshots for every third instance.
        try (KnobwrightStore store = KnobwrightStore.inMemory("assign-" + UUID.randomUUID(), true)) {
            AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                    k -> null);
            templates = context.templates();
            WorkbenchViewModel vm = new WorkbenchViewModel(context.fleet(), templates, context.plans(), (id, v) -> Optional.empty(),
                    work(), dialogs, new ScriptedTemplateDialogs(), k -> null, ZoneOffset.UTC, WorkbenchGovernance.of(context));
            vm.refresh();
            Instance target = context.fleet().list().stream()
                    .filter(i -> i.engine() == Engine.POSTGRESQL && context.fleet().latestSnapshot(i.id()).isPresent())
                    .findFirst().orElseThrow();
            dialogs.template = names -> Optional.of("postgresql-olap@1");
            vm.browser().select(target.id());

            vm.assignTemplate();

            assertThat(dialogs.offeredTemplates).contains("postgresql-oltp", "postgresql-olap")
                    .allSatisfy(name -> assertThat(name).startsWith("postgresql-"));
            assertThat(vm.messageProperty().get()).isEqualTo(target.name() + " now follows postgresql-olap@1 (pinned).");
            assertThat(vm.messageIsErrorProperty().get()).isFalse();
            assertThat(templates.assignment(target.id())).contains(new TemplateAssignment(target.id(), "postgresql-olap", 1));
            var row = vm.browser().shownRows().stream().filter(r -> r.id() == target.id()).findFirst().orElseThrow();
            assertThat(row.templateText()).isEqualTo("postgresql-olap@1");
            assertThat(row.drift()).isEqualTo(context.plans().drift().get(target.id())).isPositive();
            assertThat(vm.browser().selectedProperty().get().id()).isEqualTo(target.id());
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }

    @Test
    void theAlertsScreenListsTheFleetsAlertsAndAClickOpensTheInstancesHealth() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("alerts-" + UUID.randomUUID(), true)) {
            AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                    k -> null);
            Instance target = context.fleet().list().getFirst();
            store.pendingRestarts().put(new io.knobwright.model.apply.restart.PendingRestart(target.id(), target.name(),
                    "shared_buffers", "2GB", Instant.now().minusSeconds(3600), 0, 0, ""));
            WorkbenchViewModel vm = new WorkbenchViewModel(context.fleet(), context.templates(), context.plans(),
                    (id, v) -> Optional.empty(), work(), dialogs, new ScriptedTemplateDialogs(), k -> null, ZoneOffset.UTC,
                    WorkbenchGovernance.of(context));
            vm.refresh();

            vm.showAlerts();

            assertThat(vm.alerts().alerts()).extracting(shown -> shown.alert().instanceName()).contains(target.name());
            vm.alerts().open(vm.alerts().alerts().stream()
                    .filter(shown -> shown.alert().instanceId() == target.id()).findFirst().orElseThrow());
            assertThat(vm.screenProperty().get()).isEqualTo(WorkbenchViewModel.Screen.HEALTH);
            assertThat(vm.browser().selectedProperty().get().id()).isEqualTo(target.id());
        }
    }

    @Test
    void theOpenWorkbenchEvaluatesAlertsEveryMinuteAndAcknowledgesThroughTheAlertsScreen() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("alert-watch-" + UUID.randomUUID(), true)) {
            AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                    k -> null, "ann");
            Instance target = context.fleet().list().getFirst();
            io.knobwright.app.ui.ManualTimer timer = new io.knobwright.app.ui.ManualTimer();
            WorkbenchViewModel vm = new WorkbenchViewModel(context.fleet(), context.templates(), context.plans(),
                    (id, v) -> Optional.empty(), new BackgroundWork(TaskRunner.inline(), Runnable::run, dialogs::showBug, timer),
                    dialogs, new ScriptedTemplateDialogs(), k -> null, ZoneOffset.UTC, WorkbenchGovernance.of(context));
            vm.startAlertWatch();
            assertThat(vm.alerts().alerts()).isEmpty();

            // a restart becomes pending while the window is open: the next round lists it, nobody clicks anything
            store.pendingRestarts().put(new io.knobwright.model.apply.restart.PendingRestart(target.id(), target.name(),
                    "shared_buffers", "2GB", Instant.now().minusSeconds(3600), 0, 0, ""));
            timer.advance(java.time.Duration.ofSeconds(59));
            assertThat(vm.alerts().alerts()).isEmpty();
            timer.advance(java.time.Duration.ofSeconds(1));
            assertThat(vm.alerts().alerts()).singleElement().matches(s -> s.alert().instanceId() == target.id());
            assertThat(vm.alerts().needingAttentionProperty().get()).isEqualTo(1);

            vm.alerts().acknowledge(vm.alerts().alerts().getFirst(), "restart tonight");
            assertThat(vm.alerts().alerts()).singleElement().satisfies(s -> {
                assertThat(s.acknowledgedBy()).contains("ann");
                assertThat(s.acknowledgement().orElseThrow().comment()).isEqualTo("restart tonight");
            });
            assertThat(vm.alerts().needingAttentionProperty().get()).isZero();

            vm.stopAlertWatch();
            assertThat(timer.waiting()).isZero();
        }
    }

    @Test
    void theFleetTablesHealthIsReadAfterEachLoadAndRefreshesAnOpenAlertsScreen() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("fleet-health-" + UUID.randomUUID(), true)) {
            AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                    k -> null);
            Instance target = context.fleet().list().getFirst();
            WorkbenchViewModel vm = new WorkbenchViewModel(context.fleet(), context.templates(), context.plans(),
                    (id, v) -> Optional.empty(), work(), dialogs, new ScriptedTemplateDialogs(), k -> null, ZoneOffset.UTC,
                    WorkbenchGovernance.of(context));
            vm.refresh();
            vm.showAlerts();
            assertThat(vm.browser().healthLoadedProperty().get()).isTrue();
            assertThat(vm.browser().alertsCountProperty().get()).isZero();

            store.pendingRestarts().put(new io.knobwright.model.apply.restart.PendingRestart(target.id(), target.name(),
                    "shared_buffers", "2GB", Instant.now().minusSeconds(3600), 0, 0, ""));
            vm.refresh();

            assertThat(vm.browser().alertsCountProperty().get()).isEqualTo(1);
            vm.browser().withAlertsOnlyProperty().set(true);
            assertThat(vm.browser().shownRows()).extracting(r -> r.name()).containsExactly(target.name());
            // A pending restart is worth knowing, not urgent: an info alert.
            assertThat(vm.browser().shownRows().getFirst().health().alertsText()).isEqualTo("1 info");
            // The Alerts screen, once opened, shows the same evaluation without being asked again.
            assertThat(vm.alerts().alerts()).extracting(shown -> shown.alert().instanceName()).containsExactly(target.name());
        }
    }

    @Test
    void cancellingTheTemplateChoiceAssignsNothing() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        WorkbenchViewModel vm = workbench(fleet);
        vm.browser().select(4);

        vm.assignTemplate();

        assertThat(dialogs.offeredTemplates).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("mysql-"));
        assertThat(templates.assignments()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void aTemplateOfAnotherEngineIsRefusedWithTheServicesReason() {
        FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());
        dialogs.template = names -> Optional.of("postgresql-oltp");
        WorkbenchViewModel vm = workbench(fleet);
        vm.browser().select(4);

        vm.assignTemplate();

        assertThat(templates.assignments()).isEmpty();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Assign template postgresql-oltp failed: Template "
                + "'postgresql-oltp' is for PostgreSQL; 'payments-my-prod-01' runs MySQL");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
