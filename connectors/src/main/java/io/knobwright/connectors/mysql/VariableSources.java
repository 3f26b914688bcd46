package io.knobwright.connectors.mysql;

import java.util.Locale;

/**
 * Says where a MariaDB or MySQL variable's value comes from in the words PostgreSQL's pg_settings uses
 * ("default", "configuration file", "command line", ...), so a diff treats all engines alike.
 * MariaDB reports information_schema.SYSTEM_VARIABLES.GLOBAL_VALUE_ORIGIN, MySQL 8
 * performance_schema.variables_info.VARIABLE_SOURCE; the table is in decision 0051.
 */
final class VariableSources {

    /** A value the server computed at startup from the machine (thread_pool_size from the CPU count). */
    static final String AUTO = "auto";
    /** Set at runtime with SET GLOBAL, lost on restart unless also in a configuration file. */
    static final String SET_GLOBAL = "set global";
    /** No source column was readable (SHOW GLOBAL VARIABLES fallback). */
    static final String UNKNOWN = "unknown";

    private VariableSources() {
    }

    static String normalise(String serverSource) {
        if (serverSource == null || serverSource.isBlank()) {
            return UNKNOWN;
        }
        return switch (serverSource.trim().toUpperCase(Locale.ROOT)) {
            case "COMPILE-TIME", "COMPILED" -> "default";
            case "CONFIG", "GLOBAL", "SERVER", "EXPLICIT", "EXTRA", "USER", "LOGIN" -> "configuration file";
            case "COMMAND-LINE", "COMMAND_LINE" -> "command line";
            case "ENVIRONMENT" -> "environment variable";
            case "PERSISTED" -> "persisted";
            case "SQL", "DYNAMIC" -> SET_GLOBAL;
            case "AUTO" -> AUTO;
            default -> serverSource.trim().toLowerCase(Locale.ROOT);
        };
    }
}
