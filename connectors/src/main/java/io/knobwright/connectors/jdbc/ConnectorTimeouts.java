package io.knobwright.connectors.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connector waits. {@code connect} bounds opening the socket and logging in, so an unreachable
 * or silent server fails within seconds; {@code query} bounds each read on an open connection.
 */
public record ConnectorTimeouts(Duration connect, Duration query) {

    /** Five seconds to connect (a healthy server answers in milliseconds); thirty for queries. */
    public static final ConnectorTimeouts DEFAULT = new ConnectorTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

    public ConnectorTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(query, "query");
        if (connect.toMillis() < 1 || query.toMillis() < 1) {
            throw new IllegalArgumentException("Timeouts must be at least one millisecond: connect " + connect + ", query " + query);
        }
    }

    /** Whole seconds, at least one: pgjdbc takes its timeouts in seconds. */
    public int connectSeconds() {
        return (int) Math.max(1, (connect.toMillis() + 999) / 1000);
    }

    public int querySeconds() {
        return (int) Math.max(1, (query.toMillis() + 999) / 1000);
    }
}
