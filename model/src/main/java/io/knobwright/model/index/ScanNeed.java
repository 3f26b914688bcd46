package io.knobwright.model.index;

import java.util.List;
import java.util.Objects;

/**
 * What one sequential scan in a plan looked for: the columns it compared with a value (equality or IN), the column it
 * bounded (a range, or a LIKE with a fixed prefix), and the order a LIMIT above it wanted. An index with the equality
 * columns first and then the range or sort column is the one that replaces the scan.
 *
 * @param schema   the scanned table's schema
 * @param table    the scanned table
 * @param equality columns compared with {@code =} or {@code = ANY}, in the order the filter names them
 * @param range    the bounded column, at most one counts: a btree serves one range after its equality columns
 * @param sort     the ORDER BY columns a LIMIT cut short, used when there is no range column
 * @param reason   how the plan used the table, for the DBA
 */
public record ScanNeed(String schema, String table, List<String> equality, List<String> range, List<String> sort,
                       String reason) {

    public ScanNeed {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        equality = List.copyOf(equality);
        range = List.copyOf(range);
        sort = List.copyOf(sort);
        Objects.requireNonNull(reason, "reason");
    }

    /** The columns of the index that serves this scan: equality first, then one range column, else the sort. */
    public List<String> indexColumns() {
        List<String> columns = new java.util.ArrayList<>(equality);
        if (!range.isEmpty()) {
            columns.add(range.getFirst());
        } else {
            for (String s : sort) {
                if (!columns.contains(s)) {
                    columns.add(s);
                }
            }
        }
        return List.copyOf(columns);
    }

    public boolean isEmpty() {
        return equality.isEmpty() && range.isEmpty() && sort.isEmpty();
    }
}
