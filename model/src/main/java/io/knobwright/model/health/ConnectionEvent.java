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

    public enum Kind { CONNECTED, DISCONNECTED }

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
