package io.knobwright.connectors;

import io.knobwright.model.UserError;

/**
 * A failure talking to a server, with a message meant for the user: what went wrong and what to do
 * ("Connection refused by 127.0.0.1:5433: is the server running and listening on that port?").
 * Of kind UNREACHABLE, except where the user's JDBC URL or output file is the problem ({@link #badInput}).
 */
public class ConnectorException extends UserError {

    public ConnectorException(String message, Throwable cause) {
        super(Kind.UNREACHABLE, message, cause);
    }

    public ConnectorException(String message) {
        super(Kind.UNREACHABLE, message);
    }

    private ConnectorException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** Nothing was tried on a server: the URL names nothing Knobwright talks to, or a local file cannot be written. */
    public static ConnectorException badInput(String message, Throwable cause) {
        return new ConnectorException(Kind.INPUT, message, cause);
    }
}
