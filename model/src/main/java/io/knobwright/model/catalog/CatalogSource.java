package io.knobwright.model.catalog;

import java.util.Locale;

/** Where an entry of an instance's effective catalog comes from. */
public enum CatalogSource {
    /** The instance's server described the parameter itself when it was last read. */
    SERVER,
    /** The catalog shipped with Knobwright for the engine version (the instance was never read). */
    SHIPPED;

    /** "server", "shipped": the spelling the CLI prints and scripts compare with. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
