package io.knobwright.model.value;

/** What a numeric parameter measures; values convert freely within a family and never across families. */
public enum UnitFamily {
    /** A plain count or ratio (max_connections, random_page_cost), or a unit Knobwright cannot convert. */
    NONE("a plain number"),
    /** Bytes and their binary multiples (1 kB = 1024 B, as every engine counts memory). */
    MEMORY("a memory size"),
    /** Durations, counted in microseconds internally. */
    TIME("a duration");

    private final String description;

    UnitFamily(String description) {
        this.description = description;
    }

    /** Noun phrase for messages: "a memory size". */
    public String description() {
        return description;
    }
}
