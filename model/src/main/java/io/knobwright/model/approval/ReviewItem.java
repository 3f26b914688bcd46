package io.knobwright.model.approval;

import java.time.Instant;
import java.util.Objects;

/** The post-hoc review a break-glass bypass opens; it stays open until a reviewer closes it. */
public record ReviewItem(long id, long planId, String openedBy, Instant openedAt, String reason, String closedBy,
                         Instant closedAt, String closeComment) {

    public ReviewItem {
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openedAt, "openedAt");
        reason = reason == null ? "" : reason;
        closeComment = closeComment == null ? "" : closeComment;
    }

    public boolean open() {
        return closedAt == null;
    }
}
