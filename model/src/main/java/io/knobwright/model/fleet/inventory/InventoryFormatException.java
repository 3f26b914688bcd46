package io.knobwright.model.fleet.inventory;

/**
 * The inventory file as a whole cannot be read (empty, binary, not CSV or JSON, too large, unknown column).
 * Nothing was imported; the message says what to fix.
 */
public final class InventoryFormatException extends RuntimeException {

    public InventoryFormatException(String message) {
        super(message);
    }

    public InventoryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
