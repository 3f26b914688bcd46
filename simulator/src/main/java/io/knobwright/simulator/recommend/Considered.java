package io.knobwright.simulator.recommend;

import java.util.Objects;

/**
 * A change the search looked at and did not recommend, with the reason: a constraint refused it ("needs a restart,
 * which was not allowed"), or its predicted gain did not clear its interval. Shown so a DBA sees what was weighed,
 * and what allowing a restart or unlocking a parameter would bring.
 */
public record Considered(String parameter, String from, String to, String why) {

    public Considered {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(why, "why");
    }
}
