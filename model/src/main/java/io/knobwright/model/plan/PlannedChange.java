package io.knobwright.model.plan;

import io.knobwright.model.catalog.ApplyMode;

/**
 * One parameter change in a plan.
 *
 * @param from       current value (live, or from the newest snapshot), null when the server does not report it
 * @param to         target value in the engine's base unit
 * @param provenance which template and version set it, and the expression evaluated ("postgresql-oltp v3: 25% of RAM")
 * @param note       e.g. a clamping note from resolution; empty when nothing to say
 */
public record PlannedChange(String parameter, String from, String to, String unit, ApplyMode applyMode,
                            String provenance, String note) {

    public PlannedChange {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("A planned change needs a parameter");
        }
        if (to == null) {
            throw new IllegalArgumentException("A planned change of " + parameter + " needs a target value");
        }
        note = note == null ? "" : note;
        provenance = provenance == null ? "" : provenance;
    }

    public boolean restartNeeded() {
        return applyMode == ApplyMode.RESTART;
    }
}
