package io.knobwright.app.hub;

import io.knobwright.app.governance.GovernanceService;
import io.knobwright.connectors.hub.HubDecision;
import io.knobwright.connectors.hub.HubPlan;
import io.knobwright.connectors.hub.HubPlanState;
import io.knobwright.connectors.hub.HubReview;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.GovernanceJson;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.store.Repositories;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Brings one plan of this store to where the hub has it: a plan submitted on another workbench is created here,
 * decisions taken elsewhere are recorded (each once, by its uid), and the state follows the hub, which is the
 * authority once a store is linked. Applying the same hub plan twice changes nothing the second time.
 */
final class HubReconciler {

    /** States the hub decides; a plan that went on (applied, rolled back) is left where it is. */
    private static final Set<PlanState> GOVERNED = EnumSet.of(PlanState.DRAFT, PlanState.SUBMITTED, PlanState.APPROVED,
            PlanState.REJECTED, PlanState.EXPIRED, PlanState.BYPASSED);

    private final GovernanceService governance;

    HubReconciler(GovernanceService governance) {
        this.governance = governance;
    }

    /** @return whether anything changed here */
    boolean reconcile(Repositories repos, HubPlan hub, Instant now) {
        boolean changed = false;
        Optional<ChangePlan> found = repos.plans().findByUid(hub.uid().toString());
        ChangePlan plan;
        if (found.isEmpty()) {
            PlanContent content = PlanContent.read(hub.contentJson());
            long instanceId = repos.instances().findByName(hub.instanceName()).map(i -> i.id()).orElse(0L);
            plan = repos.plans().save(content.toPlan(instanceId, PlanState.SUBMITTED).withTicket(hub.ticket() == null ? "" : hub.ticket()));
            repos.audit().append(new AuditEntry(hub.author(), "plan.received", "plan:" + plan.id(), "",
                    "{\"uid\":\"" + hub.uid() + "\",\"round\":" + hub.round() + "}", "submitted on another workbench, through the hub"), now);
            changed = true;
        } else {
            plan = found.get();
        }
        Submission submission = repos.governance().latestSubmission(plan.id()).orElse(null);
        if (submission == null || submission.round() < hub.round()) {
            PlanContent content = PlanContent.read(hub.contentJson());
            submission = new Submission(plan.id(), hub.round(), hub.author(), hub.roundSubmittedAt(),
                    GovernanceJson.chain(hub.chainJson()), content.riskAssessment(), "");
            repos.governance().saveSubmission(submission);
            changed = true;
        }
        for (HubDecision d : hub.countedDecisions()) {
            if (d.round() != submission.round() || repos.governance().hasDecision(d.decisionUid().toString())) {
                continue;
            }
            Decision decision = new Decision(d.decisionUid().toString(), d.round(), d.level() - 1, d.decidedBy(), d.onBehalfOf(),
                    d.verdict() == io.knobwright.connectors.hub.Verdict.APPROVE ? Verdict.APPROVE : Verdict.REJECT,
                    d.comment(), d.decidedAt());
            ChangePlan current = repos.plans().find(plan.id()).orElseThrow();
            governance.recordFromHub(repos, current.state() == PlanState.SUBMITTED ? current : current.withState(PlanState.SUBMITTED),
                    submission, decision);
            changed = true;
        }
        changed |= reviews(repos, plan, hub, now);
        PlanState wanted = state(hub.state());
        ChangePlan current = repos.plans().find(plan.id()).orElseThrow();
        if (GOVERNED.contains(current.state()) && current.state() != wanted) {
            repos.plans().updateState(plan.id(), wanted);
            repos.audit().append(new AuditEntry(hub.author(), "plan.state.from-hub", "plan:" + plan.id(), current.state().name(),
                    wanted.name(), "the hub has it " + hub.state().name().toLowerCase(java.util.Locale.ROOT)), now);
            changed = true;
        }
        return changed;
    }

    private static boolean reviews(Repositories repos, ChangePlan plan, HubPlan hub, Instant now) {
        boolean changed = false;
        var local = repos.governance().reviewsOf(plan.id());
        for (HubReview r : hub.reviews()) {
            Optional<ReviewItem> same = local.stream().filter(l -> l.openedBy().equals(r.bypassedBy())
                    && l.reason().equals(r.reason())).findFirst();
            if (same.isEmpty()) {
                ReviewItem opened = repos.governance().openReview(new ReviewItem(0, plan.id(), r.bypassedBy(), r.bypassedAt(),
                        r.reason(), null, null, null));
                same = Optional.of(opened);
                changed = true;
            }
            if (r.closedBy() != null && same.get().open()) {
                repos.governance().closeReview(same.get().id(), r.closedBy(), r.closedAt() == null ? now : r.closedAt(),
                        r.closingComment() == null ? "" : r.closingComment());
                changed = true;
            }
        }
        return changed;
    }

    static PlanState state(HubPlanState s) {
        return switch (s) {
            case SUBMITTED -> PlanState.SUBMITTED;
            case APPROVED -> PlanState.APPROVED;
            case REJECTED -> PlanState.REJECTED;
            case EXPIRED -> PlanState.EXPIRED;
            case BYPASSED -> PlanState.BYPASSED;
            case WITHDRAWN -> PlanState.DRAFT;
        };
    }
}
