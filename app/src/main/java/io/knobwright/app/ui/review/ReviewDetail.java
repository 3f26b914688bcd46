package io.knobwright.app.ui.review;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.plan.PlanChangeRow;
import io.knobwright.model.approval.ApprovalChain;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.LockRule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the review panel shows about one plan, spelled out off the FX thread: risk and its reasons, the
 * locks it touches, the predicted impact, where its approval chain stands, its changes and what people wrote.
 *
 * @param rule       "production: 1 reviewer, then 1 admin"; empty for a plan never submitted
 * @param chainNote  "escalates to admin after 4h · expires 2026-12-09 10:02"; empty when neither applies
 * @param prediction what a simulation predicts; "no prediction" until one exists
 */
public record ReviewDetail(PlanReview review, String title, String submitted, String rule, String state,
                           List<String> locks, String prediction, List<LevelStep> steps, String chainNote,
                           List<CommentLine> comments, List<PlanChangeRow> changes, String changeCounts) {

    public static final String NO_PREDICTION = "no prediction: no simulation was run for this plan";

    public ReviewDetail {
        Objects.requireNonNull(review, "review");
        locks = List.copyOf(locks);
        steps = List.copyOf(steps);
        comments = List.copyOf(comments);
        changes = List.copyOf(changes);
    }

    /** @param catalog the instance's catalog, to spell values in readable units; null when unknown */
    static ReviewDetail of(PlanReview review, ParameterCatalog catalog, ZoneId zone) {
        ChangePlan plan = review.plan();
        Submission submission = review.submission().orElse(null);
        String submitted = submission == null ? "not submitted" : submission.submittedBy() + ", "
                + LevelStep.time(submission.submittedAt(), zone) + (submission.round() > 1 ? " (round " + submission.round() + ")" : "");
        String rule = submission == null ? "" : submission.chain().rule() + ": " + submission.chain().text();
        List<LevelStep> steps = submission == null || review.status().isEmpty() ? List.of()
                : LevelStep.of(submission.chain(), review.status().get(), zone);
        List<PlanChangeRow> changes = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            changes.add(PlanChangeRow.of(c, catalog == null ? null : catalog.find(c.parameter()).orElse(null)));
        }
        long restarts = changes.stream().filter(PlanChangeRow::restartNeeded).count();
        String counts = Formats.count(changes.size(), "change", "changes")
                + (restarts == 0 ? " · no restart" : " · " + restarts + (restarts == 1 ? " needs" : " need") + " a restart");
        return new ReviewDetail(review, "Plan #" + plan.id() + " · " + plan.instanceName(), submitted, rule,
                state(review), review.locks().stream().map(ReviewDetail::lock).toList(), prediction(review, zone), steps,
                submission == null ? "" : chainNote(submission, review, zone), comments(review, zone), changes, counts);
    }

    /** The attached prediction (decision 0140): numbers with intervals, warnings, model, accuracy, who attached it when. */
    static String prediction(PlanReview review, ZoneId zone) {
        return review.simulation().map(s -> io.knobwright.app.simulation.PlanSimulationText.summary(s)
                + "\nAttached" + (s.attachedBy().isBlank() ? "" : " by " + s.attachedBy()) + " "
                + LevelStep.time(s.attachedAt(), zone) + ".").orElse(NO_PREDICTION);
    }

    private static String state(PlanReview review) {
        if (review.plan().state() == PlanState.DRAFT) {
            return "draft: not submitted for approval";
        }
        return review.status().isPresent() && review.plan().state() == PlanState.SUBMITTED ? review.progressText()
                : review.plan().state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String lock(LockRule lock) {
        return lock.parameter() + " on " + lock.scope() + (lock.reason().isEmpty() ? "" : ": " + lock.reason());
    }

    private static String chainNote(Submission submission, PlanReview review, ZoneId zone) {
        ApprovalChain chain = submission.chain();
        List<String> notes = new ArrayList<>();
        if (chain.escalateAfter() != null) {
            notes.add("a level waiting longer than " + duration(chain.escalateAfter()) + " escalates to " + chain.escalateTo());
        }
        review.status().map(s -> s.expiresAt()).ifPresent(at -> notes.add("expires " + LevelStep.time(at, zone)));
        return String.join(" · ", notes);
    }

    /** "4h", "3d", "90m": how a policy file writes them. */
    static String duration(java.time.Duration d) {
        if (d.toDays() > 0 && d.equals(java.time.Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(java.time.Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(java.time.Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    private static List<CommentLine> comments(PlanReview review, ZoneId zone) {
        List<CommentLine> lines = new ArrayList<>();
        review.submission().filter(s -> !s.comment().isBlank()).ifPresent(s -> lines.add(new CommentLine(
                s.submittedBy() + " (submitted)", LevelStep.time(s.submittedAt(), zone), s.comment())));
        for (Decision d : review.decisions()) {
            if (!d.comment().isBlank()) {
                String verb = d.verdict() == Verdict.APPROVE ? "approved" : "rejected";
                lines.add(new CommentLine(d.who() + " (" + verb + " level " + (d.level() + 1) + ")",
                        LevelStep.time(d.at(), zone), d.comment()));
            }
        }
        for (ReviewItem item : review.reviews()) {
            lines.add(new CommentLine(item.openedBy() + " (broke the glass)", LevelStep.time(item.openedAt(), zone), item.reason()));
            if (!item.open()) {
                lines.add(new CommentLine(item.closedBy() + " (closed the review)", LevelStep.time(item.closedAt(), zone),
                        item.closeComment()));
            }
        }
        return lines;
    }

    public long planId() {
        return review.plan().id();
    }

    /** Whether the plan waits for decisions at all (submitted, not decided, not expired). */
    public boolean pending() {
        return review.plan().state() == PlanState.SUBMITTED && review.status().map(s -> s.pendingLevel() >= 0).orElse(false);
    }
}
