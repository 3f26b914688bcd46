package io.knobwright.connectors;

import java.util.List;
import java.util.Objects;

/**
 * What a full connection test learned: the server, how many settings the login could read, and where the login
 * stands on each privilege Knobwright needs ({@link PrivilegeCheck}).
 *
 * @param login        the login as the server knows it ("knobwright", "'knobwright'@'%'")
 * @param settingsRead settings the login read (pg_settings rows, global variables)
 */
public record ConnectionReport(ServerInfo server, String login, int settingsRead, List<PrivilegeFinding> privileges) {

    public ConnectionReport {
        Objects.requireNonNull(server, "server");
        login = login == null ? "" : login;
        if (settingsRead < 0) {
            throw new IllegalArgumentException("settingsRead cannot be negative: " + settingsRead);
        }
        privileges = List.copyOf(privileges);
    }

    /** The needs a GRANT would give; empty when the login has every privilege. */
    public List<PrivilegeFinding> missing() {
        return privileges.stream().filter(p -> p.status() == PrivilegeFinding.Status.MISSING).toList();
    }

    /** The needs the server itself lacks (an extension, an instrument switched off). */
    public List<PrivilegeFinding> unavailable() {
        return privileges.stream().filter(p -> p.status() == PrivilegeFinding.Status.UNAVAILABLE).toList();
    }
}
