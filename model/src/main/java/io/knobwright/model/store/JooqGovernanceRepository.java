package io.knobwright.model.store;

import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.approval.GovernanceJson;
import io.knobwright.model.approval.GovernanceRepository;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.jooq.tables.records.PlanDecisionRecord;
import io.knobwright.model.store.jooq.tables.records.PlanSubmissionRecord;
import io.knobwright.model.store.jooq.tables.records.ReviewItemRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static io.knobwright.model.store.jooq.Tables.APP_USER;
import static io.knobwright.model.store.jooq.Tables.DELEGATION;
import static io.knobwright.model.store.jooq.Tables.PLAN_DECISION;
import static io.knobwright.model.store.jooq.Tables.PLAN_ESCALATION;
import static io.knobwright.model.store.jooq.Tables.PLAN_SUBMISSION;
import static io.knobwright.model.store.jooq.Tables.POLICY_VERSION;
import static io.knobwright.model.store.jooq.Tables.REVIEW_ITEM;

/** Governance in H2: users, policy versions, submissions with their copied chain, decisions, delegations, reviews. */
final class JooqGovernanceRepository implements GovernanceRepository {

    private final DSLContext dsl;

    JooqGovernanceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<User> users() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.NAME).fetch(r -> user(r.getName(), r.getRoles()));
    }

    @Override
    public Optional<User> user(String name) {
        return dsl.selectFrom(APP_USER).where(APP_USER.NAME.eq(name)).fetchOptional(r -> user(r.getName(), r.getRoles()));
    }

    private static User user(String name, String roles) {
        TreeSet<Role> set = new TreeSet<>();
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::new).forEach(set::add);
        return new User(name, set);
    }

    @Override
    public void saveUser(User user, String by, Instant at) {
        String roles = String.join(",", user.roles().stream().map(Role::name).toList());
        int updated = dsl.update(APP_USER).set(APP_USER.ROLES, roles).where(APP_USER.NAME.eq(user.name())).execute();
        if (updated == 0) {
            dsl.insertInto(APP_USER).set(APP_USER.NAME, user.name()).set(APP_USER.ROLES, roles)
                    .set(APP_USER.ADDED_AT, StoreTimes.utc(at)).set(APP_USER.ADDED_BY, by).execute();
        }
    }

    /**
     * Parsed policies by their stored text: every submission and decision reads the policy, and parsing it each time
     * would cost more than the rest of the bookkeeping. Keyed by the text, not the version number, which two stores share.
     */
    private static final Map<String, Policy> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Policy> eldest) {
                    return size() > 16;
                }
            });

    @Override
    public PolicyVersion policy() {
        return dsl.selectFrom(POLICY_VERSION).orderBy(POLICY_VERSION.VERSION.desc()).limit(1)
                .fetchOptional(r -> new PolicyVersion(r.getVersion(), PARSED.computeIfAbsent(r.getDocument(), PolicyFile::readJson),
                        r.getChangedBy(), r.getChangedAt().toInstant(), r.getComment()))
                .orElse(PolicyVersion.BUILT_IN);
    }

    @Override
    public PolicyVersion savePolicy(Policy policy, String by, Instant at, String comment) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Integer newest = db.select(DSL.max(POLICY_VERSION.VERSION)).from(POLICY_VERSION).fetchOne(0, Integer.class);
            int version = newest == null ? 1 : newest + 1;
            db.insertInto(POLICY_VERSION).set(POLICY_VERSION.VERSION, version).set(POLICY_VERSION.DOCUMENT, PolicyFile.writeJson(policy))
                    .set(POLICY_VERSION.CHANGED_BY, by).set(POLICY_VERSION.CHANGED_AT, StoreTimes.utc(at))
                    .set(POLICY_VERSION.COMMENT, comment == null ? "" : comment).execute();
            return new PolicyVersion(version, policy, by, at.truncatedTo(ChronoUnit.MICROS), comment);
        });
    }

    @Override
    public void saveSubmission(Submission s) {
        dsl.insertInto(PLAN_SUBMISSION).set(PLAN_SUBMISSION.PLAN_ID, s.planId()).set(PLAN_SUBMISSION.ROUND, s.round())
                .set(PLAN_SUBMISSION.SUBMITTED_BY, s.submittedBy()).set(PLAN_SUBMISSION.SUBMITTED_AT, StoreTimes.utc(s.submittedAt()))
                .set(PLAN_SUBMISSION.CHAIN, GovernanceJson.chain(s.chain()))
                .set(PLAN_SUBMISSION.RISK_LEVEL, s.risk().level().name()).set(PLAN_SUBMISSION.RISK, GovernanceJson.risk(s.risk()))
                .set(PLAN_SUBMISSION.COMMENT, s.comment()).execute();
    }

    @Override
    public Optional<Submission> latestSubmission(long planId) {
        return dsl.selectFrom(PLAN_SUBMISSION).where(PLAN_SUBMISSION.PLAN_ID.eq(planId)).orderBy(PLAN_SUBMISSION.ROUND.desc())
                .limit(1).fetchOptional(JooqGovernanceRepository::submission);
    }

    @Override
    public Map<Long, Submission> latestSubmissions(Collection<Long> planIds) {
        Map<Long, Submission> latest = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(List.copyOf(planIds))) {
            dsl.selectFrom(PLAN_SUBMISSION).where(InLists.in(PLAN_SUBMISSION.PLAN_ID, chunk)).orderBy(PLAN_SUBMISSION.ROUND)
                    .forEach(r -> latest.put(r.getPlanId(), submission(r)));
        }
        return latest;
    }

    private static Submission submission(PlanSubmissionRecord r) {
        return new Submission(r.getPlanId(), r.getRound(), r.getSubmittedBy(), r.getSubmittedAt().toInstant(),
                GovernanceJson.chain(r.getChain()), GovernanceJson.risk(r.getRisk()), r.getComment());
    }

    @Override
    public void nextCheck(long planId, int round, Instant at) {
        dsl.update(PLAN_SUBMISSION).set(PLAN_SUBMISSION.NEXT_CHECK_AT, at == null ? null : StoreTimes.utc(at))
                .where(PLAN_SUBMISSION.PLAN_ID.eq(planId).and(PLAN_SUBMISSION.ROUND.eq(round))).execute();
    }

    @Override
    public List<Long> dueForCheck(Instant now) {
        return dsl.select(PLAN_SUBMISSION.PLAN_ID).from(PLAN_SUBMISSION)
                .where(PLAN_SUBMISSION.NEXT_CHECK_AT.le(StoreTimes.utc(now))).orderBy(PLAN_SUBMISSION.NEXT_CHECK_AT)
                .fetch(PLAN_SUBMISSION.PLAN_ID);
    }

    @Override
    public void saveDecision(long planId, Decision d) {
        dsl.insertInto(PLAN_DECISION).set(PLAN_DECISION.UID, d.uid()).set(PLAN_DECISION.PLAN_ID, planId)
                .set(PLAN_DECISION.ROUND, d.round()).set(PLAN_DECISION.LEVEL_INDEX, d.level()).set(PLAN_DECISION.ACTOR, d.actor())
                .set(PLAN_DECISION.ON_BEHALF_OF, d.onBehalfOf()).set(PLAN_DECISION.VERDICT, d.verdict().name())
                .set(PLAN_DECISION.COMMENT, d.comment()).set(PLAN_DECISION.DECIDED_AT, StoreTimes.utc(d.at())).execute();
    }

    @Override
    public boolean hasDecision(String uid) {
        return dsl.fetchExists(PLAN_DECISION, PLAN_DECISION.UID.eq(uid));
    }

    @Override
    public List<Decision> decisions(long planId, int round) {
        return dsl.selectFrom(PLAN_DECISION).where(PLAN_DECISION.PLAN_ID.eq(planId).and(PLAN_DECISION.ROUND.eq(round))
                        .and(PLAN_DECISION.HUB_REFUSAL.isNull()))
                .orderBy(PLAN_DECISION.DECIDED_AT, PLAN_DECISION.UID).fetch(JooqGovernanceRepository::decision);
    }

    @Override
    public Map<Long, List<Decision>> decisions(Map<Long, Integer> roundByPlan) {
        Map<Long, List<Decision>> byPlan = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(List.copyOf(roundByPlan.keySet()))) {
            dsl.selectFrom(PLAN_DECISION).where(InLists.in(PLAN_DECISION.PLAN_ID, chunk).and(PLAN_DECISION.HUB_REFUSAL.isNull()))
                    .orderBy(PLAN_DECISION.DECIDED_AT, PLAN_DECISION.UID)
                    .forEach(r -> {
                        if (r.getRound().equals(roundByPlan.get(r.getPlanId()))) {
                            byPlan.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>()).add(decision(r));
                        }
                    });
        }
        return byPlan;
    }

    private static Decision decision(PlanDecisionRecord r) {
        return new Decision(r.getUid(), r.getRound(), r.getLevelIndex(), r.getActor(), r.getOnBehalfOf(),
                Verdict.valueOf(r.getVerdict()), r.getComment(), r.getDecidedAt().toInstant());
    }

    @Override
    public boolean markEscalated(long planId, int round, int level, Instant at) {
        Condition key = PLAN_ESCALATION.PLAN_ID.eq(planId).and(PLAN_ESCALATION.ROUND.eq(round)).and(PLAN_ESCALATION.LEVEL_INDEX.eq(level));
        if (dsl.fetchExists(PLAN_ESCALATION, key)) {
            return false;
        }
        dsl.insertInto(PLAN_ESCALATION).set(PLAN_ESCALATION.PLAN_ID, planId).set(PLAN_ESCALATION.ROUND, round)
                .set(PLAN_ESCALATION.LEVEL_INDEX, level).set(PLAN_ESCALATION.SEEN_AT, StoreTimes.utc(at)).execute();
        return true;
    }

    @Override
    public Delegation saveDelegation(Delegation d) {
        var row = dsl.newRecord(DELEGATION);
        row.setFromUser(d.from());
        row.setToUser(d.to());
        row.setValidFrom(StoreTimes.utc(d.validFrom()));
        row.setValidUntil(StoreTimes.utc(d.validUntil()));
        row.setReason(d.reason());
        row.insert();
        return new Delegation(row.getId(), d.from(), d.to(), row.getValidFrom().toInstant(), row.getValidUntil().toInstant(), d.reason());
    }

    @Override
    public List<Delegation> delegations(Instant now) {
        return dsl.selectFrom(DELEGATION).where(DELEGATION.VALID_UNTIL.gt(StoreTimes.utc(now))).orderBy(DELEGATION.ID)
                .fetch(r -> new Delegation(r.getId(), r.getFromUser(), r.getToUser(), r.getValidFrom().toInstant(),
                        r.getValidUntil().toInstant(), r.getReason()));
    }

    @Override
    public ReviewItem openReview(ReviewItem item) {
        var row = dsl.newRecord(REVIEW_ITEM);
        row.setPlanId(item.planId());
        row.setOpenedBy(item.openedBy());
        row.setOpenedAt(StoreTimes.utc(item.openedAt()));
        row.setReason(item.reason());
        row.insert();
        return review(row);
    }

    @Override
    public ReviewItem closeReview(long id, String by, Instant at, String comment) {
        int closed = dsl.update(REVIEW_ITEM).set(REVIEW_ITEM.CLOSED_BY, by).set(REVIEW_ITEM.CLOSED_AT, StoreTimes.utc(at))
                .set(REVIEW_ITEM.CLOSE_COMMENT, comment).where(REVIEW_ITEM.ID.eq(id).and(REVIEW_ITEM.CLOSED_AT.isNull())).execute();
        if (closed != 1) {
            throw new StoreException("Review item " + id + " is not open (closed meanwhile, or no such item).");
        }
        return review(id).orElseThrow();
    }

    @Override
    public Optional<ReviewItem> review(long id) {
        return dsl.selectFrom(REVIEW_ITEM).where(REVIEW_ITEM.ID.eq(id)).fetchOptional(JooqGovernanceRepository::review);
    }

    @Override
    public List<ReviewItem> reviewsOf(long planId) {
        return dsl.selectFrom(REVIEW_ITEM).where(REVIEW_ITEM.PLAN_ID.eq(planId)).orderBy(REVIEW_ITEM.ID)
                .fetch(JooqGovernanceRepository::review);
    }

    @Override
    public List<ReviewItem> reviews(boolean openOnly) {
        return dsl.selectFrom(REVIEW_ITEM).where(openOnly ? REVIEW_ITEM.CLOSED_AT.isNull() : DSL.noCondition())
                .orderBy(REVIEW_ITEM.CLOSED_AT.isNull().desc(), REVIEW_ITEM.ID.desc()).fetch(JooqGovernanceRepository::review);
    }

    private static ReviewItem review(ReviewItemRecord r) {
        return new ReviewItem(r.getId(), r.getPlanId(), r.getOpenedBy(), r.getOpenedAt().toInstant(), r.getReason(),
                r.getClosedBy(), StoreTimes.instant(r.getClosedAt()), r.getCloseComment());
    }
}
