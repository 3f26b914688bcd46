package io.knobwright.connectors;

import io.knobwright.model.UserError;

/**
 * A failure talking to a server, with a message meant for the user: what went wrong and what to do
 * ("Connection refused by 127.0.0.1:5433: is the server running and listening on that port?").
 * Of kind UNREACHABLE, except where the user's JDBC URL or output file is the problem ({@link #badInput}).
 */
public class ConnectorException extends UserError {

    private final FailureReason reason;

    public ConnectorException(String message, Throwable cause) {
        this(FailureReason.OTHER, message, cause);
    }

    public ConnectorException(String message) {
        super(Kind.UNREACHABLE, message);
        this.reason = FailureReason.OTHER;
    }

    /** A failure whose cause the translators recognised (network, login, database, server state). */
    public ConnectorException(FailureReason reason, String message, Throwable cause) {
        super(Kind.UNREACHABLE, message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    private ConnectorException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
        this.reason = FailureReason.OTHER;
    }

    /** Why the connection failed, as far as it is known; {@link FailureReason#OTHER} otherwise. */
    public FailureReason reason() {
        return reason;
    }

    /** Nothing was tried on a server: the URL names nothing Knobwright talks to, or a local file cannot be written. */
    public static ConnectorException badInput(String message, Throwable cause) {
        return new ConnectorException(Kind.INPUT, message, cause);
    }
}
