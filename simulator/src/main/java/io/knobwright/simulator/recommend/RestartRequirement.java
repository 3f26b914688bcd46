package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;

import java.util.Optional;

/** No change that needs a server restart unless the user allowed restarts. */
public final class RestartRequirement implements Constraint {

    @Override
    public String name() {
        return "no restart unless allowed";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        if (candidate.request().options().allowRestart()) {
            return Optional.empty();
        }
        for (String parameter : candidate.changes()) {
            boolean restart = candidate.request().catalog().find(parameter).map(ParameterSpec::requiresRestart)
                    .orElse(false);
            if (restart) {
                return Optional.of(parameter + " takes effect only after a server restart, and restarts were not "
                        + "allowed (allow them to consider it).");
            }
        }
        return Optional.empty();
    }
}
