package io.knobwright.app.ui.operations;

import io.knobwright.model.override.EmergencyOverride;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One live override on the dashboard. Its countdown is computed from the stored deadline each second
 * ({@link #tick}), never counted down, so it stays right across sleeps, slow pulses and changes by others.
 */
public final class OverrideLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EmergencyOverride override;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper retry = new ReadOnlyStringWrapper(this, "retry", "");

    OverrideLine(EmergencyOverride override, ZoneId zone, Instant now) {
        this.override = Objects.requireNonNull(override, "override");
        this.zone = Objects.requireNonNull(zone, "zone");
        tick(now);
    }

    public EmergencyOverride override() {
        return override;
    }

    public long id() {
        return override.id();
    }

    /** "work_mem on pg-prod-3 → 256MB". */
    public String headline() {
        return override.parameter() + " on " + override.instanceName() + " → " + override.value();
    }

    /** Who and why, and what it sits on: "dave: INC-2211 queries spilling · stacked on #12". */
    public String detail() {
        return override.actor() + ": " + override.reason() + (override.stackedOn() == 0 ? "" : " · stacked on #" + override.stackedOn());
    }

    /** For a restoration that failed or stopped: the last error and what happens next. */
    public String problem() {
        return override.lastError().isBlank() ? override.note() : override.lastError();
    }

    public boolean failing() {
        return override.restoreFailing();
    }

    public boolean needsDecision() {
        return override.state() == io.knobwright.model.override.OverrideState.ATTENTION;
    }

    /** An alarm on the failed restorations tile: a restoration failing, or stopped for a person to decide. */
    public boolean alarm() {
        return failing() || needsDecision();
    }

    /** "restores in 12:04", "restore failing", "restoring now": short, for the row's right side. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** For a failing restoration: "failed 3 times; next try 10:42:13 (in 0:35)"; empty otherwise. */
    public ReadOnlyStringProperty retryProperty() {
        return retry.getReadOnlyProperty();
    }

    void tick(Instant now) {
        countdown.set(text(now));
        retry.set(failing() ? retryText(now) : "");
    }

    private String text(Instant now) {
        return switch (override.state()) {
            case PENDING -> "being applied";
            case RESTORING -> "restoring now";
            case ATTENTION -> "needs a decision";
            case ACTIVE -> {
                if (failing()) {
                    yield "restore failing";
                }
                Duration left = Duration.between(now, override.deadline());
                yield left.isPositive() ? "restores in " + Countdown.of(left) : "restoring now";
            }
            case RESTORED, KEPT, FAILED -> override.state().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String retryText(Instant now) {
        Instant next = override.nextAttemptAt();
        return "failed " + attempts() + (next == null ? "" : "; next try " + TIME.format(next.atZone(zone))
                + (next.isAfter(now) ? " (in " + Countdown.of(Duration.between(now, next)) + ")" : " (due now)"));
    }

    private String attempts() {
        return override.attempts() == 1 ? "once" : override.attempts() + " times";
    }
}
