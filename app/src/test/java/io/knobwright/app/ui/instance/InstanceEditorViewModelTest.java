package io.knobwright.app.ui.instance;

import io.knobwright.app.ui.FakeFleetService;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceEditorViewModelTest {

    private final FakeFleetService fleet = new FakeFleetService(Fixtures.smallFleet());

    private InstanceEditorViewModel adding(Map<String, String> env) {
        fleet.probe = url -> {
            if (url.contains("down")) {
                throw new ConnectorException("Connection refused by down:5432: is the server running and listening on that port?");
            }
            return FakeFleetService.server(new EngineVersion(Engine.POSTGRESQL, "16"), "16.4");
        };
        return new InstanceEditorViewModel(fleet, Fixtures.inline(), Set.of("orders-pg-prod-01"), env::get, null);
    }

    private static void fill(InstanceEditorViewModel vm, String name, String url) {
        vm.nameProperty().set(name);
        vm.jdbcUrlProperty().set(url);
        vm.userProperty().set("postgres");
    }

    @Test
    void anEmptyFormStaysQuietUntilTheFirstSaveThenSaysWhatIsMissing() {
        InstanceEditorViewModel vm = adding(Map.of());
        assertThat(vm.nameErrorProperty().get()).isEmpty();
        vm.save();
        assertThat(vm.nameErrorProperty().get()).startsWith("Give the instance a name");
        assertThat(vm.urlErrorProperty().get()).startsWith("Enter the JDBC URL");
        assertThat(fleet.registrations).isEmpty();
    }

    @Test
    void namesMustBeUniqueIgnoringCase() {
        InstanceEditorViewModel vm = adding(Map.of());
        vm.nameProperty().set("Orders-PG-Prod-01");
        assertThat(vm.nameErrorProperty().get()).isEqualTo(
                "An instance named 'Orders-PG-Prod-01' already exists; pick another name.");
    }

    @Test
    void onlyPostgresMariadbAndMysqlUrlsAreAccepted() {
        InstanceEditorViewModel vm = adding(Map.of());
        vm.jdbcUrlProperty().set("jdbc:sqlserver://db1:1433");
        assertThat(vm.urlErrorProperty().get()).startsWith("Use a jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql: URL");
        vm.jdbcUrlProperty().set("jdbc:mariadb://db1:3306/");
        assertThat(vm.urlErrorProperty().get()).isEmpty();
    }

    @Test
    void aPasswordInsideTheUrlIsRefusedBecauseUrlsAreKeptInClearText() {
        InstanceEditorViewModel vm = adding(Map.of());
        vm.jdbcUrlProperty().set("jdbc:postgresql://db1/postgres?user=a&password=secret");
        assertThat(vm.urlErrorProperty().get()).startsWith("Remove the password from the URL");
        for (String url : List.of("jdbc:mysql://app:secret@db1/shop", "jdbc:mariadb://db1/x?pass%77ord=secret",
                "jdbc:postgresql://db1/postgres?sslpassword=secret")) {
            vm.jdbcUrlProperty().set(url);
            assertThat(vm.urlErrorProperty().get()).as(url).startsWith("Remove the password from the URL");
        }
    }

    @Test
    void tagsMustBeKeyValuePairs() {
        InstanceEditorViewModel vm = adding(Map.of());
        vm.tagsProperty().set("team=payments, eu-west");
        assertThat(vm.tagsErrorProperty().get()).contains("'eu-west' has no key=value");
        vm.tagsProperty().set("team=payments, team=orders");
        assertThat(vm.tagsErrorProperty().get()).isEqualTo("Tag 'team' is given twice; keep one value.");
        vm.tagsProperty().set("team=payments,\nregion=eu-west-1");
        assertThat(vm.tagsErrorProperty().get()).isEmpty();
    }

    @Test
    void testConnectionReportsTheServerVersion() {
        InstanceEditorViewModel vm = adding(Map.of());
        fill(vm, "new-pg", "jdbc:postgresql://db9:5432/postgres");
        vm.passwordProperty().set("s3cret");
        vm.testConnection();
        assertThat(vm.testSucceededProperty().get()).isTrue();
        assertThat(vm.testResultProperty().get()).isEqualTo("Connected: PostgreSQL 16.4");
        assertThat(fleet.calls).contains("test jdbc:postgresql://db9:5432/postgres postgres ***");
    }

    @Test
    void testConnectionShowsWhyTheServerCouldNotBeReached() {
        InstanceEditorViewModel vm = adding(Map.of());
        fill(vm, "new-pg", "jdbc:postgresql://down:5432/postgres");
        vm.testConnection();
        assertThat(vm.testSucceededProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).isEqualTo("Test connection failed: Connection refused by "
                + "down:5432: is the server running and listening on that port?");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anUnsetPasswordVariableIsReportedBeforeConnecting() {
        InstanceEditorViewModel vm = adding(Map.of());
        fill(vm, "new-pg", "jdbc:postgresql://db9/postgres");
        vm.useEnvironmentProperty().set(true);
        vm.passwordEnvProperty().set("PROD_PG_PASSWORD");
        vm.testConnection();
        assertThat(vm.testResultProperty().get()).startsWith("$PROD_PG_PASSWORD is not set");
        assertThat(fleet.calls).noneMatch(c -> c.startsWith("test"));
    }

    @Test
    void saveRegistersWithTheVariableNameAndNeverItsValue() {
        InstanceEditorViewModel vm = adding(Map.of("PROD_PG_PASSWORD", "hunter2"));
        fill(vm, "billing-pg-prod-02", "jdbc:postgresql://db9/postgres");
        vm.useEnvironmentProperty().set(true);
        vm.passwordEnvProperty().set("PROD_PG_PASSWORD");
        vm.passwordProperty().set("typed-before-switching");
        vm.tierProperty().set(Tier.PRODUCTION);
        vm.criticalityProperty().set(Criticality.HIGH);
        vm.tagsProperty().set("team=billing, region=eu-west-1");

        vm.save();

        assertThat(fleet.registrations).singleElement().satisfies(r -> {
            assertThat(r.passwordEnv()).isEqualTo("PROD_PG_PASSWORD");
            assertThat(r.password()).isNull();
            assertThat(r.tags()).containsEntry("team", "billing").containsEntry("region", "eu-west-1");
            assertThat(r.tier()).isEqualTo(Tier.PRODUCTION);
        });
        assertThat(vm.savedProperty().get().name()).isEqualTo("billing-pg-prod-02");
    }

    @Test
    void aFailedSaveKeepsTheFormOpenWithTheReason() {
        InstanceEditorViewModel vm = adding(Map.of());
        fill(vm, "new-pg", "jdbc:postgresql://down/postgres");
        vm.save();
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.saveErrorProperty().get()).startsWith("Add instance failed: Connection refused by down");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void editingChangesFactsAndTagsButKeepsTheConnection() {
        Instance original = Fixtures.smallFleet().get(2);
        InstanceEditorViewModel vm = new InstanceEditorViewModel(fleet, Fixtures.inline(),
                Set.of("orders-pg-prod-01", "payments-pg-prod-01"), k -> null, original);
        assertThat(vm.nameErrorProperty().get()).isEmpty();
        assertThat(vm.tagsProperty().get()).isEqualTo("region=us, team=payments");

        vm.nameProperty().set("payments-pg-prod-01b");
        vm.tagsProperty().set("team=payments, region=us, pci=yes");
        vm.save();

        Instance saved = vm.savedProperty().get();
        assertThat(saved.id()).isEqualTo(original.id());
        assertThat(saved.tags()).containsEntry("pci", "yes");
        assertThat(saved.engine()).isEqualTo(original.engine());
        assertThat(saved.connection()).isEqualTo(original.connection());
        assertThat(fleet.calls).contains("update payments-pg-prod-01b");
    }

    private InstanceEditorViewModel editing(HardwareFacts hardware) {
        Instance original = Fixtures.smallFleet().get(2).withHardware(hardware);
        return new InstanceEditorViewModel(fleet, Fixtures.inline(), Set.of("payments-pg-prod-01"), k -> null, original);
    }

    @Test
    void editedHardwareIsSavedAsEnteredWhileUntouchedFactsKeepTheirSource() {
        InstanceEditorViewModel vm = editing(HardwareFacts.probed(8, 0, DiskType.UNKNOWN, 0));
        HardwareForm hw = vm.hardware();
        assertThat(hw.cpusProperty().get()).isEqualTo("8");
        assertThat(hw.cpusNoteProperty().get()).isEqualTo("Probed from the server; a refresh updates it.");
        assertThat(hw.memoryProperty().get()).isEmpty();
        assertThat(hw.memoryNoteProperty().get())
                .isEqualTo("Unknown: templates that use RAM cannot be resolved until you enter it.");

        hw.memoryProperty().set("64GB");
        hw.diskTypeProperty().set(DiskType.NVME);
        assertThat(hw.memoryNoteProperty().get()).isEqualTo("Entered once saved: refreshes keep it.");
        vm.save();

        HardwareFacts saved = vm.savedProperty().get().hardware();
        assertThat(saved.memoryBytes()).isEqualTo(64L << 30);
        assertThat(saved.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
        assertThat(saved.source(HardwareFact.DISK_TYPE)).isEqualTo(FactSource.ENTERED);
        assertThat(saved.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
    }

    @Test
    void aSizeNoServerHasIsShownNextToItsFieldAndNothingIsSaved() {
        InstanceEditorViewModel vm = editing(new HardwareFacts(16, 64L << 30, DiskType.SSD, 0));
        assertThat(vm.hardware().memoryProperty().get()).isEqualTo("64GB");

        vm.hardware().memoryProperty().set("64");
        vm.save();

        assertThat(vm.hardware().memoryErrorProperty().get()).isEqualTo("RAM '64' is 64 bytes, less than 16MB; write the unit, e.g. 64GB.");
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(fleet.calls).noneMatch(c -> c.startsWith("update"));

        vm.hardware().memoryProperty().set("");
        vm.save();
        assertThat(vm.savedProperty().get().hardware().source(HardwareFact.RAM)).isEqualTo(FactSource.UNKNOWN);
    }

    @Test
    void addingAnInstanceHasNoHardwareFieldsBecauseRegistrationProbesTheServer() {
        assertThat(adding(Map.of()).hardware()).isNull();
    }
}
