package io.knobwright.simulator.model;

/** A scenario a model cannot judge, or an external engine that failed; the message says what to do. */
public class SimulationException extends RuntimeException {

    public SimulationException(String message) {
        super(message);
    }

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
