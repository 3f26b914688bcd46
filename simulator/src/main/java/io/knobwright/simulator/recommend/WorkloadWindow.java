package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.WorkloadShape;

import java.util.Objects;

/** One time window of the day and the workload measured in it, as the simulator reads it. */
public record WorkloadWindow(DayWindow window, WorkloadShape shape) {

    public WorkloadWindow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(shape, "shape");
    }

    public String label() {
        return window.label();
    }
}
