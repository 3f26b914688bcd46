package io.knobwright.app.ui;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.inventory.ImportReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/** A scriptable FleetService for view-model tests: each call does what the test set up, and is recorded. */
public final class FakeFleetService implements FleetService {

    public final Map<Long, Instance> instances = new LinkedHashMap<>();
    public final Map<Long, SettingsSnapshot> snapshots = new LinkedHashMap<>();
    public final List<Registration> registrations = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public LongFunction<SettingsSnapshot> refresh = id -> {
        throw new IllegalStateException("refresh not scripted");
    };
    public Function<String, ServerInfo> probe = url -> {
        throw new IllegalStateException("probe not scripted");
    };
    public Function<Path, ImportReport> importer = p -> new ImportReport(List.of(), List.of());
    public RuntimeException listFailure;

    public FakeFleetService(List<Instance> fleet) {
        fleet.forEach(i -> instances.put(i.id(), i));
    }

    @Override
    public List<Instance> list() {
        calls.add("list");
        if (listFailure != null) {
            throw listFailure;
        }
        return instances.values().stream().sorted(Comparator.comparingLong(Instance::id)).toList();
    }

    @Override
    public Optional<Instance> find(long id) {
        return Optional.ofNullable(instances.get(id));
    }

    @Override
    public Map<Long, Instance> findAll(Collection<Long> ids) {
        Map<Long, Instance> found = new LinkedHashMap<>();
        ids.forEach(id -> find(id).ifPresent(i -> found.put(id, i)));
        return found;
    }

    @Override
    public Instance require(String idOrName) {
        return instances.values().stream().filter(i -> i.name().equals(idOrName)).findFirst().orElseThrow();
    }

    @Override
    public ServerInfo testConnection(String jdbcUrl, String user, String password) {
        calls.add("test " + jdbcUrl + " " + user + " " + (password == null ? "-" : "***"));
        return probe.apply(jdbcUrl);
    }

    @Override
    public Instance register(Registration r) {
        registrations.add(r);
        ServerInfo info = probe.apply(r.jdbcUrl());
        CredentialRef credential = r.passwordEnv() != null ? new CredentialRef.EnvironmentVariable(r.passwordEnv())
                : r.password() != null ? new CredentialRef.Sealed("c2VhbGVk") : CredentialRef.NONE;
        long id = instances.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        Instance stored = new Instance(id, r.name(), info.version().engine(), info.version().major(),
                info.fullVersion(), new ConnectionSpec(r.jdbcUrl(), r.user(), credential), r.tags(), r.tier(),
                r.criticality(), r.workload(), info.hardware(), false);
        instances.put(id, stored);
        return stored;
    }

    @Override
    public Instance update(Instance instance) {
        calls.add("update " + instance.name());
        instances.put(instance.id(), instance);
        return instance;
    }

    @Override
    public boolean remove(long id) {
        calls.add("remove " + id);
        return instances.remove(id) != null;
    }

    @Override
    public int removeDemoFleet() {
        calls.add("removeDemoFleet");
        List<Long> demo = instances.values().stream().filter(Instance::demo).map(Instance::id).toList();
        demo.forEach(instances::remove);
        return demo.size();
    }

    @Override
    public SettingsSnapshot refresh(long id) {
        calls.add("refresh " + id);
        SettingsSnapshot s = refresh.apply(id);
        snapshots.put(id, s);
        return s;
    }

    @Override
    public Optional<SettingsSnapshot> latestSnapshot(long id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    @Override
    public Map<Long, SettingsSnapshot> latestSnapshots(Collection<Long> ids, Set<String> names) {
        Map<Long, SettingsSnapshot> found = new LinkedHashMap<>();
        ids.forEach(id -> latestSnapshot(id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    @Override
    public ImportReport importInventory(Path file) {
        calls.add("import " + file.getFileName());
        ImportReport report = importer.apply(file);
        report.imported().forEach(i -> instances.put(i.id(), i));
        return report;
    }

    public static ServerInfo server(EngineVersion version, String full) {
        return new ServerInfo(version, full, io.knobwright.model.fleet.HardwareFacts.UNKNOWN);
    }
}
