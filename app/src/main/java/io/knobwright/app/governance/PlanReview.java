package io.knobwright.app.governance;

import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.RiskAssessment;

import java.util.List;
import java.util.Optional;

/**
 * Everything a reviewer, the CLI and the PDF show about one plan's governance: the plan, its risk and why, the
 * locks it touches, its latest submission with the copied chain, where the approval round stands, the decisions,
 * break-glass review items and the plan's audit history.
 *
 * @param risk    the submission's risk once submitted, else the risk the plan would have if submitted now
 * @param locks   the locks the plan touches under the policy in force now
 * @param status  empty for a plan never submitted
 * @param history the plan's audit records, oldest first; the last one's hash is what a change board writes down
 * @param simulation the newest what-if prediction attached to the plan (decision 0140), empty when none
 */
public record PlanReview(ChangePlan plan, RiskAssessment risk, List<LockRule> locks, Optional<Submission> submission,
                         Optional<ApprovalStatus> status, List<Decision> decisions, List<ReviewItem> reviews,
                         List<AuditRecord> history, Optional<io.knobwright.model.simulation.PlanSimulation> simulation) {

    /** Without an attached prediction. */
    public PlanReview(ChangePlan plan, RiskAssessment risk, List<LockRule> locks, Optional<Submission> submission,
                      Optional<ApprovalStatus> status, List<Decision> decisions, List<ReviewItem> reviews,
                      List<AuditRecord> history) {
        this(plan, risk, locks, submission, status, decisions, reviews, history, Optional.empty());
    }

    public PlanReview {
        java.util.Objects.requireNonNull(simulation, "simulation");
        locks = List.copyOf(locks);
        decisions = List.copyOf(decisions);
        reviews = List.copyOf(reviews);
        history = List.copyOf(history);
    }

    /** The hash of the newest audit record about this plan; empty when it has none. */
    public String lastAuditHash() {
        return history.isEmpty() ? "" : history.getLast().hash();
    }

    /** "level 1 of 2 (1 senior-dba): 0 of 1 approvals", "approved", "draft". */
    public String progressText() {
        return status.map(ApprovalStatus::text).orElse(plan.state().name().toLowerCase(java.util.Locale.ROOT));
    }
}
