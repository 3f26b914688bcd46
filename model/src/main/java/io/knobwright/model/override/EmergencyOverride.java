package io.knobwright.model.override;

import java.time.Instant;
import java.util.Objects;

/**
 * One emergency change of one parameter on one instance, with the deadline at which it puts itself back.
 *
 * @param prior          what the server held just before (the value under this override); null when the server did
 *                       not report the parameter
 * @param priorPersisted whether that prior value was written by ALTER SYSTEM / SET PERSIST (then restoring writes it
 *                       back) or came from the configuration file or the default (then restoring removes the entry,
 *                       so the server is not pinned to today's value)
 * @param stackedOn      the override this one was explicitly stacked on (same instance and parameter), or 0
 * @param batch          the uid shared by the overrides one request made (several parameters, several instances)
 * @param planId         the break-glass plan opened because a parameter was locked, or 0
 * @param attempts       restorations tried and failed so far; {@code nextAttemptAt} says when the next one is due
 */
public record EmergencyOverride(long id, String batch, long instanceId, String instanceName, String parameter, String value,
                       String prior, boolean priorPersisted, long stackedOn, String actor, String reason, Instant createdAt,
                       Instant deadline, OverrideState state, int attempts, Instant nextAttemptAt, String lastError,
                       Instant endedAt, String endedBy, String note, long planId) {

    public EmergencyOverride {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(state, "state");
        lastError = lastError == null ? "" : lastError;
        note = note == null ? "" : note;
    }

    /** A new override, not yet stored: PENDING, no attempts. */
    public static EmergencyOverride pending(String batch, long instanceId, String instanceName, String parameter, String value,
                                   String prior, boolean priorPersisted, long stackedOn, String actor, String reason,
                                   Instant createdAt, Instant deadline, long planId) {
        return new EmergencyOverride(0, batch, instanceId, instanceName, parameter, value, prior, priorPersisted, stackedOn, actor,
                reason, createdAt, deadline, OverrideState.PENDING, 0, null, "", null, null, "", planId);
    }

    /** Past its deadline and still owning its value: restoring it is due (or failing, when attempts were made). */
    public boolean overdue(Instant now) {
        return (state == OverrideState.ACTIVE || state == OverrideState.RESTORING) && !deadline.isAfter(now);
    }

    /** A restoration was tried and failed, and nobody acted yet: the dashboard's alarm. */
    public boolean restoreFailing() {
        return state == OverrideState.ACTIVE && attempts > 0;
    }

    public EmergencyOverride withId(long newId) {
        return new EmergencyOverride(newId, batch, instanceId, instanceName, parameter, value, prior, priorPersisted, stackedOn, actor,
                reason, createdAt, deadline, state, attempts, nextAttemptAt, lastError, endedAt, endedBy, note, planId);
    }

    public EmergencyOverride withState(OverrideState newState) {
        return new EmergencyOverride(id, batch, instanceId, instanceName, parameter, value, prior, priorPersisted, stackedOn, actor,
                reason, createdAt, deadline, newState, attempts, nextAttemptAt, lastError, endedAt, endedBy, note, planId);
    }
}
