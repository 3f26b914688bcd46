package io.knobwright.app.fleet;

import io.knobwright.app.testing.FakeConnector;
import io.knobwright.app.testing.FakeVault;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.fleet.inventory.InventoryImport;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultFleetServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private final KnobwrightStore store = KnobwrightStore.inMemory("fleet-service-" + UUID.randomUUID(), false);
    private final InstanceRepository instances = store.instances();
    private final Map<String, String> env = new HashMap<>();
    private final FakeConnector server = new FakeConnector();
    private final DefaultFleetService fleet = new DefaultFleetService(store, new FakeVault(env),
            new ConnectorRegistry(List.of(server)), new InventoryImport(instances), env::get, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static Registration registration(String name, String password, String passwordEnv) {
        return new Registration(name, "jdbc:fake://db1/app", "dba", password, passwordEnv, Tier.PRODUCTION,
                Criticality.HIGH, WorkloadKind.OLTP, Map.of("team", "payments"));
    }

    @Test
    void registersTheServerWithEngineAndVersionItReportsAndAFirstSnapshot() {
        Instance stored = fleet.register(registration("orders", null, null));

        assertThat(stored.id()).isPositive();
        assertThat(stored.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(stored.version()).isEqualTo("16");
        assertThat(stored.fullVersion()).isEqualTo("16.4");
        assertThat(stored.hardware().cpus()).isEqualTo(8);
        assertThat(stored.tier()).isEqualTo(Tier.PRODUCTION);
        assertThat(stored.tags()).containsEntry("team", "payments");
        SettingsSnapshot first = fleet.latestSnapshot(stored.id()).orElseThrow();
        assertThat(first.takenAt()).isEqualTo(NOW);
        assertThat(first.serverVersion()).isEqualTo("16.4");
        assertThat(first.find("shared_buffers")).map(LiveSetting::value).contains("16384");
    }

    @Test
    void registersAMariaDbServerAsMariaDbEvenOnAMysqlUrlScheme() {
        server.server(Engine.MARIADB, "10.11.9-MariaDB-0+deb12u1");

        Instance stored = fleet.register(registration("shop", null, null));

        assertThat(stored.engine()).isEqualTo(Engine.MARIADB);
        assertThat(stored.version()).isEqualTo("10.11");
    }

    @Test
    void sealsAClearTextPasswordAndConnectsWithIt() {
        Instance stored = fleet.register(registration("orders", "s3cret", null));

        CredentialRef credential = stored.connection().credential();
        assertThat(credential).isInstanceOf(CredentialRef.Sealed.class);
        assertThat(((CredentialRef.Sealed) credential).sealed()).doesNotContain("s3cret");
        assertThat(server.targets()).allSatisfy(t -> assertThat(t.password()).isEqualTo("s3cret"));
    }

    @Test
    void keepsOnlyTheVariableNameWhenThePasswordComesFromTheEnvironment() {
        env.put("ORDERS_PW", "from-env");

        Instance stored = fleet.register(registration("orders", null, "ORDERS_PW"));

        assertThat(stored.connection().credential()).isEqualTo(new CredentialRef.EnvironmentVariable("ORDERS_PW"));
        assertThat(server.targets()).allSatisfy(t -> assertThat(t.password()).isEqualTo("from-env"));
    }

    @Test
    void refusesAnUnsetPasswordVariableBeforeConnectingAndStoresNothing() {
        assertThatThrownBy(() -> fleet.register(registration("orders", null, "MISSING_PW")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("MISSING_PW is not set");
        assertThat(server.targets()).isEmpty();
        assertThat(instances.count()).isZero();
    }

    @Test
    void anUnreachableServerLeavesNothingBehind() {
        server.refuse("Connection refused by db1:5432: is the server running?");

        assertThatThrownBy(() -> fleet.register(registration("orders", null, null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Connection refused");
        assertThat(instances.count()).isZero();
    }

    @Test
    void failingToReadSettingsLeavesNothingBehind() {
        server.failReadingSettings("permission denied for view pg_settings");

        assertThatThrownBy(() -> fleet.register(registration("orders", null, null)))
                .isInstanceOf(ConnectorException.class);
        assertThat(instances.count()).isZero();
    }

    @Test
    void aFirstSnapshotTheStoreRefusesLeavesNoInstanceBehind() {
        server.settings(List.of(new LiveSetting("x".repeat(300), "1", null, "default", false)));

        assertThatThrownBy(() -> fleet.register(registration("orders", null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be stored");
        assertThat(instances.count()).isZero();
    }

    @Test
    void refusesASecondInstanceWithTheSameNameWithoutConnecting() {
        fleet.register(registration("orders", null, null));
        int connectionsBefore = server.targets().size();

        assertThatThrownBy(() -> fleet.register(registration("orders", null, null)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("'orders' already exists");
        assertThat(server.targets()).hasSize(connectionsBefore);
        assertThat(instances.count()).isEqualTo(1);
    }

    @Test
    void refusesANameWithAControlCharacterThatWouldCorruptListings() {
        assertThatThrownBy(() -> fleet.register(registration("orders\nrm -rf", null, null)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("control character");
    }

    @Test
    void acceptsQuotesAndUnicodeInNames() {
        Instance stored = fleet.register(registration("Zürich \"primary\" 's' 数据库", null, null));

        assertThat(fleet.require("Zürich \"primary\" 's' 数据库").id()).isEqualTo(stored.id());
    }

    @Test
    void refusesSomethingThatIsNotAJdbcUrl() {
        Registration r = new Registration("orders", "postgres://db1/app", null, null, null, null, null, null, Map.of());

        assertThatThrownBy(() -> fleet.register(r))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("is not a JDBC URL");
    }

    @Test
    void anUrlNoConnectorUnderstandsIsAUserErrorNotAConnectionFailure() {
        Registration r = new Registration("orders", "jdbc:db2://db1/app", null, null, null, null, null, null, Map.of());

        assertThatThrownBy(() -> fleet.register(r))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("No connector understands");
    }

    @Test
    void requireFindsByNameFirstThenById() {
        Instance a = fleet.register(registration("orders", null, null));
        Instance named2 = fleet.register(registration(String.valueOf(a.id() + 5), null, null));

        assertThat(fleet.require("orders").id()).isEqualTo(a.id());
        assertThat(fleet.require(String.valueOf(a.id())).id()).isEqualTo(a.id());
        assertThat(fleet.require(named2.name()).id()).isEqualTo(named2.id());
    }

    @Test
    void requireNamesTheInstanceItCannotFind() {
        assertThatThrownBy(() -> fleet.require("nope"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessage("No instance 'nope'. See 'knobwright fleet list' for ids and names.");
        assertThatThrownBy(() -> fleet.require("99999999999999999999999"))
                .hasMessageContaining("No instance '99999999999999999999999'");
    }

    @Test
    void refreshOpensTheSealedPasswordAndStoresANewestSnapshot() {
        Instance stored = fleet.register(registration("orders", "s3cret", null));
        server.settings(List.of(new LiveSetting("shared_buffers", "32768", "8kB", "configuration file", true)));

        SettingsSnapshot refreshed = fleet.refresh(stored.id());

        assertThat(server.targets().getLast().password()).isEqualTo("s3cret");
        assertThat(fleet.latestSnapshot(stored.id())).contains(refreshed);
        assertThat(refreshed.find("shared_buffers").orElseThrow().pendingRestart()).isTrue();
    }

    @Test
    void registrationAndRefreshKeepTheServersOwnDescriptionOfItsParameters() {
        ParameterCatalog first = new CatalogRepository().require(Engine.POSTGRESQL, "16");
        server.describes(first);
        Instance stored = fleet.register(registration("orders", null, null));
        assertThat(store.serverCatalogs().latest(stored.id()).orElseThrow().catalog().parameters())
                .hasSameSizeAs(first.parameters());

        ParameterCatalog second = new ParameterCatalog(first.engineVersion(), "pg_settings of PostgreSQL 16.9",
                first.parameters().subList(0, 10));
        server.describes(second);
        SettingsSnapshot refreshed = fleet.refresh(stored.id());

        assertThat(store.serverCatalogs().latest(stored.id()).orElseThrow())
                .satisfies(c -> assertThat(c.catalog().origin()).isEqualTo("pg_settings of PostgreSQL 16.9"))
                .satisfies(c -> assertThat(c.catalog().parameters()).hasSize(10))
                .satisfies(c -> assertThat(c.readAt()).isEqualTo(refreshed.takenAt()));
    }

    @Test
    void aServerWithoutADescriptionOfItsParametersLeavesNoneBehind() {
        Instance stored = fleet.register(registration("orders", null, null));

        fleet.refresh(stored.id());

        assertThat(store.serverCatalogs().latest(stored.id())).isEmpty();
    }

    @Test
    void refreshRecordsAServerUpgradeInTheInstanceFacts() {
        Instance stored = fleet.register(registration("orders", null, null));
        server.server(Engine.POSTGRESQL, "17.2");

        fleet.refresh(stored.id());

        Instance after = fleet.find(stored.id()).orElseThrow();
        assertThat(after.version()).isEqualTo("17");
        assertThat(after.fullVersion()).isEqualTo("17.2");
        assertThat(after.tags()).isEqualTo(stored.tags());
    }

    @Test
    void refreshUpdatesProbedHardwareKeepsWhatAUserEnteredAndRecordsWhatTheServerReported() {
        Instance stored = fleet.register(registration("orders", null, null));
        assertThat(stored.hardware().source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        fleet.update(stored.withHardware(stored.hardware().withMemory(64L << 30)));
        server.hardware(HardwareFacts.probed(16, 24L << 30, DiskType.UNKNOWN, 0));

        SettingsSnapshot refreshed = fleet.refresh(stored.id());

        HardwareFacts after = fleet.find(stored.id()).orElseThrow().hardware();
        assertThat(after.cpus()).isEqualTo(16);
        assertThat(after.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        assertThat(after.memoryBytes()).isEqualTo(64L << 30);
        assertThat(after.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
        assertThat(refreshed.reportedHardware().memoryBytes()).isEqualTo(24L << 30);
        assertThat(after.enteredDifferently(refreshed.reportedHardware())).containsExactly(HardwareFact.RAM);
    }

    @Test
    void anUpgradeWhoseSnapshotCannotBeStoredKeepsTheOldFacts() {
        Instance stored = fleet.register(registration("orders", null, null));
        SettingsSnapshot first = fleet.latestSnapshot(stored.id()).orElseThrow();
        server.server(Engine.POSTGRESQL, "17.2")
                .settings(List.of(new LiveSetting("x".repeat(300), "1", null, "default", false)));

        assertThatThrownBy(() -> fleet.refresh(stored.id())).isInstanceOf(StoreException.class);

        assertThat(fleet.find(stored.id()).orElseThrow().fullVersion()).isEqualTo("16.4");
        assertThat(fleet.latestSnapshot(stored.id())).contains(first);
    }

    @Test
    void refreshOfAnInventoryOnlyInstanceSaysHowToRegisterIt() {
        Instance inventory = instances.save(new Instance(0, "legacy", Engine.ORACLE, "19c", null, null, Map.of(),
                null, null, null, null, false));

        assertThatThrownBy(() -> fleet.refresh(inventory.id()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("inventory only");
        assertThat(server.targets()).isEmpty();
    }

    @Test
    void refreshWithAMissingPasswordVariableFailsWithoutANewSnapshot() {
        env.put("ORDERS_PW", "x");
        Instance stored = fleet.register(registration("orders", null, "ORDERS_PW"));
        env.remove("ORDERS_PW");
        SettingsSnapshot before = fleet.latestSnapshot(stored.id()).orElseThrow();

        assertThatThrownBy(() -> fleet.refresh(stored.id())).hasMessageContaining("ORDERS_PW");
        assertThat(fleet.latestSnapshot(stored.id())).contains(before);
    }

    @Test
    void updateRefusesToRenameOntoAnExistingName() {
        fleet.register(registration("orders", null, null));
        Instance other = fleet.register(registration("billing", null, null));
        Instance renamed = new Instance(other.id(), "orders", other.engine(), other.version(), other.fullVersion(),
                other.connection(), other.tags(), other.tier(), other.criticality(), other.workload(), other.hardware(), false);

        assertThatThrownBy(() -> fleet.update(renamed)).hasMessageContaining("'orders' already exists");
        assertThat(fleet.find(other.id()).orElseThrow().name()).isEqualTo("billing");
    }

    @Test
    void removeDemoFleetKeepsRegisteredInstances() {
        Instance mine = fleet.register(registration("orders", null, null));
        instances.save(new Instance(0, "demo-1", Engine.MYSQL, "8.0", null,
                new ConnectionSpec("jdbc:mysql://demo/x", null, null), Map.of(), null, null, null, null, true));

        assertThat(fleet.removeDemoFleet()).isEqualTo(1);
        assertThat(fleet.list()).extracting(Instance::id).containsExactly(mine.id());
    }

    @Test
    void importStoresGoodRowsAndReportsBadRowsAndNameClashesWithTheirLine(@TempDir Path dir) throws Exception {
        fleet.register(registration("orders", null, null));
        Path csv = Files.writeString(dir.resolve("fleet.csv"), """
                name,engine,version,tier,tags
                billing,postgresql,16.4,prod,team=billing
                orders,postgresql,16,prod,
                legacy,db2,11,test,
                """);

        ImportReport report = fleet.importInventory(csv);

        assertThat(report.imported()).extracting(Instance::name).containsExactly("billing");
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(3, 4);
        assertThat(report.rejected().get(0).reason()).contains("'orders' already exists");
        assertThat(fleet.require("billing").tier()).isEqualTo(Tier.PRODUCTION);
    }
}
