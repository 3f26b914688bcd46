package io.knobwright.app.fleet;

import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.inventory.ImportReport;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the workbench and the CLI do with the fleet: one place that combines the store and the
 * connectors, so both front ends behave the same. Every method blocks; UIs call it through TaskRunner.
 */
public interface FleetService {

    List<Instance> list();

    Optional<Instance> find(long id);

    /** The instances with these ids, by id, read in a few queries however many; unknown ids are left out. */
    Map<Long, Instance> findAll(Collection<Long> ids);

    /** Finds by numeric id or by exact name; fails with "No instance 'x'" otherwise. */
    Instance require(String idOrName);

    /** Connects, reads version and hardware, closes. Throws ConnectorException with a user message. */
    ServerInfo testConnection(String jdbcUrl, String user, String password);

    /**
     * Registers a reachable server: probes it, takes engine and version from it, seals the password
     * (or keeps only the env-var name), stores the instance and a first settings snapshot.
     */
    Instance register(Registration registration);

    /**
     * Validates and stores edits to name, tags, tier, criticality, workload and hardware facts. Hardware facts
     * the caller changed should be marked entered ({@link io.knobwright.model.fleet.HardwareFacts#withMemory} etc.):
     * refreshes then leave them alone.
     */
    Instance update(Instance instance);

    boolean remove(long id);

    int removeDemoFleet();

    /**
     * Reads live settings from the server and stores them as the newest snapshot, with the hardware the server
     * reported. Probed hardware facts of the instance follow the server; facts a user entered are kept.
     */
    SettingsSnapshot refresh(long id);

    Optional<SettingsSnapshot> latestSnapshot(long id);

    /**
     * The newest snapshot of each of these instances, by id, read in a few queries; those without one are left out.
     * Each holds only the settings with these names, spelled as the server reports them (what a template's plan or
     * drift looks at, see TemplatePlanner.parameters).
     */
    Map<Long, SettingsSnapshot> latestSnapshots(Collection<Long> ids, Set<String> names);

    /** Imports a CSV or JSON inventory: good rows are stored, bad rows come back with their reason. */
    ImportReport importInventory(Path file);
}
