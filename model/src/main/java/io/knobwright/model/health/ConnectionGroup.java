package io.knobwright.model.health;

import java.util.Objects;

/**
 * Sessions of one kind at one moment: those of one application, user, client address, database and state. Empty
 * strings where the server does not say (no application_name, a Unix-socket client). The group that folds the
 * smaller groups of a poll together is named {@link #OTHER} in every field that differs.
 */
public record ConnectionGroup(String application, String user, String client, String database, String state, int count) {

    /** The name of the group that holds all sessions past the top groups of a poll. */
    public static final String OTHER = "(other)";

    public ConnectionGroup {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(state, "state");
        if (count < 0) {
            throw new IllegalArgumentException("A group holds zero or more sessions, not " + count);
        }
    }

    public ConnectionKey key() {
        return new ConnectionKey(application, user, client);
    }
}
