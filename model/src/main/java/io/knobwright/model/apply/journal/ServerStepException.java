package io.knobwright.model.apply.journal;

/** The server refused a step, or could not be reached while doing it; the message is for the journal and the user. */
public final class ServerStepException extends RuntimeException {

    private final boolean unreachable;

    public ServerStepException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public ServerStepException(String message, boolean unreachable) {
        this(message, unreachable, null);
    }

    /** True when the connection or the server went away: the step may or may not have happened. */
    public boolean unreachable() {
        return unreachable;
    }
}
