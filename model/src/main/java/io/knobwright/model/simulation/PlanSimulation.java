package io.knobwright.model.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A what-if prediction attached to a change plan: which model answered, how well it had matched measured runs so far
 * (its held-out accuracy, in words), and each scenario's throughput and p95 latency with their 80% intervals, warnings
 * and explanation. The first scenario is what runs today ("current"); the others are what the plan would do.
 *
 * @param id       store id, 0 before it is stored
 * @param accuracy the model's held-out accuracy when the prediction was made ("MAPE 8% over 12 held-out runs ...")
 */
public record PlanSimulation(long id, long planId, Instant attachedAt, String attachedBy, String model, String accuracy,
                             List<Scenario> scenarios) {

    /**
     * @param explanation why the numbers are what they are, in words (the mechanisms and inputs)
     */
    public record Scenario(String name, PredictedRange tps, PredictedRange p95Ms, List<String> warnings,
                           String explanation) {
        public Scenario {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A simulated scenario has a name");
            }
            Objects.requireNonNull(tps, "tps");
            Objects.requireNonNull(p95Ms, "p95Ms");
            warnings = List.copyOf(warnings);
            explanation = explanation == null ? "" : explanation;
        }
    }

    public PlanSimulation {
        Objects.requireNonNull(attachedAt, "attachedAt");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("A simulation names the model that made it");
        }
        attachedBy = attachedBy == null ? "" : attachedBy;
        accuracy = accuracy == null ? "" : accuracy;
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("A simulation has at least one scenario");
        }
        if (scenarios.stream().map(Scenario::name).distinct().count() != scenarios.size()) {
            throw new IllegalArgumentException("The scenarios of a simulation have different names");
        }
    }

    public PlanSimulation withId(long newId) {
        return new PlanSimulation(newId, planId, attachedAt, attachedBy, model, accuracy, scenarios);
    }

    /** The scenario everything is compared with: the first one, what runs today. */
    public Scenario baseline() {
        return scenarios.getFirst();
    }

    /** The scenario the plan would bring: the last one (with only one scenario, that one). */
    public Scenario planned() {
        return scenarios.getLast();
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
