package io.knobwright.model.simulation;

import java.util.List;
import java.util.Optional;

/** What-if predictions attached to change plans; a plan keeps every attachment, the newest is the one shown. */
public interface PlanSimulationRepository {

    /** Stores a new attachment; returns it with its id. */
    PlanSimulation attach(PlanSimulation simulation);

    /** The newest attachment of a plan, if any. */
    Optional<PlanSimulation> latest(long planId);

    /** Every attachment of a plan, oldest first. */
    List<PlanSimulation> ofPlan(long planId);
}
