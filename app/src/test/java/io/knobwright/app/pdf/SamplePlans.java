package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.approval.ApprovalChain;
import io.knobwright.model.approval.ApprovalProgress;
import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.RiskAssessment;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;
import io.knobwright.model.policy.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans as a change board meets them, built from the governance records directly. */
final class SamplePlans {

    static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long INSTANCE_ID = 7;
    static final ParameterCatalog PG16 = new CatalogRepository().require(Engine.POSTGRESQL, "16");
    static final Map<Long, ParameterCatalog> CATALOGS = Map.of(INSTANCE_ID, PG16);

    static final Role SENIOR_DBA = new Role("senior-dba");
    static final Role CHANGE_BOARD = new Role("change-board");
    static final ApprovalChain PRODUCTION_CHAIN = new ApprovalChain("production-restarts",
            List.of(new ApprovalLevel(SENIOR_DBA, 1), new ApprovalLevel(CHANGE_BOARD, 2)),
            Duration.ofHours(8), new Role("cab-chair"), Duration.ofDays(3));

    static final LockRule WAL_LEVEL_LOCK = new LockRule(LockScope.parse("tier:production"), new ParameterPattern("wal_level"),
            "logical decoding feeds the orders CDC pipeline");

    private SamplePlans() {
    }

    static List<PlannedChange> productionChanges() {
        return List.of(
                new PlannedChange("shared_buffers", "16384", "2097152", "8kB", ApplyMode.RESTART,
                        "postgresql-oltp v3: 25% of RAM", ""),
                new PlannedChange("work_mem", "4096", "65536", "kB", ApplyMode.NEW_SESSIONS,
                        "postgresql-oltp v3: RAM / max_connections / 4", "clamped to 64MB (template maximum)"),
                new PlannedChange("effective_cache_size", "524288", "6291456", "8kB", ApplyMode.ONLINE,
                        "postgresql-oltp v3: 75% of RAM", ""),
                new PlannedChange("max_connections", "100", "300", null, ApplyMode.RESTART,
                        "payments-overrides v2: connection pool of 12 app servers × 25", ""),
                new PlannedChange("wal_level", "replica", "logical", null, ApplyMode.RESTART,
                        "payments-overrides v2: CDC to the data lake needs logical decoding", "locked on production"),
                new PlannedChange("random_page_cost", "4", "1.1", null, ApplyMode.RELOAD,
                        "postgresql-oltp v3: NVMe storage", ""),
                new PlannedChange("log_min_duration_statement", "-1", "250", "ms", ApplyMode.RELOAD,
                        "postgresql-oltp v3: log statements slower than 250 ms", ""),
                new PlannedChange("jit", null, "off", null, ApplyMode.ONLINE,
                        "postgresql-oltp v3: JIT hurts short OLTP queries", "the server did not report its value"));
    }

    static ChangePlan plan(long id, String instance, PlanState state, String baseline, List<PlannedChange> changes,
                           String ticket) {
        return new ChangePlan(id, INSTANCE_ID, instance, "postgresql-oltp", 3, Instant.parse("2026-11-24T09:15:00Z"),
                "alice", state, baseline, changes, String.format("5f0c3a8e-9b1d-4c62-8a7e-%012d", id), ticket);
    }

    static RiskAssessment highRisk() {
        return new RiskAssessment(RiskLevel.HIGH, List.of(
                new RiskReason(RiskLevel.MEDIUM, "restart needed: 3 changes take effect only after a server restart"),
                new RiskReason(RiskLevel.HIGH, "wal_level is locked on tier:production (logical decoding feeds the orders"
                        + " CDC pipeline)"),
                new RiskReason(RiskLevel.MEDIUM, "production tier: one step more than the changes alone")));
    }

