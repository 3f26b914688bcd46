package io.knobwright.app.testing;

import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PredictedRange;

import java.time.Instant;
import java.util.List;

/** A prediction attached to a plan whose numbers can be checked by eye: 30% slower, with an out-of-memory warning. */
public final class SamplePlanSimulations {

    private SamplePlanSimulations() {
    }

    public static PlanSimulation slowerWithWarning(long planId, Instant at) {
        return new PlanSimulation(0, planId, at, "alice", "built-in 1.0", "throughput error 8% (MAPE) over 12 held-out runs",
                List.of(new PlanSimulation.Scenario("current", new PredictedRange(1000, 830, 1200),
                                new PredictedRange(10, 8.3, 12), List.of(), "queueing (MVA): 32 clients on 8 CPUs"),
                        new PlanSimulation.Scenario("plan #" + planId, new PredictedRange(700, 580, 800),
                                new PredictedRange(14.3, 12.5, 17.2),
                                List.of("8% chance of running out of memory"),
                                "queueing (MVA): in-memory sorts lose cache locality\n\nlatency tail: log-normal")));
    }
}
