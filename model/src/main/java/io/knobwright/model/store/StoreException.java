package io.knobwright.model.store;

import io.knobwright.model.UserError;

/**
 * A problem with the local store that the user can act on (wrong data directory, store from a newer
 * Knobwright, duplicate name). The message is written for the user: what is wrong and what to do.
 */
public class StoreException extends UserError {

    public StoreException(String message) {
        super(Kind.STORE, message);
    }

    public StoreException(String message, Throwable cause) {
        super(Kind.STORE, message, cause);
    }

    /** For store refusals caused by what the user gave (a name already taken). */
    protected StoreException(Kind kind, String message) {
        super(kind, message);
    }
}
