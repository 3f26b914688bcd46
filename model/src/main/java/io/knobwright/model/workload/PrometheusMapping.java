package io.knobwright.model.workload;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved mapping from one PromQL query on a Prometheus-compatible server to one of an instance's series (decision
 * 0133), re-imported by `prometheus sync` and the daemon from where the last import ended. Only the names of the
 * environment variables holding a token or a password are kept, never the secrets.
 *
 * @param id            0 until stored
 * @param importedUntil the newest point stored so far; null before the first import
 */
public record PrometheusMapping(long id, long instanceId, URI url, String query, Metric metric, Duration step,
                                String tokenEnv, String user, String passwordEnv, Instant createdAt, Instant importedUntil) {

    public PrometheusMapping {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(createdAt, "createdAt");
        if (query.isBlank()) {
            throw new IllegalArgumentException("A mapping needs a PromQL query");
        }
        if (step.toSeconds() < 1 || step.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("A mapping's step is a whole number of seconds, at least 1 s, not " + step);
        }
    }

    /** The same mapping once its points up to {@code until} are stored. */
    public PrometheusMapping importedUntil(Instant until) {
        return new PrometheusMapping(id, instanceId, url, query, metric, step, tokenEnv, user, passwordEnv, createdAt, until);
    }
}
