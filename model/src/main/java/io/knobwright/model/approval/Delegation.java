package io.knobwright.model.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * A user away for a while lets another decide in their place, within a time window. The delegate then decides
 * "for" the delegator; separation of duties holds for both (neither may be the author; neither may decide twice).
 */
public record Delegation(long id, String from, String to, Instant validFrom, Instant validUntil, String reason) {

    public Delegation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (from.equals(to)) {
            throw new IllegalArgumentException("A user cannot delegate to themselves");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("A delegation must end after it starts (" + validFrom + " .. " + validUntil + ")");
        }
        reason = reason == null ? "" : reason.strip();
    }

    public boolean activeAt(Instant when) {
        return !when.isBefore(validFrom) && when.isBefore(validUntil);
    }
}
