package io.knobwright.model.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The unit of governance: the changes one instance needs to match a template (later also recommendations
 * and overrides), with where the "from" values came from.
 *
 * @param id            store id, 0 before it is stored
 * @param baseline      "live at <time>" when the from-values were read from the server just now, "snapshot of <time>"
 *                      when they come from the newest stored snapshot, {@link #NO_BASELINE} when no settings were
 *                      ever read (every "from" is then unknown)
 * @param uid           the plan's identity everywhere (this store, the shared hub, webhooks), unlike the store id
 * @param ticket        the external change-management reference (a CHG number); empty when none
 */
public record ChangePlan(long id, long instanceId, String instanceName, String template, int templateVersion,
                         Instant createdAt, String author, PlanState state, String baseline, List<PlannedChange> changes,
                         String uid, String ticket) {

    /** A new plan, with a new uid and no ticket. */
    public ChangePlan(long id, long instanceId, String instanceName, String template, int templateVersion,
                      Instant createdAt, String author, PlanState state, String baseline, List<PlannedChange> changes) {
        this(id, instanceId, instanceName, template, templateVersion, createdAt, author, state, baseline, changes,
                java.util.UUID.randomUUID().toString(), "");
    }

    /** The baseline of a plan made for an instance whose settings were never read. */
    public static final String NO_BASELINE = "no settings read yet";

    public ChangePlan {
        if (instanceName == null || instanceName.isBlank()) {
            throw new IllegalArgumentException("A plan needs a target instance");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        changes = List.copyOf(changes);
        author = author == null ? "" : author;
        baseline = baseline == null ? "" : baseline;
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("A plan needs a uid");
        }
        ticket = ticket == null ? "" : ticket.strip();
    }

    public boolean restartNeeded() {
        return changes.stream().anyMatch(PlannedChange::restartNeeded);
    }

    /**
     * Whether the "from" values were read from the instance at all. Without a baseline every value the template
     * sets is listed as a change from an unknown value, which a reviewer must know before trusting the plan.
     */
    public boolean hasBaseline() {
        return !baseline.isBlank() && !baseline.equals(NO_BASELINE);
    }

    public ChangePlan withId(long newId) {
        return new ChangePlan(newId, instanceId, instanceName, template, templateVersion, createdAt, author, state, baseline,
                changes, uid, ticket);
    }

    public ChangePlan withState(PlanState newState) {
        return new ChangePlan(id, instanceId, instanceName, template, templateVersion, createdAt, author, newState, baseline,
                changes, uid, ticket);
    }

    public ChangePlan withTicket(String newTicket) {
        return new ChangePlan(id, instanceId, instanceName, template, templateVersion, createdAt, author, state, baseline,
                changes, uid, newTicket);
    }

    public ChangePlan withChanges(List<PlannedChange> newChanges) {
        return new ChangePlan(id, instanceId, instanceName, template, templateVersion, createdAt, author, state, baseline,
                newChanges, uid, ticket);
    }
}
