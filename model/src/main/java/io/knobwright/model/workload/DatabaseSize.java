package io.knobwright.model.workload;

import java.util.Objects;

/** One database's (MySQL/MariaDB: schema's) size on disk, tables, indexes and everything else it holds. */
public record DatabaseSize(String database, long bytes) {

    public DatabaseSize {
        Objects.requireNonNull(database, "database");
        if (bytes < 0) {
            throw new IllegalArgumentException("Database " + database + " cannot be " + bytes + " bytes");
        }
    }
}
