package io.knobwright.model.fleet;

import io.knobwright.model.UserError;

import java.util.Locale;

/** The shape of the workload an instance serves; templates and recommendations key on it. */
public enum WorkloadKind {
    OLTP, OLAP, MIXED, WEB, DESKTOP;

    public static WorkloadKind parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT);
        return switch (key) {
            case "DW", "WAREHOUSE", "DATA-WAREHOUSE", "ANALYTICS" -> OLAP;
            case "SMALL" -> DESKTOP;
            default -> {
                try {
                    yield valueOf(key);
                } catch (IllegalArgumentException e) {
                    throw UserError.input("Unknown workload '" + text
                            + "'. Use one of: oltp, olap, mixed, web, desktop.");
                }
            }
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
