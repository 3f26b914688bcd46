package io.knobwright.app.ui;

import io.knobwright.app.testing.InMemoryFleetService;
import io.knobwright.app.testing.SampleCatalogs;
import io.knobwright.app.testing.SampleTemplates;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.BugDialog;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.common.UserMessages;
import io.knobwright.app.ui.fleet.AssignTemplateDialog;
import io.knobwright.app.ui.fleet.FleetEntry;
import io.knobwright.app.ui.fleet.FleetGroupHeader;
import io.knobwright.app.ui.instance.InstanceEditorDialog;
import io.knobwright.app.ui.instance.InstanceEditorViewModel;
import io.knobwright.app.ui.inventory.ImportReportDialog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The add- and edit-instance, import-report, bug and assign-template dialogs and the grouped dark view, driven and photographed headless. */
@ExtendWith(ApplicationExtension.class)
class DialogsUiTest {

    private InMemoryFleetService fleet;
    private TemplateService templates;
    private Workbench workbench;
    /** The review panel and Policy screen need a store; these tests are not about them. */
    private final io.knobwright.model.store.KnobwrightStore governanceStore = Fixtures.emptyStore("ui");
    private Stage stage;

    @AfterEach
    void closeGovernanceStore() {
        governanceStore.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fleet = InMemoryFleetService.sample(250, true, WorkbenchUiTest.CLOCK);
        SampleTemplates sample = SampleTemplates.over(fleet, WorkbenchUiTest.CLOCK);
        templates = sample.templates();
        workbench = new Workbench(fleet, templates, sample.plans(), new SampleCatalogs(),
                Fixtures.governance(governanceStore, "tester"), TaskRunner.inline(), Platform::runLater);
        stage.setWidth(1000);
        stage.setHeight(1000);
        workbench.start(stage);
    }

    @Test
    void addingAnInstanceTestsTheConnectionShowsTheFailureAndSavesOnceItWorks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#toolbar-add");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#editor-name").write("billing-pg-prod02");
        robot.clickOn("#editor-url").write("jdbc:postgresql://unreachable-db.eu-west-1:5432/postgres");
        robot.clickOn("#editor-user").write("knobwright");
        robot.clickOn("#editor-tags").write("team=billing, region=eu-west-1, pci");
        WaitForAsyncUtils.waitForFxEvents(); // the tags' error line moves the button down: click where it is now
        robot.clickOn("#editor-test");
        WaitForAsyncUtils.waitForFxEvents();

        Label result = robot.lookup("#editor-test-result").queryAs(Label.class);
        assertThat(result.getText()).isEqualTo("Test connection failed: Connection refused by "
                + "unreachable-db.eu-west-1: is the server running and listening on that port?");
        Node name = robot.lookup("#editor-name").query();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Tags are key=value pairs separated by commas; 'pci' has no key=value.");
        Snapshots.write(name.getScene(), "add-instance.png");

