package io.knobwright.connectors;

/**
 * A failure talking to a server, with a message meant for the user: what went wrong and what to do
 * ("Connection refused by 127.0.0.1:5433: is the server running and listening on that port?").
 */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectorException(String message) {
        super(message);
    }
}
