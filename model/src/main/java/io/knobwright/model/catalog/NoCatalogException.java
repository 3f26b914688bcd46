package io.knobwright.model.catalog;

import io.knobwright.model.UserError;

/** No catalog ships for an engine version: a user error naming the versions that do, caught where a fallback exists. */
public final class NoCatalogException extends UserError {

    public NoCatalogException(String message) {
        super(Kind.INPUT, message);
    }
}
