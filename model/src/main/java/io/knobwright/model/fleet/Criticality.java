package io.knobwright.model.fleet;

import io.knobwright.model.UserError;

import java.util.Locale;

/** How much it hurts when the instance misbehaves. */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Criticality parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.input("Unknown criticality '" + text
                    + "'. Use one of: low, medium, high, critical.");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
