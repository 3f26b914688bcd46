package io.knobwright.simulator.recommend;

import java.util.Objects;

/**
 * What drove a recommendation: a measured figure, one of the instance's queries, or what the model predicts at the
 * current settings (the mechanism the change acts on).
 *
 * @param name   the metric, the query (fingerprint or shortened statement) or the predicted quantity
 * @param value  readable value ("91.2%", "40 MB per execution", "3,200 calls")
 * @param detail why it matters for this setting
 */
public record Evidence(Kind kind, String name, String value, String detail) {

    /** FACT: a fact of the instance (RAM, CPUs, a setting in force), not a measurement of its workload. */
    public enum Kind { MEASURED, QUERY, PREDICTED, FACT }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        detail = detail == null ? "" : detail;
    }
}
