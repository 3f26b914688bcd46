package io.knobwright.app.ui.template;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.template.ConfigFormat;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.template.TemplateVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Templates screen's commands on a real in-memory store with the demo fleet, without a toolkit. */
class TemplatesViewModelTest {

    private final AppContext context = DemoWorkbench.context("templates-vm");
    private final ScriptedTemplateDialogs dialogs = new ScriptedTemplateDialogs();
    private final List<Long> opened = new ArrayList<>();
    private final TemplatesViewModel vm = new TemplatesViewModel(context.templates(), context.plans(), Fixtures.inline(),
            dialogs, ZoneOffset.UTC);

    TemplatesViewModelTest() {
        vm.onPlansCreated(opened::add);
        vm.refresh();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void listsEveryTemplateAndOpensTheFirst() {
        assertThat(vm.templates()).hasSize(context.templates().list().size()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.editor().loadedProperty().get().name()).isEqualTo(vm.selectedProperty().get().name());
        vm.searchProperty().set("mariadb-ol");
        assertThat(vm.templates()).extracting(TemplateItem::name).containsExactly("mariadb-olap", "mariadb-oltp", "mariadb-web");
        assertThat(vm.templates()).filteredOn(i -> i.name().equals("mariadb-web")).first()
                .extracting(TemplateItem::parent).isEqualTo("mariadb-oltp");
    }

    @Test
    void aCopyOfABuiltInIsEditableAndSelected() {
        vm.select("postgresql-oltp");
        assertThat(vm.editor().editableProperty().get()).isFalse();
        dialogs.name = "pg-oltp-ours";
        vm.copySelected();
        assertThat(vm.selectedProperty().get().name()).isEqualTo("pg-oltp-ours");
        assertThat(vm.editor().editableProperty().get()).isTrue();
        assertThat(vm.message().textProperty().get()).isEqualTo("Copied postgresql-oltp to pg-oltp-ours.");
    }

    @Test
    void aNewChildInheritsEverythingAndSetsNothingItself() {
        vm.select("mysql-web");
        dialogs.name = "shop-web";
        vm.newChild();
        TemplateVersion child = context.templates().require("shop-web");
        assertThat(child.template().parent()).isEqualTo("mysql-web");
        assertThat(child.template().entries()).isEmpty();
        assertThat(vm.editor().rows()).isNotEmpty().noneMatch(EntryRow::own);
    }

    @Test
    void createPlansOffersEveryInstanceOfTheEngineWithThoseFollowingTheTemplateTickedAndMakesNothingWhenCancelled() {
        vm.select("postgresql-oltp");
        Set<Long> following = context.templates().instancesUsing("postgresql-oltp");
        assertThat(following).isNotEmpty();

        vm.createPlans();

        PlanTargetsViewModel offered = dialogs.offered;
        long postgres = context.fleet().list().stream().filter(i -> i.engine() == Engine.POSTGRESQL).count();
        assertThat(offered.targets()).hasSize((int) postgres);
        assertThat(offered.targets().stream().filter(t -> t.chosenProperty().get()).map(PlanTarget::id))
                .containsExactlyInAnyOrderElementsOf(following);
        assertThat(offered.targets().subList(0, following.size())).allSatisfy(t -> assertThat(t.follows()).isTrue());
        // The ticked instances that were never read are counted before anything is made.
        long unread = following.stream().filter(id -> context.fleet().latestSnapshot(id).isEmpty()).count();
        assertThat(offered.withoutBaselineProperty().get()).isEqualTo(unread);
        assertThat(context.plans().plans()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void plansAreMadeForTheTickedInstancesOnlyWithProgressAndThePlansScreenOpens() {
        vm.select("postgresql-oltp");
        List<Long> ticked = new ArrayList<>();
        dialogs.planAnswer = choices -> {
            // A DBA narrows the list to the production instances and plans for those that have been read.
            choices.chooseShown(false);
            choices.searchProperty().set("production");
            choices.shown().stream().filter(PlanTarget::settingsRead).forEach(t -> {
                t.chosenProperty().set(true);
                ticked.add(t.id());
            });
            return Optional.of(choices.request());
        };
        vm.createPlans();

        List<ChangePlan> plans = context.plans().plans();
        assertThat(ticked).isNotEmpty();
        assertThat(plans).extracting(ChangePlan::instanceId).containsExactlyInAnyOrderElementsOf(ticked);
        assertThat(plans).allSatisfy(p -> {
            assertThat(p.template()).isEqualTo("postgresql-oltp");
            assertThat(p.hasBaseline()).isTrue();
        });
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(opened).containsExactly(plans.stream().mapToLong(ChangePlan::id).min().orElseThrow());
        assertThat(vm.message().textProperty().get()).startsWith("Created " + plans.size() + " plan").doesNotContain("baseline");
    }

    @Test
    void plansForInstancesNeverReadAreMadeAndTheSummarySaysTheyHaveNoBaseline() {
        vm.select("postgresql-oltp");
        dialogs.planAnswer = choices -> {
            choices.chooseShown(false);
            choices.targets().stream().filter(t -> !t.settingsRead()).limit(2).forEach(t -> t.chosenProperty().set(true));
            return Optional.of(choices.request());
        };
        vm.createPlans();

        assertThat(context.plans().plans()).hasSize(2).noneMatch(ChangePlan::hasBaseline);
        assertThat(vm.message().textProperty().get()).contains("2 have no baseline (no settings read)");
    }

    @Test
    void aRequestWithoutInstancesExplainsWhatToDo() {
        vm.select("oracle-olap");
        dialogs.planAnswer = choices -> Optional.of(new TemplateDialogs.PlanRequest(List.of(), false));
        vm.createPlans();
        assertThat(vm.message().errorProperty().get()).isTrue();
        assertThat(vm.message().textProperty().get()).startsWith("No instance to plan for: tick the instances");
        assertThat(context.plans().plans()).isEmpty();
    }

    @Test
    void exportWritesTheResolvedConfigurationForTheComparedInstance(@TempDir Path dir) throws Exception {
        vm.select("postgresql-oltp");
        CompareTarget.Instance instance = vm.editor().compareTargets().stream()
                .filter(CompareTarget.Instance.class::isInstance).map(CompareTarget.Instance.class::cast)
                .findFirst().orElseThrow();
        vm.editor().compareTargetProperty().set(instance);
        Path file = dir.resolve("pg.conf");
        dialogs.exportRequest = new TemplateDialogs.ExportRequest(file, ConfigFormat.POSTGRESQL_CONF);
        vm.exportSelected();
        assertThat(Files.readString(file)).contains("Resolved from template postgresql-oltp v1 for " + instance.name())
                .contains("work_mem = ");
        assertThat(vm.message().errorProperty().get()).isFalse();
    }

    @Test
    void exportOverAFileTheDialogConfirmedReplacesItKeepingItsPermissions(@TempDir Path dir) throws Exception {
        vm.select("postgresql-oltp");
        Path file = Files.writeString(dir.resolve("oltp.yaml"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        dialogs.exportRequest = new TemplateDialogs.ExportRequest(file, ConfigFormat.YAML);

        vm.exportSelected();

        assertThat(vm.message().errorProperty().get()).as(vm.message().textProperty().get()).isFalse();
        assertThat(Files.readString(file)).contains("postgresql-oltp");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void exportToASymbolicLinkOrADeviceSaysWhyAndWritesNothing(@TempDir Path dir) throws Exception {
        vm.select("postgresql-oltp");
        Path real = Files.writeString(dir.resolve("real.yaml"), "real");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);
        dialogs.exportRequest = new TemplateDialogs.ExportRequest(link, ConfigFormat.YAML);

        vm.exportSelected();

        assertThat(vm.message().errorProperty().get()).isTrue();
        assertThat(vm.message().textProperty().get()).isEqualTo("Export postgresql-oltp failed: " + link
                + " is a symbolic link (to " + real + ")." + " Knobwright does not write through links: name the file itself, or remove the link first; nothing was written.");
        assertThat(real).hasContent("real");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path devNull = Path.of("/dev/null");
        dialogs.exportRequest = new TemplateDialogs.ExportRequest(devNull, ConfigFormat.YAML);
        vm.exportSelected();

        assertThat(vm.message().textProperty().get()).startsWith("Export postgresql-oltp failed: /dev/null is a character device, not a regular file");
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(devNull, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void rollingBackAsksFirstAndSavesTheOldEntriesAsTheNewestVersion() {
        dialogs.name = "pg-rollback";
        vm.select("postgresql-small");
        vm.copySelected();
        TemplateEditorViewModel editor = vm.editor();
        editor.addEntry();
        EntryRow added = editor.selectedRowProperty().get();
        added.parameterProperty().set("statement_timeout");
        added.textProperty().set("30s");
        editor.save("timeout");
        assertThat(context.templates().require("pg-rollback").version()).isEqualTo(2);

        dialogs.confirmAnswer = false;
        vm.rollback(1);
        assertThat(context.templates().require("pg-rollback").version()).isEqualTo(2);
        dialogs.confirmAnswer = true;
        vm.rollback(1);
        TemplateVersion newest = context.templates().require("pg-rollback");
        assertThat(newest.version()).isEqualTo(3);
        assertThat(newest.template().entries()).isEqualTo(context.templates().require("pg-rollback@1").template().entries());
        assertThat(editor.history()).extracting(TemplateVersion::version).containsExactly(3, 2, 1);
    }

    @Test
    void anImportedServerFileIsSelectedAndTheMessageSaysWhatItWasCheckedAgainstAndWhatWasLeftOut(@TempDir Path dir) throws Exception {
        Path cnf = dir.resolve("my.cnf");
        Files.writeString(cnf, "[mysqld]\nuser = mysql\nport = 3306\nsocket = /run/mysqld/mysqld.sock\nskip-name-resolve\n");
        dialogs.importRequest = new TemplateDialogs.ImportRequest(cnf, "local-maria", Engine.MARIADB, "10.11", null);
        vm.importTemplate();
        assertThat(vm.message().errorProperty().get()).isFalse();
        assertThat(vm.message().textProperty().get()).isEqualTo("Imported my.cnf as local-maria v1: 1 entry, checked against"
                + " MariaDB 10.11 (as given). Not part of the template: user (the operating-system account the server runs as:"
                + " a startup option, not a setting); port, socket (it is how this server is reached).");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("local-maria");
    }

    @Test
    void aFailedImportNamesTheLineAndStoresNothing(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("broken.conf");
        Files.writeString(conf, "shared_buffers = 1GB\nwork_mem = 'unterminated\n");
        int before = context.templates().list().size();
        dialogs.importRequest = new TemplateDialogs.ImportRequest(conf, "broken", null, null, null);
        vm.importTemplate();
        assertThat(vm.message().errorProperty().get()).isTrue();
        assertThat(vm.message().textProperty().get()).contains("line 2");
        assertThat(context.templates().list()).hasSize(before);
    }

    @Test
    void instancesOfTheEngineAreOfferedForComparisonThoseUsingTheTemplateFirst() {
        vm.select("postgresql-oltp");
        List<CompareTarget> targets = vm.editor().compareTargets();
        List<CompareTarget.Instance> instances = targets.stream().filter(CompareTarget.Instance.class::isInstance)
                .map(CompareTarget.Instance.class::cast).toList();
        long pg = context.fleet().list().stream().map(Instance::engine).filter(Engine.POSTGRESQL::equals).count();
        assertThat(instances).hasSize((int) pg);
        assertThat(instances.getFirst().usesTemplate()).isTrue();
        assertThat(vm.editor().compareTargetProperty().get()).isEqualTo(instances.getFirst());
        assertThat(targets).contains(new CompareTarget.Parent("postgresql-base"),
                new CompareTarget.OtherTemplate("postgresql-olap")).doesNotContain(new CompareTarget.OtherTemplate("mysql-olap"));

        vm.editor().compareTargetProperty().set(new CompareTarget.OtherTemplate("postgresql-olap"));
        assertThat(vm.editor().diff().rows()).anyMatch(r -> r.name().equals("work_mem") && r.isDifference());
        assertThat(vm.editor().diff().rightTitleProperty().get()).isEqualTo("postgresql-olap v1");
    }
}
