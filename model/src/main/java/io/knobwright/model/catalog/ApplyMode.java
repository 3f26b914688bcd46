package io.knobwright.model.catalog;

/** What it takes for a changed parameter to take effect. */
public enum ApplyMode {
    /** Takes effect for new statements/sessions immediately (SET, SET GLOBAL, ALTER SYSTEM + nothing else). */
    ONLINE,
    /** Needs a configuration reload (pg_reload_conf, SIGHUP). */
    RELOAD,
    /** Needs a server restart. */
    RESTART,
    /** Cannot be changed on a running server at all (fixed at build or initdb time). */
    READ_ONLY
}
