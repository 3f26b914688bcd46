package io.knobwright.model.health;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the message of a PostgreSQL log line written by log_connections or log_disconnections into a {@link
 * ConnectionEvent}: "connection authorized: user=U database=D [application_name=A] [SSL ...]" is an arrival (the
 * earlier "connection received: host=H port=P" line is an attempt, kind RECEIVED, that may fail authentication);
 * "disconnection: session time: H:MM:SS.mmm user=U database=D host=H [port=P]" a departure with its session time.
 * Fields from the log_line_prefix (user, database, application, client) fill what the message leaves out.
 */
public final class ConnectionLogLine {

    private static final String AUTHORIZED = "connection authorized: ";
    private static final String DISCONNECTION = "disconnection: session time: ";
    private static final String RECEIVED = "connection received: ";

    private ConnectionLogLine() {
    }

    /** Cheap test on the raw message start, before any string is made. */
    public static boolean mayBe(byte[] b, int s, int e) {
        return e - s > 14 && (b[s] == 'c' && b[s + 1] == 'o' && (b[s + 11] == 'a' || b[s + 11] == 'r') || b[s] == 'd' && b[s + 1] == 'i' && b[s + 3] == 'c');
    }

    public static Optional<ConnectionEvent> parse(String message, Instant at, String process, String user, String database,
                                                  String application, String client) {
        // the stderr prefix's %a, %u and %d print "[unknown]" before the session has them
        user = known(user);
        database = known(database);
        application = known(application);
        client = known(client);
        if (message.startsWith(AUTHORIZED)) {
            String rest = message.substring(AUTHORIZED.length());
            return Optional.of(new ConnectionEvent(at, ConnectionEvent.Kind.CONNECTED, process, field(rest, "user=", user),
                    field(rest, "database=", database), field(rest, "application_name=", application), client, Double.NaN));
        }
        if (message.startsWith(RECEIVED)) { // "connection received: host=10.0.0.5 port=51234": who knocked, not yet who
            String rest = message.substring(RECEIVED.length());
            return Optional.of(new ConnectionEvent(at, ConnectionEvent.Kind.RECEIVED, process, user, database, application,
                    field(rest, "host=", client), Double.NaN));
        }
        if (message.startsWith(DISCONNECTION)) {
            String rest = message.substring(DISCONNECTION.length());
            int space = rest.indexOf(' ');
            double seconds = duration(space < 0 ? rest.strip() : rest.substring(0, space));
            if (Double.isNaN(seconds)) {
                return Optional.empty();
            }
            String host = field(rest, "host=", client);
            return Optional.of(new ConnectionEvent(at, ConnectionEvent.Kind.DISCONNECTED, process, field(rest, "user=", user),
                    field(rest, "database=", database), application, host, seconds));
        }
        return Optional.empty();
    }

    /** The value after {@code key} up to the next space (PostgreSQL does not quote these), or the fallback. */
    private static String field(String rest, String key, String fallback) {
        int i = rest.startsWith(key) ? 0 : rest.indexOf(" " + key);
        if (i < 0) {
            return fallback == null ? "" : fallback;
        }
        int from = i == 0 && rest.startsWith(key) ? key.length() : i + 1 + key.length();
        int to = rest.indexOf(' ', from);
        String value = (to < 0 ? rest.substring(from) : rest.substring(from, to)).strip();
        return value;
    }

    private static String known(String field) {
        return field == null || field.equals("[unknown]") ? "" : field;
    }

    /** "H:MM:SS.fff" as seconds, NaN when it is not that. */
    static double duration(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            return Double.NaN;
        }
        try {
            return Long.parseLong(parts[0]) * 3600.0 + Long.parseLong(parts[1]) * 60.0 + Double.parseDouble(parts[2]);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
