package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.policy.LockRule;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the recommender reads for one instance. The app assembles it: hardware facts, the settings in force
 * (a settings snapshot), the effective catalog of the server's version, the workload shape the simulator uses, the
 * profile's measurements, the policy's locks that cover the instance, and the planner probe's judgements.
 *
 * @param machine         CPUs, RAM and storage the model divides among the server's needs
 * @param diskBytes       size of the data volume, 0 when unknown (bounds max_wal_size)
 * @param catalog         the server's own catalog (or the shipped one of its version): the valid values
 * @param currentSettings the settings in force as the server reports them (pg_settings' value in its unit, or
 *                        "128MB"); a setting not listed is at the catalog's default
 * @param locks           the lock rules that cover this instance (their patterns are matched against parameters)
 */
public record RecommendationRequest(String instance, Machine machine, long diskBytes, ParameterCatalog catalog,
                                    Map<String, String> currentSettings, WorkloadShape workload,
                                    List<Measurement> measurements, List<LockRule> locks,
                                    RecommendationOptions options, PlannerEvidence planner) {

    public RecommendationRequest {
        if (instance == null || instance.isBlank()) {
            throw new IllegalArgumentException("A recommendation request names its instance");
        }
        Objects.requireNonNull(machine, "machine");
        if (diskBytes < 0) {
            throw new IllegalArgumentException("The disk size is not negative: " + diskBytes);
        }
        Objects.requireNonNull(catalog, "catalog");
        Map<String, String> settings = new LinkedHashMap<>();
        currentSettings.forEach((k, v) -> {
            if (v != null) {
                settings.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        currentSettings = java.util.Collections.unmodifiableMap(settings);
        Objects.requireNonNull(workload, "workload");
        measurements = List.copyOf(measurements);
        locks = List.copyOf(locks);
        Objects.requireNonNull(options, "options");
        planner = planner == null ? PlannerEvidence.NONE : planner;
    }

    /**
     * The machine the model needs from an instance's hardware facts.
     *
     * @throws IllegalArgumentException naming the missing fact and how to supply it
     */
    public static Machine machineOf(String instance, HardwareFacts facts) {
        if (facts.cpus() < 1 || facts.memoryBytes() <= 0) {
            throw new IllegalArgumentException("The " + (facts.cpus() < 1 ? "CPU count" : "RAM") + " of " + instance
                    + " is not known, and recommendations are sized by it: refresh the instance's facts or enter "
                    + "them (CPUs and RAM) in its hardware facts.");
        }
        return new Machine(facts.cpus(), facts.memoryBytes(), DeviceProfile.of(facts.diskType()));
    }

    /**
     * The workload of an engine whose recommendations read the measurements rather than a statement mix (MySQL,
     * MariaDB, SQL Server, Oracle; decision 0153): only its clients count, as the memory budget's active connections.
     */
    public static WorkloadShape clientsOnly(int clients, double dataBytes) {
        return new WorkloadShape("measured sessions", List.of(new io.knobwright.simulator.model.QueryClass(
                "sessions (statement mix not modelled for this engine)", 1, 0, 0, 0, 0, 0, 0, false)),
                Math.max(0, dataBytes), 0, Math.max(1, clients), 0, 0);
    }

    public RecommendationRequest withOptions(RecommendationOptions next) {
        return new RecommendationRequest(instance, machine, diskBytes, catalog, currentSettings, workload, measurements,
                locks, next, planner);
    }

    public RecommendationRequest withCurrentSettings(Map<String, String> next) {
        return new RecommendationRequest(instance, machine, diskBytes, catalog, next, workload, measurements, locks,
                options, planner);
    }

    public RecommendationRequest withLocks(List<LockRule> next) {
        return new RecommendationRequest(instance, machine, diskBytes, catalog, currentSettings, workload, measurements,
                next, options, planner);
    }

    /** The same instance and settings with another workload: one time window's (decision 0154). */
    public RecommendationRequest withWorkload(WorkloadShape next) {
        return new RecommendationRequest(instance, machine, diskBytes, catalog, currentSettings, next, measurements,
                locks, options, planner);
    }

    public RecommendationRequest withPlanner(PlannerEvidence next) {
        return new RecommendationRequest(instance, machine, diskBytes, catalog, currentSettings, workload, measurements,
                locks, options, next);
    }
}
