package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the store keeps of each instance's queries: fingerprints from log imports, N+1 bursts, captured plans. */
public interface QueryRepository {

    /** Every stored fingerprint of the instance (id 0: the ones folded together), for the next import to add to. */
    List<FingerprintState> states(long instanceId);

    /**
     * Replaces the instance's fingerprints by {@code states} and records the import and the bursts it found, all in
     * one unit: an import is in the store whole or not at all.
     *
     * @return the import as recorded, with its id
     */
    LogImportRecord recordImport(List<FingerprintState> states, LogImportRecord imported, List<BurstDetector.Burst> bursts);

    /** The import of a file with this content key into the instance, if there was one. */
    Optional<LogImportRecord> importOf(long instanceId, String contentKey);

    /** The instance's imports, newest first. */
    List<LogImportRecord> imports(long instanceId);

    /** The instance's top fingerprints (not the folded ones) by {@code order}, at most {@code limit}. */
    List<FingerprintSummary> top(long instanceId, TopOrder order, int limit);

    /** The instance's N+1 bursts, the most calls first, at most {@code limit}. */
    List<BurstDetector.Burst> bursts(long instanceId, int limit);

    void savePlan(CapturedPlan plan);

    /** The instance's captured plans since {@code since}, oldest first. */
    List<CapturedPlan> plans(long instanceId, Instant since);
}
