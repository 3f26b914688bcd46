package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ApplyMode;

/**
 * How PostgreSQL's pg_settings.context translates into what it takes for a change to take effect.
 * The one place this mapping lives; see "Setting Parameters" and the pg_settings page of the PostgreSQL manual.
 */
public final class PostgresContexts {

    private PostgresContexts() {
    }

    /**
     * @throws IllegalArgumentException for a context this release does not know, so a future PostgreSQL
     *                                  that adds one makes catalog generation fail loudly instead of guessing
     */
    public static ApplyMode applyMode(String context) {
        return switch (context) {
            // Fixed when the server was built or the cluster initialised (block_size, server_version, ...).
            case "internal" -> ApplyMode.READ_ONLY;
            // Read only when the postmaster starts.
            case "postmaster" -> ApplyMode.RESTART;
            // postgresql.conf / ALTER SYSTEM plus a SIGHUP (pg_reload_conf()).
            case "sighup" -> ApplyMode.RELOAD;
            // Fixed for a session at connection start: after a reload, new sessions get the new value,
            // existing ones (a connection pool's) keep theirs until they reconnect.
            case "superuser-backend", "backend" -> ApplyMode.NEW_SESSIONS;
            // SET works at once in any session (superuser only, resp. any user).
            case "superuser", "user" -> ApplyMode.ONLINE;
            default -> throw new IllegalArgumentException("Unknown pg_settings context '" + context
                    + "': this Knobwright release does not know how such a parameter is applied."
                    + " Update Knobwright before generating a catalog for this server.");
        };
    }
}
