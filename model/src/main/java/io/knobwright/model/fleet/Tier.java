package io.knobwright.model.fleet;

import io.knobwright.model.UserError;

import java.util.Locale;

/** Environment tier of an instance. */
public enum Tier {
    PRODUCTION, STAGING, TEST, DEVELOPMENT;

    public static Tier parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT);
        return switch (key) {
            case "PROD", "PRD" -> PRODUCTION;
            case "STAGE", "STG", "PREPROD" -> STAGING;
            case "DEV" -> DEVELOPMENT;
            case "QA" -> TEST;
            default -> {
                try {
                    yield valueOf(key);
                } catch (IllegalArgumentException e) {
                    throw UserError.input("Unknown tier '" + text
                            + "'. Use one of: production, staging, test, development.");
                }
            }
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
