package io.knobwright.model.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection arriving or leaving, as a PostgreSQL log records it with log_connections ("connection authorized:
 * user=... database=... application_name=...") and log_disconnections ("disconnection: session time: 0:00:01.234
 * user=... database=... host=..."). Fields the line does not carry are empty.
 *
 * @param sessionSeconds how long the session lasted, for a disconnection; NaN for an arrival
 */
public record ConnectionEvent(Instant at, Kind kind, String process, String user, String database, String application,
                              String client, double sessionSeconds) {

    /**
     * RECEIVED is log_connections' "connection received" (an attempt, before authentication: failed logins and port
     * checks included); CONNECTED is "connection authorized" (a backend held); DISCONNECTED is log_disconnections'.
     */
    public enum Kind {
        RECEIVED("connect"), CONNECTED("authorized"), DISCONNECTED("disconnect");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The word the store and the JSON use: connect, authorized, disconnect. */
        public String label() {
            return label;
        }

        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("No connection event kind '" + label + "'");
        }
    }

    public ConnectionEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(client, "client");
        if (kind == Kind.DISCONNECTED && !(sessionSeconds >= 0)) {
            throw new IllegalArgumentException("A disconnection has a session time of 0 s or more, not " + sessionSeconds);
        }
    }
}
