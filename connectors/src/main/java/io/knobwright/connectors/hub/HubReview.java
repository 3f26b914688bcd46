package io.knobwright.connectors.hub;

import java.time.Instant;
import java.util.UUID;

/**
 * The review item a break-glass bypass opens; it stays open until a reviewer other than the bypassing
 * operator (and other than the plan's author) closes it with a comment.
 *
 * @param closedBy null while open, as are the closing comment and time
 */
public record HubReview(UUID bypassUid, int round, String bypassedBy, String reason, Instant bypassedAt, String closedBy,
                        String closingComment, Instant closedAt) {

    public HubReview {
        HubValues.present(bypassUid, "The bypass uid");
        HubValues.present(bypassedBy, "The bypassing operator");
        HubValues.present(bypassedAt, "The bypass time");
        if ((closedBy == null) != (closedAt == null)) {
            throw new IllegalArgumentException("A closed review names who closed it and when");
        }
    }

    public boolean open() {
        return closedBy == null;
    }
}
