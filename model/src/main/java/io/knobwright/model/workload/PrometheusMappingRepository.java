package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The saved Prometheus mappings and how far each has been imported (decision 0133). */
public interface PrometheusMappingRepository {

    /** Stores a new mapping; an instance has at most one mapping per series (IllegalStateException otherwise). */
    PrometheusMapping add(PrometheusMapping mapping);

    /** Every mapping, oldest first. */
    List<PrometheusMapping> mappings();

    Optional<PrometheusMapping> mapping(long id);

    /** False when there was no such mapping. */
    boolean remove(long id);

    /** Remembers that the mapping's points up to {@code until} are stored. */
    void imported(long id, Instant until);
}
