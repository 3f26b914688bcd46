package io.knobwright.app.override;

import io.knobwright.model.override.EmergencyOverride;

import java.time.Instant;
import java.util.List;

/**
 * What an override request did, instance by instance: each instance's parameters are applied all or nothing; one
 * instance failing does not hold back the others in an incident.
 */
public record OverrideResult(String batch, Instant deadline, List<OnInstance> instances) {

    /** @param failure null when every parameter of the instance is overridden; else why none is */
    public record OnInstance(String instance, List<EmergencyOverride> overrides, io.knobwright.model.UserError failure) {
        public OnInstance {
            overrides = List.copyOf(overrides);
        }

        public boolean applied() {
            return failure == null;
        }

        public String error() {
            return failure == null ? "" : failure.getMessage();
        }
    }

    public OverrideResult {
        instances = List.copyOf(instances);
    }

    public boolean allApplied() {
        return instances.stream().allMatch(OnInstance::applied);
    }

    public boolean noneApplied() {
        return instances.stream().noneMatch(OnInstance::applied);
    }
}
