package io.knobwright.app.monitor;

import io.knobwright.model.UserError;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.PolledPoints;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One poll of one instance: what was collected and stored, or why nothing was.
 *
 * @param collected what the server gave; empty when the poll failed
 * @param points    what the poll added to the series; empty when it failed
 * @param error     the failure, for the user (unreachable, login refused, no connection stored); null on success
 * @param errorKind the failure's kind (UNREACHABLE, INPUT, ...), null on success
 * @param took      how long the poll took, connecting included
 */
public record PollOutcome(long instanceId, String instanceName, Instant startedAt, Optional<CollectedWorkload> collected,
                          Optional<PolledPoints> points, String error, UserError.Kind errorKind, Duration took) {

    public PollOutcome {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(collected, "collected");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(took, "took");
    }

    static PollOutcome collected(long id, String name, Instant started, CollectedWorkload collected, PolledPoints points, Duration took) {
        return new PollOutcome(id, name, started, Optional.of(collected), Optional.of(points), null, null, took);
    }

    static PollOutcome failed(long id, String name, Instant started, String error, UserError.Kind kind, Duration took) {
        return new PollOutcome(id, name, started, Optional.empty(), Optional.empty(), error, kind, took);
    }

    public boolean succeeded() {
        return error == null;
    }
}
