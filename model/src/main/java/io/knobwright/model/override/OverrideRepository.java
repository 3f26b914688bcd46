package io.knobwright.model.override;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Emergency overrides in the store: each write commits on its own unless it runs inside a unit of work. */
public interface OverrideRepository {

    /** Stores a new override (PENDING) and returns it with its id. */
    EmergencyOverride insert(EmergencyOverride override);

    Optional<EmergencyOverride> find(long id);

    /** Overrides stacked directly on {@code id}. */
    List<EmergencyOverride> stackedOn(long id);

    /** Live overrides (pending, active, restoring, attention) of one parameter on one instance, oldest first. */
    List<EmergencyOverride> liveOn(long instanceId, String parameter);

    /** Every live override, soonest deadline first. */
    List<EmergencyOverride> live();

    /** The newest overrides of any state, newest first. */
    List<EmergencyOverride> recent(int limit);

    /** Active overrides whose deadline passed and whose next attempt is due, and restorations left claimed since before {@code staleBefore}. */
    List<EmergencyOverride> due(Instant now, Instant staleBefore);

    /** Overrides left PENDING since before {@code before}: a process died while applying them. */
    List<EmergencyOverride> pendingSince(Instant before);

    /**
     * Moves an override from {@code from} to {@code to} only if it is still in {@code from}: the claim that keeps two
     * processes from restoring the same override. Returns whether this caller won.
     */
    boolean transition(long id, OverrideState from, OverrideState to, Instant at);

    /** Ends an override (RESTORED, KEPT, FAILED, ATTENTION) with who and why. */
    void end(long id, OverrideState state, Instant at, String by, String note);

    /** Records a failed restoration: back to ACTIVE, with the attempt count, the error and when to try again. */
    void failedAttempt(long id, int attempts, Instant nextAttemptAt, String error);

    /** A new deadline (extend); clears the retry schedule so the new deadline counts. */
    void reschedule(long id, Instant deadline);

    /**
     * Writes everything committed so far to the store's file and syncs it. H2 commits reach the file up to half a
     * second later; an override row must be on disk before its server is touched, or a process killed meanwhile
     * would leave a changed server that nobody restores (0119, 0120). Outside a transaction only.
     */
    void onDisk();

    /**
     * Writes everything committed so far to the store's file without syncing it: it survives the process being
     * killed, not a power cut. For states whose loss the journal already covers: an ACTIVE override lost with the
     * machine is still PENDING on disk, and the next start puts its server back (0120).
     */
    void inFile();

    /**
     * Takes (or renews) the restoration scheduler's lease for {@code holder}: granted when nobody holds it, when
     * {@code holder} already does, or when the holder's last heartbeat is older than {@code lease}. Atomic across
     * processes sharing the store.
     */
    boolean acquireLease(String holder, Instant now, java.time.Duration lease);

    /** Who holds the scheduler's lease now (a heartbeat younger than {@code lease}), if anyone. */
    Optional<String> leaseHolder(Instant now, java.time.Duration lease);

    void releaseLease(String holder);
}
