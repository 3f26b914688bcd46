package io.knobwright.model.index;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An index that would replace sequential scans, and the queries whose plans asked for it.
 *
 * @param schema    the table's schema
 * @param table     the table
 * @param columns   key columns in order: equality columns, then one range or sort column (a LIKE prefix column
 *                  carries {@code text_pattern_ops})
 * @param reason    how the plans used the table
 * @param queryKeys the fingerprints of the queries whose plans asked for it, in the order they came
 */
public record CandidateIndex(String schema, String table, List<String> columns, String reason, List<String> queryKeys) {

    public CandidateIndex {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A candidate index needs a column");
        }
        Objects.requireNonNull(reason, "reason");
        queryKeys = List.copyOf(queryKeys);
    }

    public String qualifiedTable() {
        return schema + "." + table;
    }

    /** The name it would get: table and columns, within PostgreSQL's 63 bytes. */
    public String name() {
        StringBuilder name = new StringBuilder(table);
        for (String c : columns) {
            name.append('_').append(c.split(" ")[0].replace("\"", ""));
        }
        String base = name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return (base.length() > 59 ? base.substring(0, 59) : base) + "_idx";
    }

    /** The statement that builds it on a live server without blocking writes. */
    public String definition() {
        return "CREATE INDEX CONCURRENTLY " + name() + " ON " + qualifiedTable() + " (" + String.join(", ", columns) + ")";
    }

    /** The same index built plainly (a sandbox or a hypothetical index cannot build concurrently). */
    public String plainDefinition() {
        return "CREATE INDEX " + name() + " ON " + qualifiedTable() + " (" + String.join(", ", columns) + ")";
    }
}
