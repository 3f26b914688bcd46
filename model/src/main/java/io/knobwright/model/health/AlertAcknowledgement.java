package io.knobwright.model.health;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone has seen an alert and is on it: it stays listed (greyed) until it clears. It is kept with the alert's state
 * and forgotten when the alert clears, so a recurrence is a new alert, notified and unacknowledged.
 *
 * @param by      who acknowledged it (the acting user)
 * @param at      when
 * @param comment what they said, e.g. "vacuum running, CHG0012345"; empty when nothing
 */
public record AlertAcknowledgement(String by, Instant at, String comment) {

    /** Longest comment: a line for a colleague, not a report. */
    public static final int MAX_COMMENT = 1000;

    public AlertAcknowledgement {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("An acknowledgement names who gave it");
        }
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment.strip();
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("An acknowledgement's comment has at most " + MAX_COMMENT + " characters");
        }
    }
}
