package io.knobwright.app.ui.review;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.policy.RiskLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One plan in the reviewer's list: what they scan before opening it (instance, risk, ticket, author, how long
 * it has waited) and the detail it opens to.
 *
 * @param awaitingMe false for a plan opened from elsewhere (the Plans screen) that the reviewer cannot decide
 * @param age        how long ago it was submitted, as "5 min", "3 h", "2 d"
 */
public record ReviewRow(ReviewDetail detail, boolean awaitingMe, String age) {

    public ReviewRow {
        Objects.requireNonNull(detail, "detail");
        age = age == null ? "" : age;
    }

    static ReviewRow of(ReviewDetail detail, boolean awaitingMe, Instant now) {
        PlanReview review = detail.review();
        Instant since = review.submission().map(s -> s.submittedAt()).orElse(review.plan().createdAt());
        return new ReviewRow(detail, awaitingMe, age(since, now));
    }

    public long planId() {
        return detail.review().plan().id();
    }

    public String instance() {
        return detail.review().plan().instanceName();
    }

    public RiskLevel risk() {
        return detail.review().risk().level();
    }

    public String ticket() {
        return detail.review().plan().ticket();
    }

    public String author() {
        return detail.review().plan().author();
    }

    /** "by alice · CHG0012345 · 5 min ago". */
    public String line() {
        StringBuilder text = new StringBuilder("by ").append(author().isEmpty() ? "unknown" : author());
        if (!ticket().isEmpty()) {
            text.append(" · ").append(ticket());
        }
        return text.append(" · ").append(age.equals("just now") ? age : age + " ago").toString();
    }

    /** "just now" under a minute, then minutes, hours, days. */
    static String age(Instant since, Instant now) {
        Duration waited = Duration.between(since, now);
        if (waited.toMinutes() < 1) {
            return "just now";
        }
        if (waited.toHours() < 1) {
            return waited.toMinutes() + " min";
        }
        if (waited.toDays() < 1) {
            return waited.toHours() + " h";
        }
        return waited.toDays() + " d";
    }
}
