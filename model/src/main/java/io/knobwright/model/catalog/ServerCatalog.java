package io.knobwright.model.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * What one server said about its own parameters (pg_settings, information_schema.SYSTEM_VARIABLES), and when.
 * For that server it outranks the shipped catalog: minor releases and distribution builds add parameters and
 * enum values the shipped catalog cannot know.
 */
public record ServerCatalog(ParameterCatalog catalog, Instant readAt) {

    public ServerCatalog {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(readAt, "readAt");
    }
}
