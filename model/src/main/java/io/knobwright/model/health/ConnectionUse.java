package io.knobwright.model.health;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored point of connection use over time: the sessions per application, user and client (an average when the
 * point stands for five minutes or an hour of polls), with the limits of the time.
 */
public record ConnectionUse(Instant at, double maxConnections, double usable, double active, Map<ConnectionKey, Double> sessions) {

    public ConnectionUse {
        Objects.requireNonNull(at, "at");
        sessions = Map.copyOf(sessions);
    }

    public double total() {
        return sessions.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Sessions per application name, summed over users and clients. */
    public Map<String, Double> byApplication() {
        Map<String, Double> out = new java.util.TreeMap<>();
        sessions.forEach((k, v) -> out.merge(k.applicationLabel(), v, Double::sum));
        return out;
    }
}
