package io.knobwright.model.diff;

/** How a parameter differs between the left and right side of a comparison. */
public enum ChangeKind {
    /** Only the right side sets it. */
    ADDED,
    /** Only the left side sets it. */
    REMOVED,
    /** Both set it to values that are not equivalent. */
    CHANGED,
    /** Both set it to equivalent values (1GB and 1024MB count as the same). */
    SAME
}
