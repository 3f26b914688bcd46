package io.knobwright.app.ui.instance;

import io.knobwright.app.ui.FakeFleetService;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.HeldTaskRunner;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceDetailViewModelTest {

    private static final Instant READ_AT = Instant.parse("2026-03-02T09:15:00Z");
    private final List<Instance> fleet = Fixtures.smallFleet();
    private final Instance pg16 = fleet.get(0);
    private final Instance oracle = fleet.get(6);
    private final FakeFleetService service = new FakeFleetService(fleet);

    private static ParameterSpec spec(String name, ParameterType type, String unit, String dflt, ApplyMode mode) {
        return new ParameterSpec(Engine.POSTGRESQL, "16", name, type, unit, null, null, List.of(), dflt, mode, "", "", "");
    }

    private static final ParameterCatalog PG16 = new ParameterCatalog(new EngineVersion(Engine.POSTGRESQL, "16"), "test",
            List.of(spec("shared_buffers", ParameterType.INTEGER, "8kB", "16384", ApplyMode.RESTART),
                    spec("work_mem", ParameterType.INTEGER, "kB", "4096", ApplyMode.ONLINE),
                    spec("autovacuum", ParameterType.BOOLEAN, null, "on", ApplyMode.RELOAD),
                    hostDependent("unix_socket_directories", "/tmp", "the distribution's build"),
                    hostDependent("max_stack_depth", "100", "the host's resource limits (ulimit)")));

    private static ParameterSpec hostDependent(String name, String example, String dependsOn) {
        return new ParameterSpec(Engine.POSTGRESQL, "16", name, ParameterType.STRING, null, null, null, List.of(),
                example, ApplyMode.RESTART, "", "Sets the directories.", "", dependsOn);
    }

    private static final CatalogLookup CATALOGS = (id, v) -> v.equals(PG16.engineVersion()) ? Optional.of(PG16) : Optional.empty();

    private static SettingsSnapshot snapshot(long id, LiveSetting... settings) {
        return new SettingsSnapshot(id, READ_AT, "16.2", List.of(settings));
    }

    private InstanceDetailViewModel detail(BackgroundWork work) {
        return new InstanceDetailViewModel(service, CATALOGS, work, ZoneOffset.UTC);
    }

    @Test
    void showsSettingsNextToCatalogDefaultsAndMarksChangedOnes() {
        service.snapshots.put(pg16.id(), snapshot(pg16.id(),
                new LiveSetting("shared_buffers", "524288", "8kB", "configuration file", true),
                new LiveSetting("work_mem", "4096", "kB", "default", false),
                new LiveSetting("autovacuum", "on", null, "default", false)));
        InstanceDetailViewModel vm = detail(Fixtures.inline());

        vm.show(pg16);

        assertThat(vm.settings()).extracting(SettingRow::name, SettingRow::current, SettingRow::defaultValue,
                        SettingRow::changed, SettingRow::pendingRestart)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("autovacuum", "on", "on", false, false),
                        org.assertj.core.groups.Tuple.tuple("shared_buffers", "524288", "16384", true, true),
                        org.assertj.core.groups.Tuple.tuple("work_mem", "4096", "4096", false, false));
        assertThat(vm.summaryProperty().get()).isEqualTo("3 settings · 1 differs from default");
        assertThat(vm.snapshotInfoProperty().get()).isEqualTo("Read 2026-03-02 09:15 · server 16.2");
        assertThat(vm.catalogNoteProperty().get()).isEmpty();
    }

    @Test
    void aDefaultThatDependsOnTheHostOrTheBuildIsShownSoAndNeverCountsAsChanged() {
        service.snapshots.put(pg16.id(), snapshot(pg16.id(),
                new LiveSetting("unix_socket_directories", "/var/run/postgresql", null, "default", false),
                new LiveSetting("max_stack_depth", "2048", "kB", "environment variable", false),
                new LiveSetting("work_mem", "65536", "kB", "configuration file", false)));
        InstanceDetailViewModel vm = detail(Fixtures.inline());

        vm.show(pg16);

        assertThat(vm.settings()).extracting(SettingRow::name, SettingRow::defaultValue, SettingRow::changed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("max_stack_depth", "per host", false),
                        org.assertj.core.groups.Tuple.tuple("unix_socket_directories", "per build", false),
                        org.assertj.core.groups.Tuple.tuple("work_mem", "4096", true));
        assertThat(vm.settings().get(1).description()).isEqualTo("Default depends on the distribution's build"
                + " (where the catalog was made: /tmp). Sets the directories.");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 settings · 1 differs from default");
    }

    @Test
    void onlyNonDefaultAndSearchNarrowTheSettings() {
        service.snapshots.put(pg16.id(), snapshot(pg16.id(),
                new LiveSetting("shared_buffers", "524288", "8kB", "configuration file", false),
                new LiveSetting("work_mem", "65536", "kB", "configuration file", false),
                new LiveSetting("autovacuum", "on", null, "default", false)));
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(pg16);

        vm.onlyChangedProperty().set(true);
        assertThat(vm.settings()).extracting(SettingRow::name).containsExactly("shared_buffers", "work_mem");
        vm.settingsSearchProperty().set("WORK");
        assertThat(vm.settings()).extracting(SettingRow::name).containsExactly("work_mem");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 settings · 2 differ from default · 1 shown");
    }

    @Test
    void anInstanceNeverReadSaysHowToGetItsSettings() {
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(pg16);
        assertThat(vm.settings()).isEmpty();
        assertThat(vm.placeholderProperty().get())
                .isEqualTo("No settings read yet. Connect it to a live server, or Refresh.");
    }

    @Test
    void aMissingCatalogIsSaidPlainlyAndNothingIsMarkedChanged() {
        service.snapshots.put(oracle.id(), new SettingsSnapshot(oracle.id(), READ_AT, "19.24",
                List.of(new LiveSetting("processes", "600", null, "spfile", false))));
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(oracle);
        assertThat(vm.catalogNoteProperty().get()).startsWith("No catalog for Oracle 19c");
        assertThat(vm.settings()).singleElement().satisfies(r -> {
            assertThat(r.changed()).isFalse();
            assertThat(r.defaultValue()).isEmpty();
        });
    }

    @Test
    void factsShowWhereThePasswordComesFromButNeverAPassword() {
        Instance withSecretInUrl = Fixtures.connected(pg16,
                "jdbc:postgresql://db1:5432/postgres?ssl=true&password=hunter2", new CredentialRef.Sealed("xyz"));
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(withSecretInUrl);
        assertThat(vm.facts()).extracting(Fact::value).noneMatch(v -> v.contains("hunter2") || v.contains("xyz"));
        assertThat(vm.facts()).contains(new Fact("JDBC URL", "jdbc:postgresql://db1:5432/postgres?ssl=true&password=***"),
                new Fact("User", "dba"), new Fact("Password", "sealed in the local store"));

        vm.show(Fixtures.connected(pg16, "jdbc:postgresql://db1/postgres",
                new CredentialRef.EnvironmentVariable("PGPASSWORD")));
        assertThat(vm.facts()).contains(new Fact("Password", "from $PGPASSWORD at connect time"));
    }

    @Test
    void refreshReadsTheServerAndShowsTheNewSettings() {
        Instance connected = Fixtures.connected(pg16, "jdbc:postgresql://db1/postgres", CredentialRef.NONE);
        service.refresh = id -> snapshot(id, new LiveSetting("work_mem", "8192", "kB", "session", false));
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(connected);
        assertThat(vm.canRefreshProperty().get()).isTrue();

        vm.refreshFromServer();

        assertThat(service.calls).contains("refresh " + pg16.id());
        assertThat(vm.settings()).singleElement().satisfies(r -> assertThat(r.changed()).isTrue());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.refreshingProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerShowsTheConnectorsMessageNotAStackTrace() {
        Instance connected = Fixtures.connected(pg16, "jdbc:postgresql://db1:5433/postgres", CredentialRef.NONE);
        service.refresh = id -> {
            throw new ConnectorException("Connection refused by db1:5433: is the server running and listening on that port?");
        };
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(connected);

        vm.refreshFromServer();

        assertThat(vm.errorProperty().get()).isEqualTo("Refresh from server failed: Connection refused by db1:5433: "
                + "is the server running and listening on that port?");
        assertThat(vm.canRefreshProperty().get()).isTrue();
    }

    @Test
    void instancesWithoutConnectionCannotBeRefreshed() {
        InstanceDetailViewModel vm = detail(Fixtures.inline());
        vm.show(pg16);
        assertThat(vm.canRefreshProperty().get()).isFalse();
        vm.refreshFromServer();
        assertThat(service.calls).doesNotContain("refresh " + pg16.id());
    }

    @Test
    void aLateAnswerForAnInstanceTheUserLeftIsDropped() {
        HeldTaskRunner held = new HeldTaskRunner();
        service.snapshots.put(pg16.id(), snapshot(pg16.id(), new LiveSetting("work_mem", "1", "kB", "", false)));
        InstanceDetailViewModel vm = detail(new BackgroundWork(held, Runnable::run, (action, details) -> { }));

        vm.show(pg16);
        vm.show(oracle);
        held.completeAll();

        assertThat(vm.instanceProperty().get()).isEqualTo(oracle);
        assertThat(vm.settings()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo(InstanceDetailViewModel.NO_SNAPSHOT);
    }
}
