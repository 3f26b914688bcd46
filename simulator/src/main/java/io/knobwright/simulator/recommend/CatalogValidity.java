package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.Values;

import java.util.Optional;

/** Every changed value is one the server's own catalog accepts: known parameter, type, unit, range, enum choice. */
public final class CatalogValidity implements Constraint {

    @Override
    public String name() {
        return "valid values of the server's catalog";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        var catalog = candidate.request().catalog();
        for (String parameter : candidate.changes()) {
            Optional<ParameterSpec> spec = catalog.find(parameter);
            if (spec.isEmpty()) {
                return Optional.of(catalog.engineVersion() + " has no parameter " + parameter + ".");
            }
            if (spec.get().applyMode() == ApplyMode.READ_ONLY) {
                return Optional.of(parameter + " is read-only on " + catalog.engineVersion()
                        + ": it is fixed when the server is built or initialised.");
            }
            Optional<String> problem = Values.problem(spec.get(), candidate.proposed().text(parameter));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
