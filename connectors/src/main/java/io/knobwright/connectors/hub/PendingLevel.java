package io.knobwright.connectors.hub;

import java.time.Instant;

/**
 * The level of a SUBMITTED plan that is waiting for decisions.
 *
 * @param level       counted from 1
 * @param levels      how many levels the plan's chain has
 * @param approvals   approvals this level has so far
 * @param escalatesAt from when holders of {@code escalateTo} may decide this level too; null without escalation
 */
public record PendingLevel(int level, int levels, String role, int quorum, int approvals, Instant since, Instant escalatesAt,
                           String escalateTo) {

    public PendingLevel {
        if (level < 1 || level > levels || quorum < 1 || approvals < 0 || approvals >= quorum) {
            throw new IllegalArgumentException("Impossible pending level " + level + " of " + levels + " with " + approvals
                    + " of " + quorum + " approvals");
        }
        HubValues.role(role);
        HubValues.present(since, "The time the level became pending");
        if ((escalatesAt == null) != (escalateTo == null)) {
            throw new IllegalArgumentException("An escalation needs both its time and its role");
        }
    }
}
