package io.knobwright.connectors.hub;

import java.util.Set;

/** A login's membership of the hub: its roles, and whether it may act at all. */
public record HubMember(String login, Set<String> roles, boolean active) {

    public HubMember {
        HubValues.text(login, "The login", 63);
        roles = Set.copyOf(roles);
        roles.forEach(HubValues::role);
    }

    public boolean holds(String role) {
        return active && roles.contains(role);
    }
}
