package io.knobwright.model.diff;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.fleet.LiveSetting;

/** Decides whether two spellings of a parameter's value mean the same thing ("1GB" and "131072" x 8kB). */
@FunctionalInterface
public interface ValueEquivalence {

    /** @param spec null when the catalog does not know the parameter: compare the texts then */
    boolean same(ParameterSpec spec, String left, String right);

    /**
     * The value a server reports, as the configuration to compare with others; the reported value unless the
     * equivalence knows better (see {@link CatalogValueEquivalence#configured}).
     *
     * @param spec null when the catalog does not know the parameter
     */
    default String configured(ParameterSpec spec, LiveSetting live) {
        return live.value();
    }
}
