package io.knobwright.app.testing;

import io.knobwright.app.bench.SampleFleet;
import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.inventory.ImportReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link FleetService} held in memory, for UI tests and screenshots: no store, no server.
 * "Servers" answer from {@link SampleSnapshots}; a host name containing "unreachable" refuses the
 * connection the way the real connector reports it. Thread-safe.
 */
public final class InMemoryFleetService implements FleetService {

    private final Map<Long, Instance> instances = new ConcurrentHashMap<>();
    private final Map<Long, SettingsSnapshot> snapshots = new ConcurrentHashMap<>();
    private final SampleSnapshots sampleSnapshots;
    private final Clock clock;
    private final InventoryCsv inventory = new InventoryCsv();
    private volatile Function<String, ServerInfo> probe = InMemoryFleetService::probe;
    private long nextId;

    public InMemoryFleetService(List<Instance> seed, SampleCatalogs catalogs, Clock clock) {
        this.sampleSnapshots = new SampleSnapshots(catalogs);
        this.clock = clock;
        for (Instance i : seed) {
            instances.put(i.id(), i);
            sampleSnapshots.initial(i, clock.instant()).ifPresent(s -> snapshots.put(i.id(), s));
            nextId = Math.max(nextId, i.id());
        }
    }

    /** A demo (or own) fleet of {@code size} generated instances with snapshots. */
    public static InMemoryFleetService sample(int size, boolean demo, Clock clock) {
        return new InMemoryFleetService(SampleFleet.generate(size, demo, 42), new SampleCatalogs(), clock);
    }

    /** Replaces how "servers" answer a connection, e.g. to simulate an outage in a test. */
    public void setProbe(Function<String, ServerInfo> probe) {
        this.probe = probe;
    }

    @Override
    public List<Instance> list() {
        return instances.values().stream().sorted(Comparator.comparingLong(Instance::id)).toList();
    }

    @Override
    public Optional<Instance> find(long id) {
        return Optional.ofNullable(instances.get(id));
    }

    @Override
    public Map<Long, Instance> findAll(Collection<Long> ids) {
        Map<Long, Instance> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(i -> found.put(id, i)));
        return found;
    }

    @Override
    public Instance require(String idOrName) {
        return instances.values().stream()
                .filter(i -> String.valueOf(i.id()).equals(idOrName) || i.name().equals(idOrName))
                .findFirst().orElseThrow(() -> UserError.input("No instance '" + idOrName + "'"));
    }

    @Override
    public ServerInfo testConnection(String jdbcUrl, String user, String password) {
        return probe.apply(jdbcUrl);
    }

    @Override
    public synchronized Instance register(Registration r) {
        requireFreeName(r.name(), 0);
        ServerInfo info = probe.apply(r.jdbcUrl());
        CredentialRef credential = r.passwordEnv() != null ? new CredentialRef.EnvironmentVariable(r.passwordEnv())
                : r.password() != null ? new CredentialRef.Sealed("aW4tbWVtb3J5") : CredentialRef.NONE;
        Instance stored = new Instance(++nextId, r.name(), info.version().engine(), info.version().major(),
                info.fullVersion(), new ConnectionSpec(r.jdbcUrl(), r.user(), credential), r.tags(), r.tier(),
                r.criticality(), r.workload(), info.hardware(), false);
        instances.put(stored.id(), stored);
        snapshots.put(stored.id(), sampleSnapshots.read(stored, clock.instant(), new Random(stored.id())));
        return stored;
    }

    @Override
    public synchronized Instance update(Instance instance) {
        if (!instances.containsKey(instance.id())) {
            throw UserError.input("No instance with id " + instance.id() + "; it may have been removed.");
        }
        requireFreeName(instance.name(), instance.id());
        instances.put(instance.id(), instance);
        return instance;
    }

    private void requireFreeName(String name, long ownId) {
        boolean taken = instances.values().stream()
                .anyMatch(i -> i.id() != ownId && i.name().equalsIgnoreCase(name));
        if (taken) {
            throw UserError.input("An instance named '" + name + "' already exists. Pick another name.");
        }
    }

    @Override
    public boolean remove(long id) {
        snapshots.remove(id);
        return instances.remove(id) != null;
    }

    @Override
    public synchronized int removeDemoFleet() {
        List<Long> demo = instances.values().stream().filter(Instance::demo).map(Instance::id).toList();
        demo.forEach(this::remove);
        return demo.size();
    }

    @Override
    public SettingsSnapshot refresh(long id) {
        Instance i = find(id).orElseThrow(() -> UserError.input("No instance with id " + id));
        if (!i.connectable()) {
            throw UserError.input(i.name() + " has no connection details. Edit it and add a JDBC URL first.");
        }
        probe.apply(i.connection().jdbcUrl());
        SettingsSnapshot fresh = sampleSnapshots.read(i, clock.instant(), new Random(id + clock.millis()));
        snapshots.put(id, fresh);
        return fresh;
    }

    @Override
    public Optional<SettingsSnapshot> latestSnapshot(long id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    @Override
    public Map<Long, SettingsSnapshot> latestSnapshots(Collection<Long> ids, Set<String> names) {
        Map<Long, SettingsSnapshot> found = new HashMap<>();
        ids.forEach(id -> latestSnapshot(id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    @Override
    public synchronized ImportReport importInventory(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.INPUT, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        ImportReport parsed = inventory.parse(lines, () -> ++nextId);
        List<Instance> stored = new ArrayList<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>(parsed.rejected());
        for (Instance i : parsed.imported()) {
            if (instances.values().stream().anyMatch(o -> o.name().equalsIgnoreCase(i.name()))) {
                rejected.add(new ImportReport.RejectedRow(inventory.rowOf(i), "An instance named '" + i.name()
                        + "' already exists."));
            } else {
                instances.put(i.id(), i);
                stored.add(i);
            }
        }
        rejected.sort(Comparator.comparingInt(ImportReport.RejectedRow::row));
        return new ImportReport(stored, rejected);
    }

    /** How the sample "servers" answer: engine from the URL, a refusal for hosts named "unreachable". */
    static ServerInfo probe(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String host = lower.replaceFirst("^jdbc:[a-z]+://", "").replaceFirst("[:/;?].*$", "");
        if (host.contains("unreachable")) {
            throw new ConnectorException("Connection refused by " + host
                    + ": is the server running and listening on that port?");
        }
        Engine engine = lower.startsWith("jdbc:mariadb:") ? Engine.MARIADB
                : lower.startsWith("jdbc:mysql:") ? Engine.MYSQL : Engine.POSTGRESQL;
        String full = switch (engine) {
            case MARIADB -> "10.11.9-MariaDB";
            case MYSQL -> "8.0.39";
            default -> "16.4";
        };
        return new ServerInfo(EngineVersion.fromServerVersion(engine, full), full,
                new HardwareFacts(8, 32L << 30, DiskType.NVME, 500L << 30));
    }
}
