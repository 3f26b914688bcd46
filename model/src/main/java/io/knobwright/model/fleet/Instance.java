package io.knobwright.model.fleet;

import io.knobwright.model.engine.Engine;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One managed database instance.
 *
 * @param id          store-assigned identifier, 0 for an instance not yet stored
 * @param version     major version as catalogued ("16", "10.11", "8.0", "2022", "19c")
 * @param fullVersion what the server reported ("16.4", "10.11.9-MariaDB"), or the major when never connected
 * @param connection  how to reach it; null for an inventory-only instance (e.g. demo fleet)
 * @param tags        free key/value labels (team=payments, region=eu-west-1), sorted by key
 * @param demo        true for the seeded demo fleet, which can be removed in one go
 */
public record Instance(
        long id,
        String name,
        Engine engine,
        String version,
        String fullVersion,
        ConnectionSpec connection,
        Map<String, String> tags,
        Tier tier,
        Criticality criticality,
        WorkloadKind workload,
        HardwareFacts hardware,
        boolean demo) {

    public Instance {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An instance needs a name");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("Instance name is longer than 200 characters");
        }
        Objects.requireNonNull(engine, "engine");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Instance '" + name + "' needs an engine version");
        }
        fullVersion = fullVersion == null || fullVersion.isBlank() ? version : fullVersion;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        tier = tier == null ? Tier.DEVELOPMENT : tier;
        criticality = criticality == null ? Criticality.MEDIUM : criticality;
        workload = workload == null ? WorkloadKind.MIXED : workload;
        hardware = hardware == null ? HardwareFacts.UNKNOWN : hardware;
    }

    public Instance withId(long newId) {
        return new Instance(newId, name, engine, version, fullVersion, connection, tags, tier, criticality,
                workload, hardware, demo);
    }

    public Instance withHardware(HardwareFacts newHardware) {
        return new Instance(id, name, engine, version, fullVersion, connection, tags, tier, criticality, workload,
                newHardware, demo);
    }

    public boolean connectable() {
        return connection != null;
    }
}
