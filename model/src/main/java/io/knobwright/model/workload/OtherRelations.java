package io.knobwright.model.workload;

/**
 * What a poll left out to bound its volume: the tables and indexes beyond the largest N, counted and summed. Their
 * bytes are the catalog's estimate (PostgreSQL relpages x block size, MySQL data_length), not measured file sizes.
 */
public record OtherRelations(int tables, long tableBytes, int indexes, long indexBytes) {

    public static final OtherRelations NONE = new OtherRelations(0, 0, 0, 0);

    public OtherRelations {
        if (tables < 0 || tableBytes < 0 || indexes < 0 || indexBytes < 0) {
            throw new IllegalArgumentException("Counts and sizes of left-out relations are not negative");
        }
    }
}
