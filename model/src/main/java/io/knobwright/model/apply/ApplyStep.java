package io.knobwright.model.apply;

import io.knobwright.model.catalog.ParameterSpec;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to change one parameter on one server and to undo it, generated before anything runs.
 *
 * @param spec          the catalog entry the name and value were validated against (its name is the engine's spelling)
 * @param value         the new value as the statements write it ("128MB", "ON", "4")
 * @param delivery      whether the statements change the server ({@link Delivery#SQL}) or only an option file
 *                      edit can ({@link Delivery#OPTION_FILE}; then {@code apply} and {@code compensation} are empty)
 * @param apply         run in order to make the change
 * @param verify        a query returning one row with one column: the value the server now holds for the parameter
 *                      (for a restart-only parameter the value written for the next start, where the engine can
 *                      tell: pg_file_settings, persisted_variables, sys.configurations.value, v$spparameter);
 *                      compare it with {@code value} through {@code Values.same(spec, ...)}
 * @param compensation  run in order to put the prior value back (RESET where it was not persisted before)
 * @param optionFile    the option-file edit for {@link Delivery#OPTION_FILE}, else null
 * @param optionFileUndo the edit that undoes {@code optionFile}, else null
 * @param restartNeeded true when the new value takes effect only after the server restarts
 * @param note          what the operator must know, in a sentence; empty when nothing
 */
public record ApplyStep(ParameterSpec spec, String value, Delivery delivery, List<ApplyStatement> apply,
                        ApplyStatement verify, List<ApplyStatement> compensation, OptionFileChange optionFile,
                        OptionFileChange optionFileUndo, boolean restartNeeded, String note) {

    /** How a change reaches the server. */
    public enum Delivery {
        /** Statements on a connection. */
        SQL,
        /** Lines in the server's option file and a restart: the server cannot take it over a connection. */
        OPTION_FILE
    }

    public ApplyStep {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(verify, "verify");
        apply = List.copyOf(apply);
        compensation = List.copyOf(compensation);
        note = note == null ? "" : note;
        boolean sql = delivery == Delivery.SQL;
        if (sql == apply.isEmpty() || sql == compensation.isEmpty()) {
            throw new IllegalArgumentException(spec.name() + ": " + delivery + " delivery and the statements disagree");
        }
        if (sql == (optionFile != null) || sql == (optionFileUndo != null)) {
            throw new IllegalArgumentException(spec.name() + ": " + delivery + " delivery and the option-file edit disagree");
        }
    }

    public String parameter() {
        return spec.name();
    }
}
