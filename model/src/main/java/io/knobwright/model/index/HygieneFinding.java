package io.knobwright.model.index;

import java.util.Objects;

/**
 * An existing index that costs space and write time for nothing, or for less than another index already gives.
 *
 * @param kind      unused, duplicate (same columns, method and predicate as {@code coveredBy}) or redundant (its
 *                  columns are a leading part of {@code coveredBy}'s)
 * @param index     the index that could go
 * @param coveredBy the index that does its work, empty for an unused one
 * @param reason    one sentence for the DBA
 */
public record HygieneFinding(Kind kind, ExistingIndex index, String coveredBy, String reason) {

    public enum Kind { UNUSED, DUPLICATE, REDUNDANT }

    public HygieneFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(index, "index");
        coveredBy = coveredBy == null ? "" : coveredBy;
        Objects.requireNonNull(reason, "reason");
    }

    public long sizeBytes() {
        return index.sizeBytes();
    }
}
