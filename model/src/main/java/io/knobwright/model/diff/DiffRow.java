package io.knobwright.model.diff;

import io.knobwright.model.catalog.ApplyMode;

/**
 * One parameter in a comparison. {@code left}/{@code right} are null where that side does not set it.
 *
 * @param category   catalog category, for grouping ("Resource Usage / Memory")
 * @param applyMode  what it takes for the right-hand value to take effect; null for parameters the catalog does not know
 */
public record DiffRow(String name, String left, String right, ChangeKind change, String category, ApplyMode applyMode) {

    public boolean isDifference() {
        return change != ChangeKind.SAME;
    }

    public boolean restartNeeded() {
        return isDifference() && applyMode == ApplyMode.RESTART;
    }
}
