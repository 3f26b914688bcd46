package io.knobwright.model.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts connection events per second, kind and (user, database, application, client) while a log is read: one tally
 * per parsing thread (no lock on the parsing path), merged at the end. Memory grows with the distinct (second, key)
 * pairs, not with the events.
 */
public final class ConnectionEventTally {

    private record Key(long second, ConnectionEvent.Kind kind, String user, String database, String application, String client) {
    }

    private static final class Sum {
        int events;
        double sessionSeconds;
    }

    private final Map<Key, Sum> sums = new HashMap<>();

    public void add(ConnectionEvent e) {
        Sum sum = sums.computeIfAbsent(new Key(e.at().getEpochSecond(), e.kind(), e.user(), e.database(), e.application(),
                e.client()), k -> new Sum());
        sum.events++;
        if (e.kind() == ConnectionEvent.Kind.DISCONNECTED) {
            sum.sessionSeconds += e.sessionSeconds();
        }
    }

    public void merge(ConnectionEventTally other) {
        other.sums.forEach((k, v) -> {
            Sum sum = sums.computeIfAbsent(k, x -> new Sum());
            sum.events += v.events;
            sum.sessionSeconds += v.sessionSeconds;
        });
    }

    public boolean isEmpty() {
        return sums.isEmpty();
    }

    /** The counts, oldest second first. */
    public List<ConnectionEventCount> counts() {
        List<ConnectionEventCount> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new ConnectionEventCount(Instant.ofEpochSecond(k.second()), k.kind(), k.user(),
                k.database(), k.application(), k.client(), v.events, v.sessionSeconds)));
        out.sort(Comparator.comparing(ConnectionEventCount::second).thenComparing(ConnectionEventCount::kind));
        return out;
    }
}
