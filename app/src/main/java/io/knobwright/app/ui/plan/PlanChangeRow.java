package io.knobwright.app.ui.plan;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.value.Values;

import java.util.Optional;

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

    public static PlanChangeRow of(PlannedChange change, ParameterSpec spec) {
        String rawFrom = change.from() == null ? "" : Values.readableWithUnit(null, change.from(), change.unit());
        String rawTo = Values.readableWithUnit(null, change.to(), change.unit());
        return new PlanChangeRow(change.parameter(),
                change.from() == null ? NOT_REPORTED : Values.readableWithUnit(spec, change.from(), change.unit()),
                Values.readableWithUnit(spec, change.to(), change.unit()), rawFrom, rawTo, change.applyMode(),
                change.applyMode().label(), change.restartNeeded(), change.provenance(), change.note());
    }

    /** What a reviewer must know about when the change takes effect; empty when it simply applies. */
    public Optional<String> whenItTakesEffect() {
        return switch (applyMode) {
            case RESTART -> Optional.of("Takes effect after a server restart.");
            case NEW_SESSIONS -> Optional.of("Reaches only sessions opened after the change: sessions already open,"
                    + " such as a connection pool's, keep the old value until they reconnect.");
            default -> Optional.empty();
        };
    }

    /** Provenance and note in one line, for a column and its tooltip. */
    public String provenanceWithNote() {
        return note.isEmpty() ? provenance : provenance + " · " + note;
    }
}
