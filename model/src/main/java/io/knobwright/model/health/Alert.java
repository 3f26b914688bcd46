package io.knobwright.model.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One condition on one instance that a DBA should look at, with the numbers that show it.
 *
 * @param instanceId   the instance
 * @param instanceName its name, as shown and as the CLI takes it
 * @param kind         what it is about; also picks the screen a click opens ({@link AlertKind#screen()})
 * @param severity     how urgent
 * @param title        one line, e.g. "Connections at 96 % of max_connections"
 * @param evidence     the numbers behind it, one per line
 * @param since        when the condition was first seen (by the source; the store may know an earlier first sight)
 */
public record Alert(
        long instanceId,
        String instanceName,
        AlertKind kind,
        AlertSeverity severity,
        String title,
        List<String> evidence,
        Instant since) {

    public Alert {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(since, "since");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("An alert needs a title");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Identifies the condition across evaluations: one alert of a kind per instance. */
    public String key() {
        return instanceId + ":" + kind.name();
    }

    public Alert since(Instant firstSeen) {
        return new Alert(instanceId, instanceName, kind, severity, title, evidence, firstSeen);
    }
}
