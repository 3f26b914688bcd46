package io.knobwright.model.index;

import java.util.List;
import java.util.Objects;

/**
 * An index as the server's catalog describes it.
 *
 * @param schema     the schema of the index and its table
 * @param table      the table it indexes
 * @param name       the index's name
 * @param columns    its key columns or expressions, in order, as {@code pg_get_indexdef(oid, n, true)} prints them
 * @param predicate  the WHERE of a partial index, empty for a full one
 * @param method     the access method: btree, hash, gin, ...
 * @param unique     a unique index
 * @param constraint it backs a constraint (primary key, unique, exclusion): never proposed for removal
 * @param valid      built and usable (a failed CREATE INDEX CONCURRENTLY leaves an invalid one)
 * @param sizeBytes  its size on disk
 * @param scans      index scans counted since the statistics were reset
 * @param definition its CREATE INDEX statement
 */
public record ExistingIndex(String schema, String table, String name, List<String> columns, String predicate,
                            String method, boolean unique, boolean constraint, boolean valid, long sizeBytes, long scans,
                            String definition) {

    public ExistingIndex {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        predicate = predicate == null ? "" : predicate.strip();
        method = method == null ? "btree" : method;
        definition = definition == null ? "" : definition;
        if (sizeBytes < 0 || scans < 0) {
            throw new IllegalArgumentException("Index " + name + ": size and scans cannot be negative");
        }
    }

    /** The table as {@code schema.table}. */
    public String qualifiedTable() {
        return schema + "." + table;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    /** Same table, method, predicate and uniqueness: two such indexes differ only in their columns. */
    boolean comparableWith(ExistingIndex other) {
        return schema.equals(other.schema) && table.equals(other.table) && method.equals(other.method)
                && predicate.equals(other.predicate);
    }
}
