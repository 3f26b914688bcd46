package io.knobwright.model.apply;

/**
 * What the server held before a change, captured before anything is applied: the compensation puts it back.
 *
 * @param value     the value the server reported (pg_settings.setting, @@GLOBAL, sys.configurations.value,
 *                  v$parameter.value), in the engine's base unit; null when the server reported none
 * @param persisted true when the server's persisted configuration held an explicit entry for it
 *                  (postgresql.auto.conf, mysqld-auto.cnf, the option file for MariaDB, the spfile); false when
 *                  the value came from a default or elsewhere, so that compensation removes the entry (RESET)
 *                  instead of pinning today's value
 */
public record PriorValue(String value, boolean persisted) {

    public PriorValue {
        if (persisted && value == null) {
            throw new IllegalArgumentException("A persisted prior setting needs its value");
        }
    }

    /** An explicit entry in the persisted configuration. */
    public static PriorValue persisted(String value) {
        return new PriorValue(value, true);
    }

    /** A value the server runs with but that no persisted entry of its own set (a default, postgresql.conf). */
    public static PriorValue notPersisted(String value) {
        return new PriorValue(value, false);
    }
}
