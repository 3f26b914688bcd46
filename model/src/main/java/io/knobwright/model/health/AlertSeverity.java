package io.knobwright.model.health;

/** How urgent an alert is; declared most urgent first, so the natural order sorts the worst to the top. */
public enum AlertSeverity {
    CRITICAL,
    WARNING,
    INFO
}
