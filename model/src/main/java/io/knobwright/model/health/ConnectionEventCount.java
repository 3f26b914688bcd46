package io.knobwright.model.health;

import java.time.Instant;
import java.util.Objects;

/**
 * Connection events of one kind from one (user, database, application, client) within one second, as stored (decision
 * 0131): a storm of thousands of connections a second from one pool is one row a second, not thousands.
 *
 * @param second              the second, truncated
 * @param events              how many
 * @param sessionSecondsTotal the summed session time of the disconnections (0 for other kinds)
 */
public record ConnectionEventCount(Instant second, ConnectionEvent.Kind kind, String user, String database,
                                   String application, String client, int events, double sessionSecondsTotal) {

    public ConnectionEventCount {
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(client, "client");
        if (second.getNano() != 0) {
            throw new IllegalArgumentException("A count is per whole second, not at " + second);
        }
        if (events < 1) {
            throw new IllegalArgumentException("A count has at least one event, not " + events);
        }
        if (!(sessionSecondsTotal >= 0)) {
            throw new IllegalArgumentException("Session time is 0 s or more, not " + sessionSecondsTotal);
        }
    }
}
