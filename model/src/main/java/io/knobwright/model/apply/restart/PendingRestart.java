package io.knobwright.model.apply.restart;

import java.time.Instant;
import java.util.Objects;

/**
 * A parameter an applied plan set on an instance that the server does not run with yet: it waits for a restart
 * (and, for MariaDB's restart-only variables, for a person to write the option-file line first).
 *
 * @param value the value waiting, as the plan set it
 * @param since when the run that set it finished
 * @param note  what a person must do besides restarting (the option-file line); empty when only a restart is needed
 */
public record PendingRestart(long instanceId, String instanceName, String parameter, String value, Instant since,
                             long planId, long runId, String note) {

    public PendingRestart {
        Objects.requireNonNull(instanceName, "instanceName");
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("A pending restart needs its parameter");
        }
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(since, "since");
        note = note == null ? "" : note;
    }
}
