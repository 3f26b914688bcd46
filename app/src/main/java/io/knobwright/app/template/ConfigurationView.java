package io.knobwright.app.template;

import io.knobwright.model.catalog.ParameterCatalog;

import java.util.Map;

/** One side of a comparison: a title for the column header, the values by parameter, and the catalog to read them with. */
public record ConfigurationView(String title, Map<String, String> values, ParameterCatalog catalog) {

    public ConfigurationView {
        values = Map.copyOf(values);
    }
}
