package io.knobwright.model.health;

import java.util.Objects;

/**
 * A connection limit of one role (PostgreSQL rolconnlimit, MySQL max_user_connections of the account) or one database
 * (datconnlimit), with the sessions it counts at the poll. Only set limits are listed (-1 and 0 mean "none" on the
 * servers and are left out by the collectors).
 */
public record ScopedLimit(Scope scope, String name, int limit, int inUse) {

    public enum Scope { ROLE, DATABASE }

    public ScopedLimit {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        if (limit < 1 || inUse < 0) {
            throw new IllegalArgumentException("A set limit is at least 1 and use at least 0: " + name + " " + inUse + "/" + limit);
        }
    }

    public double utilisation() {
        return (double) inUse / limit;
    }
}
