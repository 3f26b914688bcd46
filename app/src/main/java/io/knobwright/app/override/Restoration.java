package io.knobwright.app.override;

import io.knobwright.model.override.EmergencyOverride;

/** What one restoration did: the override as it stands after, and a sentence for the operator. */
public record Restoration(EmergencyOverride override, boolean restored, String message) {
}
