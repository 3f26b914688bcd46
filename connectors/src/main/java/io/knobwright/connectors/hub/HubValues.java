package io.knobwright.connectors.hub;

import java.util.Objects;
import java.util.regex.Pattern;

/** The checks the hub's own functions make, repeated here so that a bad value fails before any round trip. */
final class HubValues {

    /** Role names as chains and members use them: dba, senior-dba, change-board. */
    static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    /** Risk levels: a lower-case word such as low or high. */
    static final Pattern RISK = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private HubValues() {
    }

    static String text(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; the hub takes at most " + max);
        }
        return value;
    }

    /** Null for a missing or blank value, else the value within the limit. */
    static String optionalText(String value, String what, int max) {
        return value == null || value.isBlank() ? null : text(value, what, max);
    }

    static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, what + " is missing");
    }

    static String role(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("Role names are lower-case words like dba or change-board, not " + role);
        }
        return role;
    }
}
