package io.knobwright.app.template;

import io.knobwright.model.fleet.Instance;

import java.time.Instant;
import java.util.Objects;

/**
 * An instance a template's plans could be made for.
 *
 * @param follows        whether the instance is assigned to the template (any version)
 * @param settingsReadAt when its newest settings snapshot was taken; null when its settings were never read, so a
 *                       plan made from a snapshot would have no baseline
 */
public record PlanCandidate(Instance instance, boolean follows, Instant settingsReadAt) {

    public PlanCandidate {
        Objects.requireNonNull(instance, "instance");
    }

    public boolean settingsRead() {
        return settingsReadAt != null;
    }
}
