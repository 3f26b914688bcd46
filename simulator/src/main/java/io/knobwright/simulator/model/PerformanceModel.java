package io.knobwright.simulator.model;

import java.util.List;

/**
 * The small interface every performance model answers, the built-in one and external engines alike (a command or
 * an HTTP endpoint that reads the scenario as JSON and answers a prediction in the same shape; docs/simulation.md
 * documents the JSON). Implementations are pure functions of the scenario: no I/O except an external engine's call.
 */
public interface PerformanceModel {

    /** A short name the screen, the CLI's JSON and the plan's risk show beside each number. */
    String name();

    /** @throws SimulationException when the scenario cannot be judged, with a message for the user */
    Prediction predict(Scenario scenario);

    /** Many scenarios at once (a sweep); a model that can batch them overrides this. */
    default List<Prediction> predictAll(List<Scenario> scenarios) {
        return scenarios.stream().map(this::predict).toList();
    }
}
