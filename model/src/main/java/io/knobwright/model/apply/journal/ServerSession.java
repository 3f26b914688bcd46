package io.knobwright.model.apply.journal;

import java.util.Optional;

/**
 * What an apply needs from one server, over one connection (implemented by the connectors: ALTER SYSTEM, SET
 * PERSIST, ...). Each method throws {@link ServerStepException} when the server refuses or cannot be reached.
 */
public interface ServerSession {

    /** The value the server holds now, in the form the catalog uses; null when it does not report the parameter. */
    String read(String parameter);

    /**
     * For a change this server cannot take over a connection (MariaDB's restart-only variables): what a person must do
     * instead, in a sentence ("write `back_log = 300` under [mariadbd] in the option file and restart the server").
     * Nothing is sent for such a change. Empty when {@link #set} makes it, which is every change on most engines.
     *
     * @throws ServerStepException when the change is refused before anything is sent
     */
    default Optional<String> handOver(String parameter, String value) {
        return Optional.empty();
    }

    /** Makes the server hold {@code value} (persisted and, where the engine can, in effect). */
    void set(String parameter, String value);

    /** Puts the parameter back to {@code prior}; null: back to the server's default (RESET). */
    void restore(String parameter, String prior);

    /** Whether a value set so far waits for a restart to take effect. */
    boolean pendingRestart(String parameter);

    /** Whether the value read back is the one asked for (engines compare values in their own way). */
    boolean same(String parameter, String expected, String actual);

    /**
     * Whether the value in force now was written by this kind of session (ALTER SYSTEM, SET PERSIST), so that putting
     * it back means writing it again; false when it comes from the configuration file or the default, so that putting
     * it back means removing the entry ({@link #restore} with null) and the server is not pinned to today's value.
     * Engines that cannot tell say true: writing the value back is then always right for the value.
     */
    default boolean persisted(String parameter) {
        return true;
    }
}
