package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks (name, value) pairs against one engine version's catalog: the entry point for text that names its
 * parameter, such as template entries, imported configuration files and CLI arguments. Unknown names are reported
 * with the nearest known names: "Unknown parameter 'shared_buffer' for PostgreSQL 16. Did you mean shared_buffers?"
 */
public final class ParameterValidator {

    private static final int MAX_SUGGESTIONS = 3;

    private final ParameterCatalog catalog;

    public ParameterValidator(ParameterCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The catalog entry for a name (case-insensitive, '-' for '_' as my.cnf allows).
     *
     * @throws InvalidValueException with reason UNKNOWN_PARAMETER and the nearest names as suggestions
     */
    public ParameterSpec spec(String name) {
        if (name == null || name.isBlank()) {
            throw unknown(name, "A parameter name is required for " + catalog.engineVersion() + ".", List.of());
        }
        return catalog.find(name).orElseThrow(() -> {
            List<String> near = suggestionsFor(name);
            String advice = near.isEmpty()
                    ? " Check the spelling; the catalog lists " + catalog.size() + " parameters."
                    : " Did you mean " + EditDistance.orList(near) + "?";
            return unknown(name, "Unknown parameter '" + Refusal.echo(name) + "' for " + catalog.engineVersion()
                    + "." + advice, near);
        });
    }

    /** Known names close to a misspelled one, closest first; empty when nothing is close. */
    public List<String> suggestionsFor(String name) {
        if (name == null) {
            return List.of();
        }
        return EditDistance.nearest(name, catalog.parameters().stream().map(ParameterSpec::name).toList(),
                MAX_SUGGESTIONS);
    }

    /**
     * The value of a named parameter, checked against its catalog entry.
     *
     * @throws InvalidValueException for an unknown name or a value the server would refuse
     */
    public ParameterValue validate(String name, String text) {
        return Values.parse(spec(name), text);
    }

    /** The message explaining why the pair would be refused; empty when it is fine. */
    public Optional<String> problem(String name, String text) {
        try {
            validate(name, text);
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(e.getMessage());
        }
    }

    private InvalidValueException unknown(String name, String message, List<String> suggestions) {
        return new InvalidValueException(message, name == null ? "" : name, catalog.engineVersion().toString(), name,
                InvalidValueException.Reason.UNKNOWN_PARAMETER, suggestions);
    }
}
