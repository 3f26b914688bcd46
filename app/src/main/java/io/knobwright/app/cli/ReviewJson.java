package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.LevelProgress;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.policy.RiskReason;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON of a plan with its governance: the plan's own fields, then {@code governance}. */
record ReviewJson(@JsonUnwrapped TemplateJson.PlanJson plan, GovernanceView governance) {

    record RiskView(String level, List<String> reasons) {
    }

    record DecisionView(String uid, int level, String by, String onBehalfOf, String verdict, String comment, String at) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.uid(), d.level() + 1, d.actor(), d.onBehalfOf(), d.verdict().name().toLowerCase(Locale.ROOT),
                    d.comment(), d.at().toString());
        }
    }

    record LevelView(int level, String role, int quorum, String state, boolean escalated, List<DecisionView> approvals,
                     DecisionView rejection, String since, String decidedAt) {
        static LevelView of(int index, LevelProgress p) {
            return new LevelView(index + 1, p.level().role().name(), p.level().quorum(), p.state().name().toLowerCase(Locale.ROOT),
                    p.escalated(), p.approvals().stream().map(DecisionView::of).toList(),
                    p.rejection() == null ? null : DecisionView.of(p.rejection()), text(p.since()), text(p.decidedAt()));
        }
    }

    record ReviewItemView(long id, String openedBy, String openedAt, String reason, String closedBy, String closedAt,
                          String closeComment) {
        static ReviewItemView of(ReviewItem r) {
            return new ReviewItemView(r.id(), r.openedBy(), r.openedAt().toString(), r.reason(), r.closedBy(), text(r.closedAt()),
                    r.closeComment());
        }
    }

    record GovernanceView(String uid, String ticket, RiskView risk, List<String> locks, String rule, String chain,
                          Integer round, String submittedBy, String submittedAt, String expiresAt, String progress,
                          List<LevelView> levels, List<DecisionView> decisions, List<ReviewItemView> reviews,
                          String auditHead) {
    }

    static ReviewJson of(PlanReview r, Optional<ParameterCatalog> catalog) {
        var submission = r.submission();
        List<LevelProgress> progress = r.status().map(ApprovalStatus::levels).orElse(List.of());
        List<LevelView> levels = java.util.stream.IntStream.range(0, progress.size())
                .mapToObj(i -> LevelView.of(i, progress.get(i))).toList();
        GovernanceView g = new GovernanceView(r.plan().uid(), r.plan().ticket(),
                new RiskView(r.risk().level().name().toLowerCase(Locale.ROOT), r.risk().reasons().stream().map(RiskReason::text).toList()),
                r.locks().stream().map(Object::toString).toList(),
                submission.map(s -> s.chain().rule()).orElse(null), submission.map(s -> s.chain().text()).orElse(null),
                submission.map(s -> s.round()).orElse(null), submission.map(s -> s.submittedBy()).orElse(null),
                submission.map(s -> s.submittedAt().toString()).orElse(null),
                r.status().map(ApprovalStatus::expiresAt).map(Instant::toString).orElse(null), r.progressText(), levels,
                r.decisions().stream().map(DecisionView::of).toList(), r.reviews().stream().map(ReviewItemView::of).toList(),
                r.lastAuditHash());
        return new ReviewJson(TemplateJson.PlanJson.of(r.plan(), catalog), g);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
