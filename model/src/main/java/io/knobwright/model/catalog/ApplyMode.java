package io.knobwright.model.catalog;

/** What it takes for a changed parameter to take effect. */
public enum ApplyMode {
    /** Takes effect for new statements/sessions immediately (SET, SET GLOBAL, ALTER SYSTEM + nothing else). */
    ONLINE("online"),
    /** Needs a configuration reload (pg_reload_conf, SIGHUP). */
    RELOAD("reload"),
    /**
     * Fixed per session when it starts: after a reload (PostgreSQL's backend contexts) or an ALTER SYSTEM ...
     * DEFERRED (Oracle), sessions opened afterwards get the new value, sessions already open keep the old one until
     * they reconnect, which for a connection pool can be days.
     */
    NEW_SESSIONS("new sessions"),
    /** Needs a server restart. */
    RESTART("restart"),
    /** Cannot be changed on a running server at all (fixed at build or initdb time). */
    READ_ONLY("read-only");

    private final String label;

    ApplyMode(String label) {
        this.label = label;
    }

    /** How screens and text tables name the mode ("new sessions", "read-only"); JSON keeps the lower-case name. */
    public String label() {
        return label;
    }
}
