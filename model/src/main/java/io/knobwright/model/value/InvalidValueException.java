package io.knobwright.model.value;

import io.knobwright.model.UserError;

import java.util.List;
import java.util.Objects;

/**
 * A value (or parameter name) a server would refuse. Unchecked (see docs/decisions/0030): values are parsed inside
 * template resolution, diff building and streams, and a user error is turned into a message at the boundary that
 * talks to the user; callers that want no exception use {@link Values#problem}.
 *
 * <p>The message is complete and meant for the user: it names the parameter, the engine version, what was given
 * and what would be accepted, e.g. {@code shared_buffers on PostgreSQL 16: 10TB is above the maximum 8TB
 * (valid: 128kB .. 8TB)}.
 */
public final class InvalidValueException extends UserError {

    /** Why the value was refused, for callers that react differently (e.g. highlight the unit). */
    public enum Reason {
        /** Not a value of the parameter's type at all ("abc" for a number, "maybe" for a boolean). */
        MALFORMED,
        /** A unit of the wrong kind or spelling ("10ms" for a memory size, "1KB" on PostgreSQL). */
        WRONG_UNIT,
        BELOW_MINIMUM,
        ABOVE_MAXIMUM,
        /** Not one of an enum parameter's choices. */
        NOT_ALLOWED,
        /** The catalog has no parameter of that name. */
        UNKNOWN_PARAMETER
    }

    private final String parameter;
    private final String engineVersion;
    private final String given;
    private final Reason reason;
    private final List<String> suggestions;

    /**
     * @param parameter     the parameter's name as the catalog spells it (or as given, when unknown)
     * @param engineVersion "PostgreSQL 16"
     * @param given         the text that was refused, as the user wrote it
     * @param suggestions   corrected spellings or nearby names the user probably meant, best first
     */
    public InvalidValueException(String message, String parameter, String engineVersion, String given, Reason reason,
                                 List<String> suggestions) {
        super(Kind.INPUT, message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.engineVersion = Objects.requireNonNull(engineVersion, "engineVersion");
        this.given = given;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.suggestions = List.copyOf(suggestions);
    }

    public String parameter() {
        return parameter;
    }

    public String engineVersion() {
        return engineVersion;
    }

    /** The refused text as given; null when none was given. */
    public String given() {
        return given;
    }

    public Reason reason() {
        return reason;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
