package io.knobwright.model.apply.journal;

/**
 * What the journal knows of one parameter change. A phase is written before the server is asked to do it
 * ({@link #APPLYING}, {@link #COMPENSATING}), so that after a crash the journal tells which steps may have reached
 * the server.
 */
public enum StepPhase {
    /** Prior value captured; nothing sent to the server. */
    PLANNED,
    /** Sent (or about to be): the server may hold the new value. */
    APPLYING,
    /** Read back from the server: it holds the new value. */
    VERIFIED,
    /** Putting the prior value back was started: the server may hold either. */
    COMPENSATING,
    /** Read back from the server: it holds the prior value again. */
    COMPENSATED,
    /** The server refused it or reads back something else. */
    FAILED,
    /**
     * Nothing sent: the server cannot take the change over a connection, so a person makes it (the step's note says
     * how: the option-file line) and restarts the server. Counts as applied, waiting for that restart.
     */
    HANDED_OVER;

    /** Whether the server may hold this step's new value, so that compensation must look at it. */
    public boolean mayHaveReachedServer() {
        return this == APPLYING || this == VERIFIED || this == COMPENSATING;
    }
}
