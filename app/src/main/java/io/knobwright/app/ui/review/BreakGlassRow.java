package io.knobwright.app.ui.review;

import io.knobwright.model.approval.ReviewItem;

import java.util.Objects;

/**
 * An open break-glass review: a plan an operator let through without approval, waiting for a reviewer to look
 * at what was done and close the review with a comment.
 *
 * @param instance the plan's instance; "plan gone" when the plan was removed
 * @param opened   "2026-12-06 10:32"
 */
public record BreakGlassRow(ReviewItem item, String instance, String opened) {

    public BreakGlassRow {
        Objects.requireNonNull(item, "item");
    }

    public long id() {
        return item.id();
    }

    /** "Plan #12 · pg-payments-prod-01". */
    public String title() {
        return "Plan #" + item.planId() + " · " + instance;
    }

    /** "bypassed by dave, 2026-12-06 10:32". */
    public String line() {
        return "bypassed by " + item.openedBy() + ", " + opened;
    }
}
