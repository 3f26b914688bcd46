package io.knobwright.app.ui.review;

import io.knobwright.model.approval.ApprovalChain;
import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.LevelProgress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One level of a plan's approval chain as the stepper shows it: what it needs, where it stands, and who
 * decided it when.
 *
 * @param requirement "1 × reviewer", "2 × change-board"
 * @param escalated   its escalation time passed while it waited: holders of the escalation role may decide it too
 * @param detail      "approved by bob 2026-12-06 10:32", "0 of 1 approvals · waiting since 10:02", "after level 1"
 */
public record LevelStep(int number, String requirement, LevelProgress.State state, boolean escalated, String detail) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public LevelStep {
        Objects.requireNonNull(state, "state");
    }

    static List<LevelStep> of(ApprovalChain chain, ApprovalStatus status, ZoneId zone) {
        List<LevelStep> steps = new ArrayList<>();
        for (int i = 0; i < status.levels().size(); i++) {
            LevelProgress level = status.levels().get(i);
            steps.add(new LevelStep(i + 1, level.level().quorum() + " × " + level.level().role(), level.state(), level.escalated(),
                    detail(i, level, chain, zone)));
        }
        return steps;
    }

    private static String detail(int index, LevelProgress level, ApprovalChain chain, ZoneId zone) {
        return switch (level.state()) {
            case WAITING -> "after level " + index;
            case APPROVED -> "approved by " + who(level.approvals(), zone);
            case REJECTED -> "rejected by " + level.rejection().who() + " " + time(level.rejection().at(), zone)
                    + (level.rejection().comment().isBlank() ? "" : ": " + level.rejection().comment());
            case EXPIRED -> "expired undecided" + (level.approvals().isEmpty() ? "" : " after " + who(level.approvals(), zone));
            case PENDING -> level.approvals().size() + " of " + level.level().quorum() + " approval"
                    + (level.level().quorum() == 1 ? "" : "s")
                    + (level.approvals().isEmpty() ? "" : " (" + who(level.approvals(), zone) + ")")
                    + (level.since() == null ? "" : " · waiting since " + time(level.since(), zone))
                    + (level.escalated() ? " · escalated: " + chain.escalateTo() + " may decide too" : "");
        };
    }

    private static String who(List<Decision> decisions, ZoneId zone) {
        return String.join(", ", decisions.stream().map(d -> d.who() + " " + time(d.at(), zone)).toList());
    }

    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }
}
