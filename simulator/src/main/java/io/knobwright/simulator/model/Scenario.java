package io.knobwright.simulator.model;

import java.util.Objects;

/** One what-if: this workload on this machine under these settings. */
public record Scenario(String name, Machine machine, WorkloadShape workload, Knobs knobs) {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A scenario has a name");
        }
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(knobs, "knobs");
    }

    public Scenario with(String newName, Knobs newKnobs) {
        return new Scenario(newName, machine, workload, newKnobs);
    }
}
