package io.knobwright.model.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The connections of a server at one poll: its limits, the client sessions in total and running a statement, the
 * largest groups by application, user, client, database and state (the rest folded into one {@link
 * ConnectionGroup#OTHER} group, so a poll's size stays bounded however many clients connect), the sessions idle in an
 * open transaction (the oldest first, at most {@link #MAX_IDLE}), sessions waiting by wait type, and notes on what
 * could not be read.
 */
public record ConnectionSnapshot(Instant at, ConnectionLimits limits, int total, int active, List<ConnectionGroup> groups,
                                 List<IdleTransaction> idleInTransaction, Map<String, Integer> waits, List<String> notes) {

    /** The most groups a poll keeps apart; the others are summed into one. */
    public static final int MAX_GROUPS = 50;
    public static final int MAX_IDLE = 50;

    public ConnectionSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(limits, "limits");
        if (total < 0 || active < 0) {
            throw new IllegalArgumentException("Session counts are not negative: total " + total + ", active " + active);
        }
        groups = List.copyOf(groups);
        idleInTransaction = List.copyOf(idleInTransaction);
        waits = Map.copyOf(waits);
        notes = List.copyOf(notes);
    }

    /** Client sessions as a share of what ordinary logins may open. */
    public double utilisation() {
        return (double) total / limits.usable();
    }

    /**
     * The top {@code keep} groups by size and one {@link ConnectionGroup#OTHER} group holding the rest (none when
     * nothing is left over).
     */
    public static List<ConnectionGroup> bounded(List<ConnectionGroup> groups, int keep) {
        List<ConnectionGroup> sorted = groups.stream().sorted(java.util.Comparator.comparingInt(ConnectionGroup::count).reversed()
                .thenComparing(ConnectionGroup::application).thenComparing(ConnectionGroup::user)).toList();
        if (sorted.size() <= keep) {
            return sorted;
        }
        List<ConnectionGroup> out = new java.util.ArrayList<>(sorted.subList(0, keep));
        int rest = sorted.subList(keep, sorted.size()).stream().mapToInt(ConnectionGroup::count).sum();
        String o = ConnectionGroup.OTHER;
        out.add(new ConnectionGroup(o, o, o, o, o, rest));
        return out;
    }
}
