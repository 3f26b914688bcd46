package io.knobwright.model.health;

import java.util.Objects;

/** Who holds connections, as the stored series keeps them apart: application name, user and client address. */
public record ConnectionKey(String application, String user, String client) {

    public ConnectionKey {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
    }

    /** The application as a person reads it: "(no name)" for sessions that set none. */
    public String applicationLabel() {
        return application.isEmpty() ? "(no name)" : application;
    }
}
