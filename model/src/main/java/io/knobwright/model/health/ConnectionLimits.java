package io.knobwright.model.health;

import java.util.List;
import java.util.Objects;

/**
 * How many connections a server allows: {@code maxConnections}, of which {@code superuserReserved} (PostgreSQL
 * superuser_reserved_connections) and {@code reserved} (PostgreSQL 16+ reserved_connections for pg_use_reserved_connections;
 * 0 elsewhere) are kept back, so ordinary logins run out at {@link #usable()}. MySQL/MariaDB keep one extra connection
 * for a SUPER/CONNECTION ADMIN login beyond max_connections, so nothing is subtracted there. Role and database limits
 * that are set, with their use.
 */
public record ConnectionLimits(int maxConnections, int superuserReserved, int reserved, List<ScopedLimit> scoped) {

    public ConnectionLimits {
        if (maxConnections < 1 || superuserReserved < 0 || reserved < 0) {
            throw new IllegalArgumentException("Connection limits must be positive: max " + maxConnections + ", superuser reserved "
                    + superuserReserved + ", reserved " + reserved);
        }
        scoped = List.copyOf(Objects.requireNonNull(scoped, "scoped"));
    }

    /** The connections ordinary logins may open: max_connections less what is reserved, at least 1. */
    public int usable() {
        return Math.max(1, maxConnections - superuserReserved - reserved);
    }
}
