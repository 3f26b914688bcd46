package io.knobwright.model.workload;

import java.util.Objects;

/**
 * A table of a monitored instance. PostgreSQL: database, schema, table. MySQL/MariaDB have no level between the server
 * and the schema, so there database and schema are both the schema's name.
 */
public record TableRef(String database, String schema, String table) implements Comparable<TableRef> {

    public TableRef {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /** schema.table, as a DBA writes it (PostgreSQL: in its database). */
    public String qualified() {
        return schema + "." + table;
    }

    @Override
    public int compareTo(TableRef o) {
        int c = database.compareTo(o.database);
        if (c == 0) {
            c = schema.compareTo(o.schema);
        }
        return c != 0 ? c : table.compareTo(o.table);
    }
}