    /** Approved by a senior DBA, then by two of the change board, one of them standing in for a colleague. */
    static PlanReview approvedProductionPlan() {
        ChangePlan plan = plan(42, "pg-orders-1", PlanState.APPROVED, "live at 2026-11-24 09:14:58 UTC",
                productionChanges(), "CHG0012345");
        Instant submitted = Instant.parse("2026-11-24T10:00:00Z");
        Submission submission = new Submission(42, 1, "alice", submitted, PRODUCTION_CHAIN, highRisk(),
                "Window: Saturday 02:00-04:00 UTC, failover to pg-orders-2 first");
        List<Decision> decisions = List.of(
                new Decision("d1", 1, 0, "bob", null, Verdict.APPROVE, "Sizes match the new 64GB hosts.",
                        Instant.parse("2026-11-24T11:02:00Z")),
                new Decision("d2", 1, 1, "carol", "dave", Verdict.APPROVE, "OK for Saturday; dave is on leave.",
                        Instant.parse("2026-11-25T08:40:00Z")),
                new Decision("d3", 1, 1, "erin", null, Verdict.APPROVE, "", Instant.parse("2026-11-25T09:05:00Z")));
        ApprovalStatus status = ApprovalProgress.evaluate(PRODUCTION_CHAIN, submitted, decisions, NOW);
        return new PlanReview(plan, highRisk(), List.of(WAL_LEVEL_LOCK), Optional.of(submission), Optional.of(status),
                decisions, List.of(), trail(42, List.of(
                        new Event("alice", "plan.submitted", "Window: Saturday 02:00-04:00 UTC", submitted),
                        new Event("bob", "plan.approved", "Sizes match the new 64GB hosts.", decisions.get(0).at()),
                        new Event("carol", "plan.approved", "OK for Saturday; dave is on leave.", decisions.get(1).at()),
                        new Event("erin", "plan.approved", "", decisions.get(2).at()))));
    }

    /** Waiting for the change board, one approval in; escalated. */
    static PlanReview pendingPlan(long id, String instance, String ticket) {
        ChangePlan plan = plan(id, instance, PlanState.SUBMITTED, "snapshot of 2026-11-25 08:00:00 UTC",
                productionChanges().subList(0, 4), ticket);
        Instant submitted = Instant.parse("2026-11-25T06:00:00Z");
        Submission submission = new Submission(id, 2, "alice", submitted, PRODUCTION_CHAIN, highRisk(), "");
        List<Decision> decisions = List.of(new Decision("p" + id, 2, 0, "bob", null, Verdict.APPROVE, "fine",
                Instant.parse("2026-11-25T07:00:00Z")));
        ApprovalStatus status = ApprovalProgress.evaluate(PRODUCTION_CHAIN, submitted, decisions, NOW);
        return new PlanReview(plan, highRisk(), List.of(), Optional.of(submission), Optional.of(status), decisions, List.of(),
                trail(id, List.of(new Event("alice", "plan.submitted", "", submitted),
                        new Event("bob", "plan.approved", "fine", decisions.getFirst().at()))));
    }

    /** A draft made before anyone read the instance's settings: no from values, nothing to roll back to. */
    static PlanReview draftWithoutBaseline(long id, String instance) {
        List<PlannedChange> changes = productionChanges().stream()
                .map(c -> new PlannedChange(c.parameter(), null, c.to(), c.unit(), c.applyMode(), c.provenance(), c.note()))
                .toList();
        ChangePlan plan = plan(id, instance, PlanState.DRAFT, ChangePlan.NO_BASELINE, changes, "");
        return new PlanReview(plan, new RiskAssessment(RiskLevel.MEDIUM, List.of(new RiskReason(RiskLevel.MEDIUM,
                "restart needed: 3 changes take effect only after a server restart"))), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of());
    }

    /** Broken glass at night, its review still open. */
    static PlanReview bypassedPlan(long id) {
        ChangePlan plan = plan(id, "pg-payments-3", PlanState.BYPASSED, "live at 2026-11-26 02:10:00 UTC",
                productionChanges().subList(3, 4), "INC0099871");
        Instant at = Instant.parse("2026-11-26T02:12:00Z");
        ReviewItem item = new ReviewItem(9, id, "oscar", at, "Connection storm during the sale: pool exhausted, checkout"
                + " failing", null, null, null);
        RiskAssessment risk = new RiskAssessment(RiskLevel.HIGH, List.of(
                new RiskReason(RiskLevel.MEDIUM, "restart needed: max_connections takes effect only after a server restart"),
                new RiskReason(RiskLevel.HIGH, "production tier, criticality high: two steps more than the change alone")));
        return new PlanReview(plan, risk, List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(item),
                trail(id, List.of(new Event("oscar", "plan.bypassed", item.reason(), at))));
    }

    record Event(String actor, String action, String reason, Instant at) {
    }

    /** Sealed audit records as the store keeps them, each hash covering the one before. */
    static List<AuditRecord> trail(long planId, List<Event> events) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = "0".repeat(64);
        long seq = 100 + planId * 10;
        for (Event e : events) {
            AuditRecord r = AuditRecord.seal(seq++, e.at(), new AuditEntry(e.actor(), e.action(), "plan:" + planId, "", "",
                    e.reason()), previous);
            records.add(r);
            previous = r.hash();
        }
        return records;
    }
}
