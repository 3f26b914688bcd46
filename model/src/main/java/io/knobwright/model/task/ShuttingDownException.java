package io.knobwright.model.task;

/**
 * Work handed to a {@link TaskRunner} that is closing: the application is exiting, nobody waits for the
 * result, and there is nothing to tell the user.
 */
public final class ShuttingDownException extends IllegalStateException {

    public ShuttingDownException(Throwable cause) {
        super("Knobwright is shutting down; the task was not started", cause);
    }
}