        robot.interact(() -> {
            robot.lookup("#editor-url").queryTextInputControl().setText("jdbc:postgresql://billing-db2.eu-west-1:5432/postgres");
            robot.lookup("#editor-tags").queryTextInputControl().setText("team=billing, region=eu-west-1, pci=yes");
        });
        robot.clickOn("#editor-save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#editor-name").tryQuery()).isEmpty();
        assertThat(robot.lookup("#detail-name").queryAs(Label.class).getText()).isEqualTo("billing-pg-prod02");
        assertThat(robot.lookup("#status-text").queryAs(Label.class).getText()).startsWith("251 instances");
    }

    @Test
    void theImportReportListsEveryRejectedRowWithItsReason(FxRobot robot, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("hosts.csv");
        List<String> lines = new ArrayList<>(List.of("name,engine,version,tier,criticality,workload,tags"));
        for (int i = 1; i <= 215; i++) {
            String row = switch (i) {
                case 17 -> "hr-db2-prod01,db2,11.5,production,high,oltp,team=hr";
                case 88 -> "shop-pg-prod07,postgresql,16,prodution,high,oltp,team=shop";
                case 140 -> "legacy-my-test01,mysql,5.7,test,low,web,team=legacy";
                default -> String.format("imported-pg-%03d,postgresql,16,staging,medium,oltp,team=ops;region=eu-west-1", i);
            };
            lines.add(row);
        }
        Files.write(csv, lines);
        ImportReport report = fleet.importInventory(csv);
        assertThat(report.imported()).hasSize(212);

        AtomicReference<ImportReportDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            ImportReportDialog d = new ImportReportDialog(csv, report, new Theme());
            d.initOwner(stage);
            d.show();
            dialog.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.get().getHeaderText()).isEqualTo("212 imported, 3 rejected");
        TableView<ImportReport.RejectedRow> rejected = robot.lookup("#import-rejected").queryTableView();
        assertThat(rejected.getItems()).extracting(ImportReport.RejectedRow::row).containsExactly(18, 89, 141);
        assertThat(rejected.getItems().get(1).reason()).isEqualTo(
                "Unknown tier 'prodution'. Use one of: production, staging, test, development.");
        Snapshots.write(dialog.get().getDialogPane().getScene(), "import-report.png");
        robot.interact(dialog.get()::close);
    }

    @Test
    void editingAnInstanceEntersItsRamAndSaysWhereEachHardwareFactComesFrom(FxRobot robot) throws Exception {
        Instance maria = fleet.list().stream().filter(i -> i.engine() == Engine.MARIADB).findFirst().orElseThrow();
        Instance probedOnly = fleet.update(maria.withHardware(HardwareFacts.probed(8, 0, DiskType.UNKNOWN, 0)));
        InstanceEditorViewModel vm = new InstanceEditorViewModel(fleet,
                new BackgroundWork(TaskRunner.inline(), Runnable::run, (action, details) -> { }), java.util.Set.of(),
                k -> null, probedOnly);
        AtomicReference<InstanceEditorDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            InstanceEditorDialog d = new InstanceEditorDialog(vm, new Theme());
            d.initOwner(stage);
            d.show();
            dialog.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".field-note").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Probed from the server; a refresh updates it.",
                        "Unknown: templates that use RAM cannot be resolved until you enter it.");
        robot.clickOn("#editor-ram").write("64G");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(dialog.get().getDialogPane().getScene(), "edit-instance-hardware.png");
        robot.clickOn("#editor-save");
        WaitForAsyncUtils.waitForFxEvents();

        HardwareFacts saved = fleet.find(maria.id()).orElseThrow().hardware();
        assertThat(saved.memoryBytes()).isEqualTo(64L << 30);
        assertThat(saved.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
        assertThat(saved.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        assertThat(dialog.get().isShowing()).isFalse();
    }

    @Test
    void theBugDialogHoldsTheDetailsReadOnlyAndCopiesThemInOneClick(FxRobot robot) throws Exception {
        String details = UserMessages.bugReport("Save orders-pg-prod-01",
                new IllegalStateException("Instance row 7 has no engine version"));
        AtomicReference<BugDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            BugDialog d = new BugDialog("Save orders-pg-prod-01", details, new Theme());
            d.initOwner(stage);
            d.show();
            dialog.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.get().getHeaderText()).isEqualTo("Save orders-pg-prod-01 failed because of a bug in Knobwright");
        TextArea text = robot.lookup("#bug-details").queryAs(TextArea.class);
        assertThat(text.getText()).isEqualTo(details).contains("java.lang.IllegalStateException: Instance row 7");
        assertThat(text.isEditable()).isFalse();
        robot.clickOn("#bug-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo(details);
        Snapshots.write(dialog.get().getDialogPane().getScene(), "bug-dialog.png");
        robot.interact(dialog.get()::close);
    }

    @Test
    void groupingByEngineShowsHeadersWithCountsAlsoInTheDarkTheme(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> workbench.viewModel().browser().groupBy("engine"));
        // The toggle sits at the window's bottom edge, which the 1000-pixel headless screen cuts off: fire it.
        robot.interact(() -> robot.lookup("#dark-theme").queryAs(javafx.scene.control.ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<FleetEntry> table = robot.lookup("#fleet-table").queryTableView();
        FleetGroupHeader first = (FleetGroupHeader) table.getItems().getFirst();
        long postgres = fleet.list().stream().filter(i -> i.engine() == io.knobwright.model.engine.Engine.POSTGRESQL).count();
        assertThat(first.label()).isEqualTo("PostgreSQL");
        assertThat(first.count()).isEqualTo((int) postgres);

        robot.interact(() -> {
            var rows = workbench.viewModel().browser().entries();
            workbench.viewModel().browser().select(rows.get(3));
        });
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "fleet-grouped-dark.png");
        robot.interact(() -> robot.lookup("#dark-theme").queryAs(javafx.scene.control.ToggleButton.class).fire());
    }

    @Test
    void assigningATemplateOffersOnlyTheInstancesEngineAndCanPinAVersion(FxRobot robot) throws Exception {
        Instance instance = fleet.list().stream().filter(i -> i.engine() == Engine.POSTGRESQL).findFirst().orElseThrow();
        List<TemplateVersion> candidates = templates.list().stream()
                .filter(t -> t.template().engine() == Engine.POSTGRESQL).toList();
        TemplateVersion oltp = candidates.stream().filter(t -> t.name().equals("postgresql-oltp")).findFirst().orElseThrow();
        AtomicReference<AssignTemplateDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            AssignTemplateDialog d = new AssignTemplateDialog(instance, candidates,
                    templates.assignment(instance.id()).orElse(null), new Theme());
            d.initOwner(stage);
            d.show();
            dialog.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<TemplateVersion> choice = robot.lookup("#assign-template-choice").queryComboBox();
        assertThat(choice.getItems()).extracting(TemplateVersion::name).allMatch(name -> name.startsWith("postgresql-"));
        robot.interact(() -> choice.setValue(oltp));
        robot.clickOn("#assign-template-pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#assign-template-version").queryComboBox().isDisabled()).isFalse();
        Snapshots.write(dialog.get().getDialogPane().getScene(), "assign-template.png");

        robot.interact(() -> ((Button) dialog.get().getDialogPane().lookupButton(AssignTemplateDialog.ASSIGN)).fire());
        assertThat(dialog.get().getResult()).isEqualTo("postgresql-oltp@" + oltp.version());
    }
}
