package io.knobwright.connectors.backup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a restore test loaded into the embedded PostgreSQL: the server it ran on, the tool, what the dump came from,
 * and what the restored databases hold (tables with their counted rows, indexes). The errors it met are the
 * verification's RESTORE_FAILED problems; {@code errors} counts them all, including those beyond the ones listed.
 *
 * @param dumpMajor the PostgreSQL major the dump was taken from, 0 when the dump does not say
 */
public record RestoreReport(String server, int serverMajor, int dumpMajor, String tool, Duration took,
                            List<RestoredTable> tables, long indexes, int errors) {

    /** A restored table ("schema.table", or "database/schema.table" when the dump held several databases). */
    public record RestoredTable(String name, long rows) {
        public RestoredTable {
            Objects.requireNonNull(name, "name");
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be >= 0: " + rows);
            }
        }
    }

    public RestoreReport {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(took, "took");
        tables = List.copyOf(tables);
        if (indexes < 0 || errors < 0 || dumpMajor < 0 || serverMajor < 0) {
            throw new IllegalArgumentException("counts and majors must be >= 0");
        }
    }

    public long rows() {
        return tables.stream().mapToLong(RestoredTable::rows).sum();
    }

    /** The dump comes from a newer PostgreSQL than the server it was restored into. */
    public boolean versionGap() {
        return dumpMajor > serverMajor;
    }

    /** "3 tables, 20000 rows, 2 indexes into PostgreSQL 15.19 (embedded) in 4 s, no error". */
    public String summary() {
        return tables.size() + " tables, " + rows() + " rows, " + indexes + " indexes restored into " + server + " in "
                + Math.max(1, took.toSeconds()) + " s, " + (errors == 0 ? "no error" : errors + " error(s)");
    }
}
