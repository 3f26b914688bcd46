package io.knobwright.model.store;

/**
 * A problem with the local store that the user can act on (wrong data directory, store from a newer
 * Knobwright, duplicate name). The message is written for the user: what is wrong and what to do.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
