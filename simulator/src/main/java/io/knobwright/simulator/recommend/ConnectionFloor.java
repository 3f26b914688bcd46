package io.knobwright.simulator.recommend;

import java.util.Optional;

/**
 * max_connections is never lowered below what the workload opens: its clients plus the connections reserved for
 * superusers. Fewer would refuse clients, which no throughput gain pays for. For the same reason, where today's
 * settings already refuse clients, the search starts from max_connections raised to admit them ({@link Search}) and
 * keeps that change whatever its predicted throughput ({@link Attribution}).
 */
public final class ConnectionFloor implements Constraint {

    @Override
    public String name() {
        return "connections the workload needs";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        if (!candidate.changes().contains("max_connections")) {
            return Optional.empty();
        }
        double proposed = candidate.proposed().value("max_connections");
        int floor = floor(candidate.request(), candidate.proposed());
        if (proposed < floor) {
            return Optional.of("max_connections " + (long) proposed + " is below the " + floor + " connections the "
                    + "workload needs (its " + candidate.request().workload().clients() + " clients and the ones "
                    + "reserved for superusers): clients would be refused.");
        }
        return Optional.empty();
    }

    /** Whether {@code c} refuses some of the workload's clients: max_connections below the floor. */
    static boolean refuses(RecommendationRequest request, Configuration c) {
        double max = c.value("max_connections");
        return Double.isFinite(max) && max < floor(request, c);
    }

    /** Clients (or the measured peak, if higher) plus superuser_reserved_connections. */
    static int floor(RecommendationRequest request, Configuration c) {
        double reserved = c.value("superuser_reserved_connections");
        double peak = request.measurements().stream()
                .filter(m -> m.metric().equals(Measurements.PEAK_CONNECTIONS)).mapToDouble(Measurement::value)
                .max().orElse(0);
        return (int) Math.ceil(Math.max(request.workload().clients(), peak) + (Double.isNaN(reserved) ? 3 : reserved));
    }
}
