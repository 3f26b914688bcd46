package io.knobwright.app.override;

import io.knobwright.model.UserError;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator asks for: these parameters set to these values on these instances, for this long, and why.
 *
 * @param stack put each override on top of one another operator already holds on the same parameter (explicit)
 */
public record OverrideRequest(List<String> instances, Map<String, String> settings, Duration duration, String reason,
                              boolean stack) {

    /** Longer than this is a configuration change, not an emergency: it goes through a plan. */
    public static final Duration LONGEST = Duration.ofDays(7);

    public OverrideRequest {
        instances = List.copyOf(instances == null ? List.of() : instances);
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        reason = reason == null ? "" : reason.strip();
        if (instances.isEmpty()) {
            throw UserError.input("Name at least one instance (--instance NAME).");
        }
        if (settings.isEmpty()) {
            throw UserError.input("Name at least one parameter and its value (--set NAME=VALUE).");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw UserError.input("An override needs a positive duration (--for 30m, 2h, PT45M): it restores itself when it ends.");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw UserError.input("An override lasts at most " + LONGEST.toDays() + " days; for a lasting change create a plan"
                    + " (`knobwright plan create`).");
        }
        if (reason.isEmpty()) {
            throw UserError.input("An override needs a reason (--reason TEXT): the incident, for the audit trail.");
        }
    }
}
