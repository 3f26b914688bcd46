package io.knobwright.app.cli;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.approval.LevelProgress;
import io.knobwright.model.policy.RiskReason;

import java.io.PrintWriter;
import java.util.Locale;

/** A plan's governance as the CLI prints it under the plan: ticket, risk and why, locks, the chain and its progress. */
final class PlanDecisionText {

    private PlanDecisionText() {
    }

    static void print(PrintWriter out, PlanReview r) {
        if (!r.plan().ticket().isEmpty()) {
            out.println("Ticket: " + r.plan().ticket());
        }
        out.println("Risk: " + r.risk().level().name().toLowerCase(Locale.ROOT)
                + (r.submission().isEmpty() ? " (if submitted now)" : ""));
        for (RiskReason reason : r.risk().reasons()) {
            out.println("  - " + reason.level().name().toLowerCase(Locale.ROOT) + ": " + reason.text());
        }
        r.locks().forEach(l -> out.println("Locked: " + l));
        r.submission().ifPresent(s -> out.println("Submitted by " + s.submittedBy() + " at " + s.submittedAt() + " (round "
                + s.round() + "), rule '" + s.chain().rule() + "': " + s.chain().text()
                + (s.chain().escalateAfter() == null ? "" : "; escalates to " + s.chain().escalateTo() + " after " + s.chain().escalateAfter())
                + (s.chain().expireAfter() == null ? "" : "; expires after " + s.chain().expireAfter())));
        r.status().ifPresent(status -> {
            out.println("Approval: " + status.text());
            for (int i = 0; i < status.levels().size(); i++) {
                LevelProgress p = status.levels().get(i);
                StringBuilder line = new StringBuilder("  level " + (i + 1) + " (" + p.level() + "): "
                        + p.state().name().toLowerCase(Locale.ROOT) + (p.escalated() ? ", escalated" : ""));
                p.approvals().forEach(d -> line.append("; approved by ").append(d.who()).append(" at ").append(d.at())
                        .append(d.comment().isEmpty() ? "" : " (\"" + d.comment() + "\")"));
                if (p.rejection() != null) {
                    line.append("; rejected by ").append(p.rejection().who()).append(" at ").append(p.rejection().at())
                            .append(" (\"").append(p.rejection().comment()).append("\")");
                }
                out.println(line);
            }
        });
        r.reviews().forEach(item -> out.println("Break-glass review " + item.id() + ": opened by " + item.openedBy() + " ("
                + item.reason() + ")" + (item.open() ? ", open" : ", closed by " + item.closedBy() + ": " + item.closeComment())));
        if (!r.lastAuditHash().isEmpty()) {
            out.println("Audit: " + r.history().size() + " record" + (r.history().size() == 1 ? "" : "s") + ", last "
                    + r.history().getLast().seq() + " hash " + r.lastAuditHash());
        }
    }
}
