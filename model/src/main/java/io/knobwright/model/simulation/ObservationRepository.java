package io.knobwright.model.simulation;

import java.util.List;

/** The measured experiments, append-only. */
public interface ObservationRepository {

    /** Stores a new observation; returns it with its id. */
    Observation add(Observation observation);

    /** All observations of one workload, oldest first. */
    List<Observation> ofWorkload(String workloadKey);

    /** All observations made on or for an instance, oldest first. */
    List<Observation> ofInstance(long instanceId);

    /** Observations in one hardware class, oldest first, at most {@code limit} of the newest. */
    List<Observation> ofHardwareClass(String hardwareClass, int limit);
}
