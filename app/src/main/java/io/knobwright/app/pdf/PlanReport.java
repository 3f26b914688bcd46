package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.approval.ApprovalChain;
import io.knobwright.model.approval.ApprovalProgress;
import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.LevelProgress;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.knobwright.app.pdf.PdfTable.Look.BOLD;
import static io.knobwright.app.pdf.PdfTable.Look.MONO;
import static io.knobwright.app.pdf.PdfTable.Look.MUTED;
import static io.knobwright.app.pdf.PdfTable.Look.NORMAL;
import static io.knobwright.app.pdf.PdfTable.Look.WARNING;
import static io.knobwright.app.pdf.PdfTable.cell;

/**
 * One plan as a change board reads it on paper: what it is, what it changes, how risky it is and why, who approved
 * it, how to undo it, and the audit trail that proves the rest. Starts on a new page.
 */
final class PlanReport {

    static final String NOT_READ = "cannot be rolled back automatically: the previous value was not read";

    private final PageFlow flow;
    private final PlanReview review;
    private final ChangePlan plan;
    private final Optional<ParameterCatalog> catalog;
    private final ReportText text;
    private final String arrow;

    PlanReport(PageFlow flow, PlanReview review, Optional<ParameterCatalog> catalog, ReportText text) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.review = Objects.requireNonNull(review, "review");
        this.plan = review.plan();
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.text = Objects.requireNonNull(text, "text");
        this.arrow = flow.fonts().arrow();
    }

    /** What every page of this plan says at its foot, so a loose sheet still says which plan it belongs to. */
    static String footerLabel(ChangePlan plan) {
        return "Plan " + plan.id() + " · uid " + plan.uid() + (plan.ticket().isEmpty() ? "" : " · ticket " + plan.ticket())
                + " · " + plan.instanceName();
    }

    void write() {
        flow.newPage(footerLabel(plan));
        summary();
        changes();
        risk();
        predictedEffect();
        approval();
        rollback();
        provenance();
    }

    // ---- summary ----

    private void summary() {
        flow.muted("Knobwright · change plan for review");
        flow.title("Change plan " + plan.id() + ": " + plan.instanceName());
        if (plan.ticket().isEmpty()) {
            flow.muted("No change ticket: the plan carries no external change number.");
            flow.space(4);
        } else {
            flow.banner("Change ticket", plan.ticket(), 16f);
        }
        long restarts = plan.changes().stream().filter(PlannedChange::restartNeeded).count();
        PdfTable form = new PdfTable("summary:" + plan.id(), "").withoutHeader().withoutZebra()
                .labelColumn("", 28).column("", 72);
        form.row("Plan id", String.valueOf(plan.id()));
        form.row(cell("Plan uid", null), cell(plan.uid(), MONO));
        form.row(cell("Ticket", null), plan.ticket().isEmpty() ? cell("none", MUTED) : cell(plan.ticket(), BOLD));
        form.row("Instance", plan.instanceName());
        form.row("Template", plan.template() + " v" + plan.templateVersion());
        form.row(cell("Author", null), plan.author().isBlank() ? cell("unknown", MUTED) : cell(plan.author(), NORMAL));
        form.row("Created", text.time(plan.createdAt()));
        form.row(cell("State", null), cell(ReportText.state(plan.state()), BOLD));
        form.row("Approval progress", review.progressText());
        form.row(cell("Risk", null), cell(riskLine(), review.risk().level().compareTo(RiskLevel.HIGH) >= 0 ? WARNING : BOLD));
        form.row(cell("Baseline", null), plan.hasBaseline() ? cell(plan.baseline(), NORMAL)
                : cell("none: " + noBaseline(), WARNING));
        int total = plan.changes().size();
        form.row(cell("Restart needed", null), restarts == 0 ? cell("no", NORMAL) : cell("yes: " + restarts + " of " + total
                + (total == 1 ? " change needs" : " changes need") + " a server restart to take effect", WARNING));
        form.row("Number of changes", String.valueOf(plan.changes().size()));
        flow.table(form);
    }

    private String riskLine() {
        int reasons = review.risk().reasons().size();
        return ReportText.risk(review.risk().level()) + (reasons == 0 ? " (nothing in the plan raises its risk)"
                : " (" + ReportText.plural(reasons, "reason") + ", see Risk)");
    }

    private String noBaseline() {
        return "no settings were read from " + plan.instanceName() + " before planning, so every 'from' value is"
                + " unknown and no change can be rolled back automatically";
    }

    // ---- changes ----

    private void changes() {
        flow.heading("Changes");
        if (!plan.hasBaseline()) {
            flow.warning("No baseline: " + noBaseline() + ". Every value the template sets is listed.");
        }
        if (plan.changes().isEmpty()) {
            flow.paragraph("Nothing to change: the instance already matches the template.");
            return;
        }
        PdfTable table = new PdfTable("changes:" + plan.id(), "Changes on " + plan.instanceName() + " ("
                + plan.template() + " v" + plan.templateVersion() + ", " + ReportText.plural(plan.changes().size(), "change") + ")")
                .column("#", 3.6f, MUTED).column("Parameter", 21).column("From", 12).column("To", 12, BOLD)
                .column("Apply", 9.4f).column("Restart", 8.6f).column("Rationale / provenance", 19).column("Note", 14.4f);
        int n = 0;
        for (PlannedChange c : plan.changes()) {
            n++;
            String from = ReportText.shown(c, c.from(), catalog);
            table.row(cell(String.valueOf(n), null), cell(c.parameter(), null),
                    from == null ? cell("(unknown)", MUTED) : cell(from, null), cell(ReportText.shown(c, c.to(), catalog), null),
                    cell(c.applyMode().label(), null), cell(ReportText.yesNo(c.restartNeeded()), c.restartNeeded() ? BOLD : null),
                    cell(c.provenance(), null), cell(c.note(), null));
        }
        flow.table(table);
    }

    // ---- risk ----

    private void risk() {
        flow.heading("Risk");
        flow.keepTogether(80); // the level with the first of its reasons
        RiskLevel level = review.risk().level();
        String assessed = review.submission().map(s -> "as assessed when it was submitted at " + text.time(s.submittedAt()))
                .orElse("as assessed from the plan's content now: it has no submission on record");
        if (level.compareTo(RiskLevel.HIGH) >= 0) {
            flow.warning("Risk level: " + ReportText.risk(level));
        } else {
            flow.paragraph("Risk level: " + ReportText.risk(level));
        }
        flow.muted(assessed + ".");
        if (review.risk().reasons().isEmpty()) {
            flow.paragraph("Nothing in the plan raises its risk.");
        } else {
            PdfTable reasons = new PdfTable("risk:" + plan.id(), "Why the plan has this risk")
                    .column("Level", 13, BOLD).column("Reason", 87);
            for (RiskReason r : review.risk().reasons()) {
                reasons.row(cell(ReportText.risk(r.level()), r.level().compareTo(RiskLevel.HIGH) >= 0 ? WARNING : BOLD),
                        cell(r.text(), null));
            }
            flow.table(reasons);
        }
        if (review.locks().isEmpty()) {
            flow.paragraph("Locks touched: none. The plan changes no locked parameter.");
        } else {
            PdfTable locks = new PdfTable("locks:" + plan.id(), "Locks touched: the plan changes locked parameters")
                    .column("Parameter", 30, BOLD).column("Locked on", 22).column("Why it is locked", 48);
            for (LockRule lock : review.locks()) {
                locks.row(lock.parameter().text(), lock.scope().toString(), lock.reason());
            }
            flow.table(locks);
        }
    }

    // ---- predicted effect ----

    /** The what-if prediction attached to the plan (decision 0140): numbers, intervals, model and its accuracy. */
    private void predictedEffect() {
        flow.heading("Predicted effect");
        if (review.simulation().isEmpty()) {
            flow.paragraph("No prediction is attached: nobody simulated this plan in the what-if workbench.");
            return;
        }
        io.knobwright.model.simulation.PlanSimulation s = review.simulation().get();
        flow.keepTogether(80);
        flow.paragraph(io.knobwright.app.simulation.PlanSimulationText.throughput(s) + " "
                + io.knobwright.app.simulation.PlanSimulationText.latency(s));
        PdfTable table = new PdfTable("prediction:" + plan.id(), "Predicted by " + s.model() + " (mean and 80% interval)")
                .column("Scenario", 16, BOLD).column("Throughput (tps)", 24).column("p95 latency (ms)", 24)
                .column("Warnings", 36);
        for (io.knobwright.model.simulation.PlanSimulation.Scenario sc : s.scenarios()) {
            boolean warned = !sc.warnings().isEmpty();
            table.add(warned, List.of(cell(sc.name(), null), cell(range(sc.tps(), "%,.0f"), null),
                    cell(range(sc.p95Ms(), "%,.1f"), null),
                    warned ? cell(String.join("; ", sc.warnings()), WARNING) : cell("none", MUTED)));
        }
        flow.table(table);
        flow.paragraph(io.knobwright.app.simulation.PlanSimulationText.model(s) + ".");
        if (!s.planned().explanation().isBlank()) {
            flow.paragraph("Why (" + s.planned().name() + "): " + s.planned().explanation().replace("\n\n", " ")
                    .replace('\n', ' '));
        }
        flow.muted("Attached" + (s.attachedBy().isBlank() ? "" : " by " + s.attachedBy()) + " at " + text.time(s.attachedAt())
                + ". The truth falls inside an 80% interval four times in five if the model is as good as its held-out"
                + " accuracy says.");
    }

    private static String range(io.knobwright.model.simulation.PredictedRange r, String format) {
        return String.format(java.util.Locale.ROOT, format + " [" + format + " – " + format + "]", r.mean(), r.low(), r.high());
    }

    // ---- approval ----

    private void approval() {
        flow.heading("Approval");
        if (plan.state() == PlanState.BYPASSED) {
            flow.warning("Approved by bypass (break glass): an operator released this plan without the approvals its rule"
                    + " demands. The review of that decision is listed below.");
        }
        if (review.submission().isEmpty() && plan.state() == PlanState.DRAFT) {
            flow.paragraph("Not submitted for approval yet: the plan is a draft. Its risk and locks above are what a"
                    + " submission now would record.");
        } else if (review.submission().isEmpty()) {
            flow.paragraph("No approval round is on record for this plan (it is " + ReportText.state(plan.state()) + ").");
        } else {
            submission(review.submission().get());
        }
        if (!review.reviews().isEmpty()) {
            breakGlass();
        }
    }

    private void submission(Submission s) {
        ApprovalChain chain = s.chain();
        Optional<ApprovalStatus> status = review.status();
        PdfTable form = new PdfTable("submission:" + plan.id(), "").withoutHeader().withoutZebra()
                .labelColumn("", 28).column("", 72);
        form.row("Submitted by", s.submittedBy());
        form.row("Submitted at", text.time(s.submittedAt()) + " (round " + s.round() + ")");
        form.row("Approval rule", chain.rule());
        form.row("Approvals required", chain.levels().isEmpty() ? "none: the rule approves the plan as it is submitted"
                : chain.text());
        if (!s.comment().isBlank()) {
            form.row("Submission comment", s.comment());
        }
        form.row(cell("Progress", null), cell(review.progressText(), BOLD));
        form.row("Expiry", expiry(chain, status));
        form.row("Escalation", escalation(chain, status));
        flow.table(form);
        if (chain.levels().isEmpty()) {
            return;
        }
        PdfTable levels = new PdfTable("approvals:" + plan.id(), "Approval chain, level by level")
                .column("Level", 6.5f, BOLD).column("Needs", 17).column("Level status", 14).column("Decision", 26, BOLD)
                .column("When", 22.5f).column("Comment", 14);
        for (int i = 0; i < chain.levels().size(); i++) {
            int level = i;
            String needs = chain.levels().get(i).quorum() + " × " + chain.levels().get(i).role();
            String state = status.map(st -> levelState(st.levels().get(level), level)).orElse("");
            List<Decision> decided = review.decisions().stream().filter(d -> d.level() == level)
                    .sorted(Comparator.comparing(Decision::at)).toList();
            if (decided.isEmpty()) {
                levels.row(cell(String.valueOf(i + 1), null), cell(needs, null), cell(state, null),
                        cell("none yet", MUTED), cell("", null), cell("", null));
            }
            for (Decision d : decided) {
                boolean rejected = d.verdict() == Verdict.REJECT;
                levels.add(rejected, List.of(cell(String.valueOf(i + 1), null), cell(needs, null), cell(state, null),
                        cell((rejected ? "rejected by " : "approved by ") + d.who(), rejected ? WARNING : BOLD),
                        cell(text.time(d.at()), null), cell(d.comment(), null)));
            }
        }
        flow.table(levels);
    }

    private String levelState(LevelProgress p, int index) {
        return switch (p.state()) {
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired undecided";
            case WAITING -> "waiting for level " + index;
            case PENDING -> "pending: " + p.approvals().size() + " of " + p.level().quorum() + (p.escalated() ? ", escalated" : "");
        };
    }

    private String expiry(ApprovalChain chain, Optional<ApprovalStatus> status) {
        if (chain.expireAfter() == null) {
            return "never: the rule sets no expiry";
        }
        Instant at = status.map(ApprovalStatus::expiresAt).orElse(null);
        boolean expired = status.map(st -> st.outcome() == ApprovalStatus.Outcome.EXPIRED).orElse(false);
        boolean open = status.map(st -> st.outcome() == ApprovalStatus.Outcome.PENDING).orElse(false);
        String when = at == null ? "" : " at " + text.time(at);
        return expired ? "expired undecided" + when + " (" + ReportText.duration(chain.expireAfter()) + " after submission)"
                : open ? "expires undecided" + when + " (" + ReportText.duration(chain.expireAfter()) + " after submission)"
                : "a round undecided after " + ReportText.duration(chain.expireAfter()) + " expires; this one was decided";
    }

    private String escalation(ApprovalChain chain, Optional<ApprovalStatus> status) {
        if (chain.escalateAfter() == null) {
            return "none: the rule sets no escalation";
        }
        String rule = "a level pending longer than " + ReportText.duration(chain.escalateAfter()) + " may also be decided by "
                + chain.escalateTo();
        LevelProgress pending = status.map(ApprovalStatus::pending).orElse(null);
        if (pending == null) {
            return rule;
        }
        Instant at = ApprovalProgress.escalatesAt(chain, status.get());
        return rule + "; level " + (status.get().pendingLevel() + 1) + (pending.escalated() ? " escalated at " : " escalates at ")
                + text.time(at);
    }

    private void breakGlass() {
        PdfTable items = new PdfTable("reviews:" + plan.id(), "Break glass: post-hoc review")
                .column("Opened by", 13).column("Opened at", 23.5f).column("Reason", 32.5f).column("Review", 31);
        for (ReviewItem item : review.reviews()) {
            if (item.open()) {
                items.add(true, List.of(cell(item.openedBy(), null), cell(text.time(item.openedAt()), null),
                        cell(item.reason(), null), cell("open: a reviewer other than " + item.openedBy() + " must close it", WARNING)));
            } else {
                items.row(item.openedBy(), text.time(item.openedAt()), item.reason(), "closed by " + item.closedBy() + " at "
                        + text.time(item.closedAt()) + (item.closeComment().isBlank() ? "" : ": " + item.closeComment()));
            }
        }
        flow.table(items);
    }

    // ---- rollback ----

    private void rollback() {
        flow.heading("Rollback plan");
        if (plan.changes().isEmpty()) {
            flow.paragraph("Nothing to roll back: the plan changes nothing.");
            return;
        }
        long restarts = plan.changes().stream().filter(PlannedChange::restartNeeded).count();
        long unknown = plan.changes().stream().filter(c -> c.from() == null).count();
        int total = plan.changes().size();
        String restart = restarts == 0 ? "none of them needs a restart."
                : restarts + " of them " + (restarts == 1 ? "needs" : "need") + " a server restart to take effect.";
        if (unknown == total) {
            flow.warning("No change of this plan can be rolled back automatically: the previous values were not read.");
            flow.paragraph("Each change below needs its previous value found some other way (a backup of the"
                    + " configuration, another server of the same role) before it is applied; " + restart);
        } else {
            flow.paragraph("To undo this plan, set each parameter back to the value it had before: " + restart
                    + (unknown == 0 ? "" : " " + unknown + (unknown == 1 ? " change " : " changes ") + NOT_READ + "."));
        }
        PdfTable table = new PdfTable("rollback:" + plan.id(), "Reverse changes (planned value " + arrow + " value before)")
                .column("#", 3.6f, MUTED).column("Parameter", 24).column("Reverse change", 29, BOLD).column("Apply", 9.4f)
                .column("Restart", 8.6f).column("Remark", 25.4f);
        int n = 0;
        for (PlannedChange c : plan.changes()) {
            n++;
            String to = ReportText.shown(c, c.to(), catalog);
            if (c.from() == null) {
                table.add(true, List.of(cell(String.valueOf(n), null), cell(c.parameter(), null),
                        cell(to + " " + arrow + " ?", null), cell(c.applyMode().label(), null),
                        cell(ReportText.yesNo(c.restartNeeded()), null), cell(NOT_READ, WARNING)));
            } else {
                table.row(cell(String.valueOf(n), null), cell(c.parameter(), null),
                        cell(to + " " + arrow + " " + ReportText.shown(c, c.from(), catalog), null),
                        cell(c.applyMode().label(), null), cell(ReportText.yesNo(c.restartNeeded()), c.restartNeeded() ? BOLD : null),
                        cell(c.restartNeeded() ? "needs a server restart" : "", null));
            }
        }
        flow.table(table);
    }

    // ---- provenance ----

    private void provenance() {
        flow.heading("Provenance and audit trail");
        flow.paragraph("The values come from template " + plan.template() + " v" + plan.templateVersion()
                + "; each change's rationale is in the changes table. The audit trail below lists every recorded action on"
                + " this plan, oldest first; each record is sealed with a hash that covers the one before it.");
        if (review.history().isEmpty()) {
            flow.paragraph("No audit records about this plan.");
        } else {
            PdfTable trail = new PdfTable("audit:" + plan.id(), "Audit trail of plan " + plan.id()
                    + " (" + ReportText.plural(review.history().size(), "record") + ")")
                    .column("#", 6, MUTED).column("Time", 23.5f).column("Actor", 13).column("Action", 19, BOLD)
                    .column("Reason / comment", 38.5f);
            for (AuditRecord r : review.history()) {
                trail.row(String.valueOf(r.seq()), text.time(r.at()), r.actor(), r.action(), r.reason());
            }
            flow.table(trail);
        }
        String hash = review.lastAuditHash();
        flow.keepTogether(48); // the hash with the sentence that says what it is for
        flow.labelledCode("Audit hash of the last record:", hash.isEmpty() ? "none (no audit records)" : hash);
        flow.muted("Any change to an earlier record of the audit trail changes this hash: compare it with the store's"
                + " audit trail to check that this document shows the plan as it was recorded.");
    }
}
