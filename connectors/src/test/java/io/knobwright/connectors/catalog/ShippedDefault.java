package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ParameterSpec;

import java.util.Objects;
import java.util.Optional;

/**
 * How the live-server tests compare a shipped default with the one the server reports: exactly, except where the
 * catalog marks the default as depending on the host or the build (HostDependentDefaults). Such a default is the
 * generating server's example; another server of the same version reports its own, which is not a difference.
 */
final class ShippedDefault {

    private ShippedDefault() {
    }

    /** A line for the failure message, or empty when the defaults agree or are not comparable. */
    static Optional<String> difference(ParameterSpec shipped, String onServer) {
        if (shipped.defaultIsHostDependent() || Objects.equals(shipped.defaultValue(), onServer)) {
            return Optional.empty();
        }
        return Optional.of(shipped.name() + ": default is " + quoted(shipped.defaultValue()) + " in the catalog, "
                + quoted(onServer) + " on the server");
    }

    private static String quoted(String value) {
        return value == null ? "none" : "'" + value + "'";
    }
}
