package io.knobwright.model.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The unit of governance: the changes one instance needs to match a template (later also recommendations
 * and overrides), with where the "from" values came from.
 *
 * @param id            store id, 0 before it is stored
 * @param baseline      "live" when the from-values were read from the server just now, otherwise "snapshot of <time>"
 */
public record ChangePlan(long id, long instanceId, String instanceName, String template, int templateVersion,
                         Instant createdAt, String author, PlanState state, String baseline, List<PlannedChange> changes) {

    public ChangePlan {
        if (instanceName == null || instanceName.isBlank()) {
            throw new IllegalArgumentException("A plan needs a target instance");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        changes = List.copyOf(changes);
        author = author == null ? "" : author;
        baseline = baseline == null ? "" : baseline;
    }

    public boolean restartNeeded() {
        return changes.stream().anyMatch(PlannedChange::restartNeeded);
    }

    public ChangePlan withId(long newId) {
        return new ChangePlan(newId, instanceId, instanceName, template, templateVersion, createdAt, author, state, baseline, changes);
    }
}
