package io.knobwright.model.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the top queries are ranked by: how often they run, how much time they take in all, or per call. */
public enum TopOrder {
    CALLS, TOTAL, MEAN, P95;

    /** "calls", "total", "mean" or "p95", any case; an IllegalArgumentException naming the choices otherwise. */
    public static TopOrder of(String name) {
        for (TopOrder o : values()) {
            if (o.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("Rank queries by one of " + Arrays.stream(values())
                .map(o -> o.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '" + name + "'.");
    }
}
