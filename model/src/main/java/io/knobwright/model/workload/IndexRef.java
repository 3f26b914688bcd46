package io.knobwright.model.workload;

import java.util.Objects;

/** An index of a table of a monitored instance. */
public record IndexRef(TableRef table, String index) implements Comparable<IndexRef> {

    public IndexRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public int compareTo(IndexRef o) {
        int c = table.compareTo(o.table);
        return c != 0 ? c : index.compareTo(o.index);
    }
}
