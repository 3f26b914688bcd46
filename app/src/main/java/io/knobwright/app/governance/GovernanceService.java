package io.knobwright.app.governance;

import io.knobwright.model.approval.ApprovalChain;
import io.knobwright.model.approval.ApprovalProgress;
import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.DecisionRules;
import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.PlanFacts;
import io.knobwright.model.policy.PlanRiskAssessor;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.RiskAssessment;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.Repositories;
import io.knobwright.model.store.UnitOfWork;
import io.knobwright.model.UserError;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A plan's governed life: submit (risk computed, rule matched and copied in), decide level by level, break the
 * glass, close the review it opens, edit (back to draft), expire and escalate, and the check apply makes before
 * touching a server. Each change and its audit record are one unit of work; each refused attempt is audited too.
 */
public final class GovernanceService {

    private final UnitOfWork store;
    private final Clock clock;
    private final AuditedWork work;
    private final PlanRiskAssessor risk = new PlanRiskAssessor();
    private final GovernanceEvents events;

    public GovernanceService(UnitOfWork store, Clock clock, GovernanceEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.work = new AuditedWork(store, clock);
        this.events = Objects.requireNonNull(events, "events");
    }

    // ---- submitting ----

    /** Submits a draft: its risk is computed, the first matching rule is copied in, and the round starts. */
    public PlanReview submit(String actorName, long planId, String ticket, String comment) {
        String subject = subject(planId);
        return work.run(actorName, "plan.submit", subject, repos -> {
            User actor = Actors.resolve(repos, actorName);
            ChangePlan plan = plan(repos, planId);
            if (plan.state() != PlanState.DRAFT) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "Plan " + planId + " is "
                        + state(plan) + "; only a draft can be submitted (edit it to make a draft again).");
            }
            if (!actor.name().equals(plan.author()) && !actor.has(Role.ADMIN)) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, actor.name() + " may not submit "
                        + plan.author() + "'s plan; its author or an admin submits it.");
            }
            if (ticket != null && !ticket.isBlank()) {
                checkTicket(ticket);
                repos.plans().updateTicket(planId, ticket.strip());
                plan = plan.withTicket(ticket.strip());
            }
            Instant now = clock.instant();
            Instance instance = instanceOf(repos, plan);
            Policy policy = repos.governance().policy().policy();
            List<LockRule> locks = policy.locksTouchedBy(plan, instance);
            Optional<io.knobwright.model.simulation.PlanSimulation> simulation = repos.planSimulations().latest(planId);
            RiskAssessment assessed = risk.assess(plan, instance, locks, predicted(simulation));
            ApprovalRule rule = policy.ruleFor(new PlanFacts(plan, instance, locks, assessed));
            int round = repos.governance().latestSubmission(planId).map(s -> s.round() + 1).orElse(1);
            Submission submission = new Submission(planId, round, actor.name(), now, ApprovalChain.of(rule), assessed, comment);
            repos.governance().saveSubmission(submission);
            repos.governance().nextCheck(planId, round, nextCheckAt(submission.chain(),
                    ApprovalProgress.evaluate(submission.chain(), now, List.of(), now)));
            PlanState next = rule.levels().isEmpty() ? PlanState.APPROVED : PlanState.SUBMITTED;
            repos.plans().updateState(planId, next);
            repos.audit().append(new AuditEntry(actor.name(), "plan.submitted", subject, "draft",
                    json(Map.of("state", next.name(), "round", round, "rule", rule.name(), "chain", submission.chain().text(),
                            "risk", assessed.summary(), "ticket", plan.ticket(), "uid", plan.uid())), comment), now);
            events.happened(repos, GovernanceEvents.Type.REQUEST, plan.withState(next), actor.name(),
                    actor.name() + " asks for approval of plan " + planId + " for " + plan.instanceName() + " (" + rule.chainText() + ")",
                    Map.of("risk", assessed.level().name(), "rule", rule.name(), "round", Integer.toString(round)));
            // Built from what is known here rather than read back: a submission is on the path a bench holds to 10 ms.
            return new PlanReview(plan.withState(next), assessed, locks, Optional.of(submission),
                    Optional.of(ApprovalProgress.evaluate(submission.chain(), now, List.of(), now)), List.of(),
                    repos.governance().reviewsOf(planId), repos.audit().about(subject), simulation);
        });
    }

    private static void checkTicket(String ticket) {
        if (!ticket.strip().matches("[A-Za-z0-9][A-Za-z0-9_./:#-]{0,99}")) {
            throw UserError.input("Ticket '" + io.knobwright.model.text.ShownText.excerpt(ticket, 40) + "' is not a ticket"
                    + " reference: letters, digits and _ . / : # -, at most 100 characters (e.g. CHG0012345)");
        }
    }

    // ---- deciding ----

    public PlanReview approve(String actorName, long planId, String comment) {
        return decide(actorName, planId, Verdict.APPROVE, comment);
    }

    /** A rejection needs a comment: the author must learn why. */
    public PlanReview reject(String actorName, long planId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.REASON_REQUIRED, "A rejection needs a comment saying why"
                    + " (--comment TEXT), so the author knows what to change.");
        }
        return decide(actorName, planId, Verdict.REJECT, comment);
    }

    private PlanReview decide(String actorName, long planId, Verdict verdict, String comment) {
        store.inTransaction(repos -> check(repos, planId, clock.instant()));
        String subject = subject(planId);
        String action = verdict == Verdict.APPROVE ? "plan.approve" : "plan.reject";
        return work.run(actorName, action, subject, repos -> {
            User actor = Actors.resolve(repos, actorName);
            ChangePlan plan = plan(repos, planId);
            Submission submission = pendingSubmission(repos, plan);
            Instant now = clock.instant();
            List<Decision> decisions = repos.governance().decisions(planId, submission.round());
            ApprovalStatus before = ApprovalProgress.evaluate(submission.chain(), submission.submittedAt(), decisions, now);
            Map<String, User> users = repos.governance().users().stream().collect(Collectors.toMap(User::name, Function.identity()));
            Optional<String> principal = DecisionRules.principalFor(actor, plan.author(), submission.chain(), before, decisions,
                    users, repos.governance().delegations(now), now);
            Decision decision = new Decision(UUID.randomUUID().toString(), submission.round(), before.pendingLevel(),
                    actor.name(), principal.orElse(null), verdict, comment, now);
            return record(repos, plan, submission, decision, before);
        });
    }

    /**
     * Records a decision already checked (here, or by the shared hub) and moves the plan when its round is decided.
     * Used by the hub sync for decisions taken on other workbenches; a decision stored before is not doubled.
     */
    PlanReview record(Repositories repos, ChangePlan plan, Submission submission, Decision decision, ApprovalStatus before) {
        return record(repos, plan, submission, decision, before, events);
    }

    /**
     * Records a decision taken elsewhere (on another workbench, through the hub, which checked it): audited here
     * like one taken here, but nobody is notified again and nothing is queued back to the hub.
     */
    public PlanReview recordFromHub(Repositories repos, ChangePlan plan, Submission submission, Decision decision) {
        List<Decision> decisions = repos.governance().decisions(plan.id(), submission.round());
        ApprovalStatus before = ApprovalProgress.evaluate(submission.chain(), submission.submittedAt(), decisions, decision.at());
        return record(repos, plan, submission, decision, before, GovernanceEvents.NONE);
    }

    private PlanReview record(Repositories repos, ChangePlan plan, Submission submission, Decision decision, ApprovalStatus before,
                              GovernanceEvents tell) {
        if (repos.governance().hasDecision(decision.uid())) {
            return review(repos, plan.id());
        }
        repos.governance().saveDecision(plan.id(), decision);
        List<Decision> decisions = repos.governance().decisions(plan.id(), submission.round());
        ApprovalStatus after = ApprovalProgress.evaluate(submission.chain(), submission.submittedAt(), decisions, decision.at());
        PlanState next = switch (after.outcome()) {
            case APPROVED -> PlanState.APPROVED;
            case REJECTED -> PlanState.REJECTED;
            case EXPIRED -> PlanState.EXPIRED;
            case PENDING -> PlanState.SUBMITTED;
        };
        if (next != plan.state()) {
            repos.plans().updateState(plan.id(), next);
        }
        repos.governance().nextCheck(plan.id(), submission.round(), nextCheckAt(submission.chain(), after));
        String verb = decision.verdict() == Verdict.APPROVE ? "approved" : "rejected";
        repos.audit().append(new AuditEntry(decision.actor(), "plan." + verb, subject(plan.id()), before.text(),
                json(Map.of("level", decision.level() + 1, "by", decision.who(), "state", next.name(), "progress", after.text(),
                        "decision", decision.uid())), decision.comment()), decision.at());
        tell.happened(repos, GovernanceEvents.Type.DECISION, plan.withState(next), decision.actor(),
                decision.who() + " " + verb + " level " + (decision.level() + 1) + " of plan " + plan.id() + " for "
                        + plan.instanceName() + "; the plan is now " + after.text(),
                decisionDetails(decision, next));
        return review(repos, plan.id());
    }

    private static Map<String, String> decisionDetails(Decision decision, PlanState next) {
        Map<String, String> details = new java.util.HashMap<>(Map.of("verdict", decision.verdict().name(),
                "level", Integer.toString(decision.level() + 1), "state", next.name(), "comment", decision.comment(),
                "decision", decision.uid()));
        if (decision.onBehalfOf() != null) {
            details.put("onBehalfOf", decision.onBehalfOf());
        }
        return details;
    }

    private static Submission pendingSubmission(Repositories repos, ChangePlan plan) {
        if (plan.state() != PlanState.SUBMITTED) {
            throw new GovernanceRefusal(plan.state() == PlanState.EXPIRED ? GovernanceRefusal.Reason.EXPIRED
                    : GovernanceRefusal.Reason.NOT_PENDING, "Plan " + plan.id() + " is " + state(plan)
                    + " and waits for no decision" + (plan.state() == PlanState.DRAFT ? "; its author submits it first with"
                    + " `knobwright plan submit " + plan.id() + "`." : "."));
        }
        return repos.governance().latestSubmission(plan.id()).orElseThrow(() -> new IllegalStateException(
                "Plan " + plan.id() + " is submitted but has no submission record"));
    }

    // ---- break glass ----

    /**
     * An operator marks a plan approved-by-bypass in an emergency. The reason is mandatory, and a review item stays
     * open until a reviewer other than the operator closes it.
     */
    public PlanReview bypass(String actorName, long planId, String reason) {
        String subject = subject(planId);
        return work.run(actorName, "plan.bypass", subject, repos -> {
            User actor = Actors.require(repos, actorName, Role.OPERATOR, "break the glass on a plan");
            if (reason == null || reason.strip().length() < 10) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.REASON_REQUIRED, "Breaking the glass needs a reason of"
                        + " at least 10 characters (--reason TEXT): the incident, and why approval cannot wait.");
            }
            ChangePlan plan = plan(repos, planId);
            if (plan.state() != PlanState.DRAFT && plan.state() != PlanState.SUBMITTED && plan.state() != PlanState.EXPIRED) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "Plan " + planId + " is " + state(plan)
                        + "; only a draft, submitted or expired plan can be bypassed.");
            }
            Instant now = clock.instant();
            repos.plans().updateState(planId, PlanState.BYPASSED);
            ReviewItem item = repos.governance().openReview(new ReviewItem(0, planId, actor.name(), now, reason, null, null, null));
            repos.audit().append(new AuditEntry(actor.name(), "plan.bypassed", subject, plan.state().name(),
                    json(Map.of("state", PlanState.BYPASSED.name(), "review", item.id())), reason), now);
            events.happened(repos, GovernanceEvents.Type.BYPASS, plan.withState(PlanState.BYPASSED), actor.name(),
                    actor.name() + " broke the glass on plan " + planId + " for " + plan.instanceName() + ": " + reason,
                    Map.of("reason", reason, "review", Long.toString(item.id())));
            return review(repos, planId);
        });
    }

    /** A reviewer (not the operator who broke the glass) closes the post-hoc review of a bypass. */
    public ReviewItem closeReview(String actorName, long reviewId, String comment) {
        String subject = "review:" + reviewId;
        return work.run(actorName, "review.close", subject, repos -> {
            User actor = Actors.require(repos, actorName, Role.REVIEWER, "close a break-glass review");
            ReviewItem item = repos.governance().review(reviewId).orElseThrow(() -> UserError.input("No review item "
                    + reviewId + ". List open ones with `knobwright plan list --reviews`."));
            if (!item.open()) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "Review item " + reviewId + " was closed by "
                        + item.closedBy() + " at " + item.closedAt() + ".");
            }
            if (item.openedBy().equals(actor.name())) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.SELF_APPROVAL, actor.name() + " broke the glass on plan "
                        + item.planId() + " and may not close its review: another reviewer does.");
            }
            if (comment == null || comment.isBlank()) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.REASON_REQUIRED, "Closing a review needs a comment"
                        + " (--comment TEXT): what was found.");
            }
            Instant now = clock.instant();
            ReviewItem closed = repos.governance().closeReview(reviewId, actor.name(), now, comment);
            repos.audit().append(new AuditEntry(actor.name(), "review.closed", subject, "open",
                    json(Map.of("plan", item.planId(), "closedBy", actor.name())), comment), now);
            repos.plans().find(item.planId()).ifPresent(plan -> events.happened(repos, GovernanceEvents.Type.REVIEW_CLOSED, plan,
                    actor.name(), actor.name() + " closed the break-glass review of plan " + plan.id(), Map.of("comment", comment)));
            return closed;
        });
    }

    // ---- editing ----

    /** Replaces a plan's changes; a submitted or decided plan goes back to draft and needs a new round. */
    public PlanReview edit(String actorName, long planId, List<PlannedChange> changes, String reason) {
        String subject = subject(planId);
        return work.run(actorName, "plan.edit", subject, repos -> {
            User actor = Actors.resolve(repos, actorName);
            ChangePlan plan = plan(repos, planId);
            if (!actor.name().equals(plan.author()) && !actor.has(Role.ADMIN)) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, actor.name() + " may not edit "
                        + plan.author() + "'s plan; its author or an admin edits it.");
            }
            if (plan.state() == PlanState.APPLIED || plan.state() == PlanState.ROLLED_BACK || plan.state() == PlanState.BYPASSED) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "Plan " + planId + " is " + state(plan)
                        + " and can no longer be edited; create a new plan.");
            }
            Instant now = clock.instant();
            repos.plans().replaceChanges(planId, changes);
            repos.plans().updateState(planId, PlanState.DRAFT);
            if (plan.state() == PlanState.SUBMITTED) {
                events.happened(repos, GovernanceEvents.Type.WITHDRAWN, plan.withState(PlanState.DRAFT), actor.name(),
                        actor.name() + " edited plan " + planId + "; it needs a new round of approval",
                        Map.of("reason", reason == null || reason.isBlank() ? "edited" : reason));
            }
            repos.audit().append(new AuditEntry(actor.name(), "plan.edited", subject,
                    json(Map.of("state", plan.state().name(), "changes", changeText(plan.changes()))),
                    json(Map.of("state", PlanState.DRAFT.name(), "changes", changeText(changes))), reason), now);
            return review(repos, planId);
        });
    }

    private static String changeText(List<PlannedChange> changes) {
        return String.join(", ", changes.stream().map(c -> c.parameter() + "=" + c.to()).toList());
    }

    // ---- time: expiry and escalation ----

    /**
     * Marks submitted plans whose request expired, and records levels that escalated, each once and audited.
     * Cheap when nothing is due; the CLI runs it before it shows or decides, the workbench every few seconds.
     *
     * @return how many plans expired or escalated now
     */
    public int sweep() {
        return store.transactionResult(repos -> {
            Instant now = clock.instant();
            int changed = 0;
            for (long planId : repos.governance().dueForCheck(now)) {
                changed += check(repos, planId, now);
            }
            return changed;
        });
    }

    /** Expires or escalates one plan when its time has come, audited once; then sets when to look again. */
    private int check(Repositories repos, long planId, Instant now) {
        Optional<ChangePlan> found = repos.plans().find(planId);
        Optional<Submission> latest = repos.governance().latestSubmission(planId);
        if (found.isEmpty() || latest.isEmpty()) {
            return 0;
        }
        ChangePlan plan = found.get();
        Submission s = latest.get();
        if (plan.state() != PlanState.SUBMITTED) {
            repos.governance().nextCheck(planId, s.round(), null);
            return 0;
        }
        ApprovalStatus status = ApprovalProgress.evaluate(s.chain(), s.submittedAt(), repos.governance().decisions(planId, s.round()), now);
        if (status.outcome() == ApprovalStatus.Outcome.EXPIRED) {
            repos.plans().updateState(plan.id(), PlanState.EXPIRED);
            repos.governance().nextCheck(planId, s.round(), null);
            repos.audit().append(new AuditEntry("knobwright", "plan.expired", subject(plan.id()), "SUBMITTED",
                    json(Map.of("state", "EXPIRED", "expiredAt", status.expiresAt().toString())),
                    "no decision within " + s.chain().expireAfter()), now);
            events.happened(repos, GovernanceEvents.Type.EXPIRY, plan.withState(PlanState.EXPIRED), "knobwright",
                    "Plan " + plan.id() + " for " + plan.instanceName() + " expired undecided at " + status.expiresAt(),
                    Map.of("expiredAt", status.expiresAt().toString()));
            return 1;
        }
        int changed = 0;
        if (status.pending() != null && status.pending().escalated()
                && repos.governance().markEscalated(plan.id(), s.round(), status.pendingLevel(), now)) {
            repos.audit().append(new AuditEntry("knobwright", "plan.escalated", subject(plan.id()), status.pending().level().toString(),
                    json(Map.of("level", status.pendingLevel() + 1, "alsoDecidedBy", s.chain().escalateTo().name())),
                    "level " + (status.pendingLevel() + 1) + " waited longer than " + s.chain().escalateAfter()), now);
            changed = 1;
        }
        repos.governance().nextCheck(planId, s.round(), nextCheckAt(s.chain(), status));
        return changed;
    }

    /** The round's expiry, or its pending level's escalation when that is still to come; null when neither. */
    private static Instant nextCheckAt(ApprovalChain chain, ApprovalStatus status) {
        if (status.outcome() != ApprovalStatus.Outcome.PENDING) {
            return null;
        }
        Instant escalates = status.pending().escalated() ? null : ApprovalProgress.escalatesAt(chain, status);
        Instant expires = status.expiresAt();
        if (escalates == null) {
            return expires;
        }
        return expires == null || escalates.isBefore(expires) ? escalates : expires;
    }

    // ---- apply's gate ----

    /**
     * The check apply makes before touching a server: the plan must be approved (or bypassed). A refused attempt is
     * audited, and named as a locked-parameter violation when the plan touches a locked parameter.
     */
    public ChangePlan requireReadyToApply(String actorName, long planId) {
        String subject = subject(planId);
        return work.run(actorName, "plan.apply", subject, repos -> {
            Actors.resolve(repos, actorName);
            ChangePlan plan = plan(repos, planId);
            if (plan.state().readyToApply()) {
                return plan;
            }
            List<LockRule> locks = repos.governance().policy().policy().locksTouchedBy(plan, instanceOf(repos, plan));
            if (!locks.isEmpty()) {
                throw new GovernanceRefusal(GovernanceRefusal.Reason.LOCKED_WITHOUT_APPROVAL, "Plan " + planId + " touches locked "
                        + String.join(", ", locks.stream().map(l -> l.parameter().text()).toList()) + " and is " + state(plan)
                        + ": it cannot be applied without the approvals its rule demands. Submit it with `knobwright plan submit "
                        + planId + "`.");
            }
            throw new GovernanceRefusal(GovernanceRefusal.Reason.NOT_PENDING, "Plan " + planId + " is " + state(plan)
                    + ": only an approved plan (or one an operator bypassed) can be applied.");
        });
    }

    // ---- reading ----

    public PlanReview review(long planId) {
        return store.transactionResult(repos -> review(repos, planId));
    }

    PlanReview review(Repositories repos, long planId) {
        ChangePlan plan = plan(repos, planId);
        Instance instance = instanceOf(repos, plan);
        Policy policy = repos.governance().policy().policy();
        List<LockRule> locks = policy.locksTouchedBy(plan, instance);
        Optional<Submission> submission = repos.governance().latestSubmission(planId);
        boolean current = submission.isPresent() && plan.state() != PlanState.DRAFT;
        Optional<io.knobwright.model.simulation.PlanSimulation> simulation = repos.planSimulations().latest(planId);
        RiskAssessment assessed = current ? submission.get().risk() : risk.assess(plan, instance, locks, predicted(simulation));
        List<Decision> decisions = submission.map(s -> repos.governance().decisions(planId, s.round())).orElse(List.of());
        Optional<ApprovalStatus> status = current ? Optional.of(ApprovalProgress.evaluate(submission.get().chain(),
                submission.get().submittedAt(), decisions, clock.instant())) : Optional.empty();
        List<ReviewItem> reviews = repos.governance().reviewsOf(planId);
        return new PlanReview(plan, assessed, locks, current ? submission : Optional.empty(), status,
                current ? decisions : List.of(), reviews, repos.audit().about(subject(planId)), simulation);
    }

    /**
     * What an attached prediction adds to the risk (decision 0140). A submitted plan keeps the risk recorded when it was
     * submitted; a prediction attached later shows beside it (review panel, PDF) and counts at the next submission.
     */
    private static List<io.knobwright.model.policy.RiskReason> predicted(
            Optional<io.knobwright.model.simulation.PlanSimulation> simulation) {
        return simulation.map(io.knobwright.model.simulation.PredictedRisk::reasons).orElse(List.of());
    }

    /** The newest submission of each plan that has one (for lists: one query, not one per plan). */
    public Map<Long, Submission> submissions(List<ChangePlan> plans) {
        return store.governance().latestSubmissions(plans.stream().map(ChangePlan::id).toList());
    }

    /** Submitted plans the user could decide now (their own excluded, decided ones excluded), oldest first. */
    public List<PlanReview> awaiting(String actorName) {
        return store.transactionResult(repos -> {
            User actor = Actors.resolve(repos, actorName);
            Instant now = clock.instant();
            Map<String, User> users = repos.governance().users().stream().collect(Collectors.toMap(User::name, Function.identity()));
            var delegations = repos.governance().delegations(now);
            List<ChangePlan> submitted = repos.plans().findByState(PlanState.SUBMITTED).reversed();
            Map<Long, Submission> submissions = repos.governance().latestSubmissions(submitted.stream().map(ChangePlan::id).toList());
            Map<Long, Integer> rounds = new java.util.HashMap<>();
            submissions.forEach((id, s) -> rounds.put(id, s.round()));
            Map<Long, List<Decision>> decisions = repos.governance().decisions(rounds);
            List<PlanReview> mine = new ArrayList<>();
            for (ChangePlan plan : submitted) {
                Submission s = submissions.get(plan.id());
                if (s == null) {
                    continue;
                }
                List<Decision> made = decisions.getOrDefault(plan.id(), List.of());
                ApprovalStatus status = ApprovalProgress.evaluate(s.chain(), s.submittedAt(), made, now);
                if (DecisionRules.canDecide(actor, plan.author(), s.chain(), status, made, users, delegations, now)) {
                    mine.add(review(repos, plan.id()));
                }
            }
            return mine;
        });
    }

    /** Break-glass review items still open, newest first: what reviewers have left to close. */
    public List<ReviewItem> openReviews() {
        return store.transactionResult(repos -> repos.governance().reviews(true));
    }

    // ---- helpers ----

    /**
     * Runs governed work as one unit; when governance refuses, the refusal is recorded in the audit trail (in a unit
     * of its own, since the work's was rolled back) and then reported.
     */

    static String subject(long planId) {
        return "plan:" + planId;
    }

    private static ChangePlan plan(Repositories repos, long planId) {
        return repos.plans().find(planId).orElseThrow(() -> UserError.input("No plan " + planId
                + ". List them with: knobwright plan list"));
    }

    private static Instance instanceOf(Repositories repos, ChangePlan plan) {
        return repos.instances().findById(plan.instanceId())
                .filter(i -> i.name().equals(plan.instanceName()))
                .or(() -> repos.instances().findByName(plan.instanceName()))
                .orElse(null);
    }

    private static String state(ChangePlan plan) {
        return plan.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A small JSON object for an audit record's before/after, keys in the given order. */
    static String json(Map<String, ?> fields) {
        Map<String, Object> ordered = new LinkedHashMap<>(new java.util.TreeMap<>(fields));
        try {
            return JSON.writeValueAsString(ordered);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

}
