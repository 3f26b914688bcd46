package io.knobwright.model.hub;

import io.knobwright.model.fleet.CredentialRef;

import java.time.Instant;
import java.util.Objects;

/**
 * The shared approval hub this store syncs with, and how the syncing goes.
 *
 * @param login         the database login: on the hub, who this workbench's user is
 * @param credential    where the password comes from (an environment variable's name, or sealed); never the password
 * @param cursor        the last hub event applied here
 * @param failures      syncs failed in a row (0 after a success); sets the backoff
 * @param nextAttemptAt when the next sync may be tried after failures; null when any time
 */
public record HubLink(String jdbcUrl, String login, CredentialRef credential, Instant connectedAt, long cursor,
                      Instant lastSyncAt, String lastError, int failures, Instant nextAttemptAt) {

    public HubLink {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The hub is a PostgreSQL database: its URL starts with jdbc:postgresql://");
        }
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("The hub needs a login");
        }
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(connectedAt, "connectedAt");
        lastError = lastError == null ? "" : lastError;
    }

    public boolean failing() {
        return failures > 0;
    }
}
