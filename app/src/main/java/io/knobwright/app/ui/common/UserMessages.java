package io.knobwright.app.ui.common;

import io.knobwright.connectors.ConnectorException;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into the sentence a user reads. Connectors and services already phrase their
 * messages for people (what went wrong, what to do); this only unwraps and adds a fallback, so that
 * no stack trace or class name reaches the screen for errors a user can cause.
 */
public final class UserMessages {

    private UserMessages() {
    }

    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The message to show; {@code action} names what failed ("Refresh from server"). */
    public static String describe(String action, Throwable error) {
        Throwable t = unwrap(error);
        String message = t.getMessage();
        if (t instanceof ConnectorException || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException || t instanceof UncheckedIOException) {
            if (message != null && !message.isBlank()) {
                return action + " failed: " + message;
            }
        }
        if (message == null || message.isBlank()) {
            return action + " failed unexpectedly (" + t.getClass().getSimpleName()
                    + "). The details are in the log.";
        }
        return action + " failed: " + message;
    }

    /** True for failures the user can fix themselves (server down, bad input); the rest get logged with a trace. */
    public static boolean isExpected(Throwable error) {
        Throwable t = unwrap(error);
        return t instanceof ConnectorException || t instanceof IllegalArgumentException
                || t instanceof UncheckedIOException;
    }
}
