package io.knobwright.model.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of an instance's effective catalog.
 *
 * @param spec        the description in force for the instance (the server's own when it was read)
 * @param source      where {@code spec} comes from
 * @param known       false for a parameter the shipped catalog lists but the instance's server does not report:
 *                    shown so nothing is silently dropped, but that server refuses it
 * @param differences how the server's description differs from the shipped catalog's, in words; empty when equal
 */
public record EffectiveParameter(ParameterSpec spec, CatalogSource source, boolean known, List<String> differences) {

    public EffectiveParameter {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        differences = List.copyOf(differences);
    }
}
