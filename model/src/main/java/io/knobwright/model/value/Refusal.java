package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;

import java.math.BigDecimal;
import java.util.List;

/**
 * Builds the {@link InvalidValueException}s for one parse: every message starts with the parameter and engine
 * version and quotes what was given, so callers only supply the part that explains the problem.
 */
final class Refusal {

    private static final int MAX_ECHO = 48;

    private final ParameterSpec spec;
    private final String given;

    Refusal(ParameterSpec spec, String given) {
        this.spec = spec;
        this.given = given;
    }

    ParameterSpec spec() {
        return spec;
    }

    /** "shared_buffers on PostgreSQL 16" */
    static String label(ParameterSpec spec) {
        return spec.name() + " on " + engineVersion(spec);
    }

    static String engineVersion(ParameterSpec spec) {
        return spec.engine().displayName() + " " + spec.version();
    }

    /** The given text as it can be shown safely: control characters replaced, very long input cut. */
    String shown() {
        return echo(given);
    }

    static String echo(String text) {
        if (text == null) {
            return "no value";
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return "an empty value";
        }
        StringBuilder out = new StringBuilder();
        stripped.codePoints().limit(MAX_ECHO).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.UNASSIGNED) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (stripped.codePointCount(0, stripped.length()) > MAX_ECHO) {
            out.append('…');
        }
        return out.toString();
    }

    InvalidValueException refuse(InvalidValueException.Reason reason, String detail, List<String> suggestions) {
        return new InvalidValueException(label(spec) + ": " + detail, spec.name(), engineVersion(spec), given,
                reason, suggestions);
    }

    InvalidValueException malformed(String detail) {
        return refuse(InvalidValueException.Reason.MALFORMED, detail, List.of());
    }

    InvalidValueException wrongUnit(String detail, List<String> suggestions) {
        return refuse(InvalidValueException.Reason.WRONG_UNIT, detail, suggestions);
    }

    /** @param max the bound that was exceeded, in the base unit; null when only "too large to store" is known */
    InvalidValueException aboveMaximum(BigDecimal max) {
        String shownMax = max == null ? null : ValueFormatter.humanBound(spec, max);
        String detail = shownMax == null ? shown() + " is too large for " + spec.name()
                : shown() + " is above the maximum " + shownMax + ValueFormatter.validRange(spec);
        return refuse(InvalidValueException.Reason.ABOVE_MAXIMUM, detail, List.of());
    }

    /** @param min the bound that was undercut, in the base unit; null when only "too small to store" is known */
    InvalidValueException belowMinimum(BigDecimal min) {
        String shownMin = min == null ? null : ValueFormatter.humanBound(spec, min);
        String detail = shownMin == null ? shown() + " is too small for " + spec.name()
                : shown() + " is below the minimum " + shownMin + ValueFormatter.validRange(spec);
        return refuse(InvalidValueException.Reason.BELOW_MINIMUM, detail, List.of());
    }
}
