package io.knobwright.app.ui.plan;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.value.Values;

import java.util.Locale;

/**
 * One change of the plan being read, spelled for people: values in the engine's most readable unit
 * ("1GB" rather than 131072 x 8kB), the raw values kept for the tooltip.
 *
 * @param from       "—" when the server did not report the parameter
 * @param provenance which template and version set it and how ("postgresql-oltp v3: 25% of RAM")
 */
public record PlanChangeRow(String parameter, String from, String to, String rawFrom, String rawTo, ApplyMode applyMode,
                            String applyText, boolean restartNeeded, String provenance, String note) {

    static final String NOT_REPORTED = "—";

    static PlanChangeRow of(PlannedChange change, ParameterSpec spec) {
        String rawFrom = change.from() == null ? "" : Values.readableWithUnit(null, change.from(), change.unit());
        String rawTo = Values.readableWithUnit(null, change.to(), change.unit());
        return new PlanChangeRow(change.parameter(),
                change.from() == null ? NOT_REPORTED : Values.readableWithUnit(spec, change.from(), change.unit()),
                Values.readableWithUnit(spec, change.to(), change.unit()), rawFrom, rawTo, change.applyMode(),
                applyText(change.applyMode()), change.restartNeeded(), change.provenance(), change.note());
    }

    static String applyText(ApplyMode mode) {
        return switch (mode) {
            case READ_ONLY -> "read-only";
            default -> mode.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Provenance and note in one line, for a column and its tooltip. */
    public String provenanceWithNote() {
        return note.isEmpty() ? provenance : provenance + " · " + note;
    }
}
