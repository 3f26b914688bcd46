package io.knobwright.app.fleet;

import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;

import java.util.Map;

/**
 * A request to register a live server. Exactly one of {@code password} and {@code passwordEnv}
 * may be set; a clear-text password is sealed before it is stored.
 */
public record Registration(String name, String jdbcUrl, String user, String password, String passwordEnv,
                           Tier tier, Criticality criticality, WorkloadKind workload, Map<String, String> tags) {

    public Registration {
        if (password != null && passwordEnv != null) {
            throw new IllegalArgumentException("Give either a password or a password environment variable, not both");
        }
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
