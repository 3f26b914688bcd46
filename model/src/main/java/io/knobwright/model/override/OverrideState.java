package io.knobwright.model.override;

/**
 * Where an emergency override is in its life. An override is written PENDING before anything reaches the server, so
 * a process killed half-way leaves a row that says what may have happened.
 */
public enum OverrideState {
    /** Written, being applied: the server may or may not hold the value yet. */
    PENDING,
    /** In force (or under a stacked override), to be restored at its deadline. */
    ACTIVE,
    /** A restoration has claimed it and is talking to the server. */
    RESTORING,
    /** Put back: the server holds what it held before (or what the override below holds). */
    RESTORED,
    /** Cancelled: the restoration was dropped and the value stays as ordinary configuration. */
    KEPT,
    /** Never took effect: the server refused it, and whatever it had set was put back. */
    FAILED,
    /** The server holds a value nobody here set: restoration stopped until a person decides. */
    ATTENTION;

    /** States in which the override still owns a value on the server (it appears in stacks and on the dashboard). */
    public boolean live() {
        return this == PENDING || this == ACTIVE || this == RESTORING || this == ATTENTION;
    }
}
