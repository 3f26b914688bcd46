package io.knobwright.model.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an instance meets its recovery point objective now: the time since its newest GOOD backup against the RPO.
 * A damaged or unchecked backup does not count; no good backup at all is out of compliance.
 *
 * @param lastGood when the newest good backup was taken; null when there is none
 */
public record RpoCompliance(Duration rpo, Instant now, Instant lastGood) {
    public RpoCompliance {
        Objects.requireNonNull(rpo, "rpo");
        Objects.requireNonNull(now, "now");
    }

    public static RpoCompliance of(Collection<BackupVerification> backups, Duration rpo, Instant now) {
        Instant lastGood = backups.stream().filter(b -> b.status().good()).map(BackupVerification::takenAt)
                .filter(t -> !t.isAfter(now)).max(Instant::compareTo).orElse(null);
        return new RpoCompliance(rpo, now, lastGood);
    }

    /** The time since the newest good backup; empty when there is none. */
    public Optional<Duration> sinceLastGood() {
        return Optional.ofNullable(lastGood).map(t -> Duration.between(t, now));
    }

    public boolean compliant() {
        return sinceLastGood().map(d -> d.compareTo(rpo) <= 0).orElse(false);
    }

    /** How long past the RPO the instance is (zero when compliant); empty when it never had a good backup. */
    public Optional<Duration> overdueBy() {
        return sinceLastGood().map(d -> d.compareTo(rpo) > 0 ? d.minus(rpo) : Duration.ZERO);
    }
}
