package io.knobwright.model.fleet.inventory;

import io.knobwright.model.UserError;

/**
 * The inventory file as a whole cannot be read (empty, binary, not CSV or JSON, too large, unknown column).
 * Nothing was imported; the message says what to fix.
 */
public final class InventoryFormatException extends UserError {

    public InventoryFormatException(String message) {
        super(Kind.INPUT, message);
    }

    public InventoryFormatException(String message, Throwable cause) {
        super(Kind.INPUT, message, cause);
    }
}
