package io.knobwright.model.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The catalog in force for one instance: its server's own description when the server was read, otherwise
 * the shipped catalog of its version. {@link #catalog()} is what validation, resolution, plans and exports
 * use; {@link #parameters()} explains each entry's source and its differences from the shipped catalog.
 *
 * @param readAt when the server described itself; null for the shipped catalog
 */
public record EffectiveCatalog(ParameterCatalog catalog, CatalogSource source, Instant readAt,
                               List<EffectiveParameter> parameters) {

    public EffectiveCatalog {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(source, "source");
        parameters = List.copyOf(parameters);
    }

    /** Entries whose description differs from the shipped catalog, or that only one of the two knows. */
    public List<EffectiveParameter> differing() {
        return parameters.stream().filter(p -> !p.differences().isEmpty()).toList();
    }
}
