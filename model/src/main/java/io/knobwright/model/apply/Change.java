package io.knobwright.model.apply;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.EnumValue;
import io.knobwright.model.value.ParameterValue;
import io.knobwright.model.value.TextValue;
import io.knobwright.model.value.Values;

/**
 * One validated change as the statement writers see it.
 *
 * @param prior      what the server held, as captured
 * @param priorValue {@code prior.value()} read as a value of the parameter; null when the server reported none
 */
record Change(ParameterSpec spec, ParameterValue value, PriorValue prior, ParameterValue priorValue) {

    ApplyMode mode() {
        return spec.applyMode();
    }

    boolean restartNeeded() {
        return spec.applyMode() == ApplyMode.RESTART;
    }

    /** The new value as the engine's configuration spells it ("128MB", "on"); text and choices exactly as given. */
    String readable() {
        return readable(value);
    }

    /** The new value without units or suffixes ("134217728"), for statements that take none. */
    String plain() {
        return plain(value);
    }

    String readable(ParameterValue v) {
        return switch (v) {
            case TextValue t -> SqlLiterals.requirePrintable(spec, t.value());
            case EnumValue e -> e.value();
            default -> Values.format(spec, v);
        };
    }

    String plain(ParameterValue v) {
        return v instanceof TextValue || v instanceof EnumValue ? readable(v) : Values.plain(spec, v);
    }

    /** The prior value, which compensation that sets a value needs: without it there is nothing to put back. */
    ParameterValue requirePrior() {
        if (priorValue == null) {
            throw UserError.input("Cannot plan how to put " + spec.name() + " back on " + spec.engine().displayName()
                    + " " + spec.version() + ": its value before the change is unknown. Read the server's current"
                    + " value first, then plan the change again.");
        }
        return priorValue;
    }
}
