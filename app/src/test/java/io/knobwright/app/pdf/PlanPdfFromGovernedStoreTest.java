package io.knobwright.app.pdf;

import io.knobwright.app.governance.GovernanceEvents;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.governance.PolicyService;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan submitted and approved through the real governance services and store, then exported. */
class PlanPdfFromGovernedStoreTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("pdf-" + UUID.randomUUID(), false);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final GovernanceService governance = new GovernanceService(store, clock, GovernanceEvents.NONE);
    private final PolicyService policy = new PolicyService(store, clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anApprovedPlanFromTheStoreShowsItsTicketDecisionAndTheHashOfItsLastAuditRecord() {
        policy.addUser("alice", "alice", Set.of(Role.DBA));
        policy.addUser("alice", "bob", Set.of(Role.REVIEWER));
        Instance instance = store.instances().save(new Instance(0, "pg-orders-1", Engine.POSTGRESQL, "16", "16.4", null,
                Map.of("team", "orders"), null, null, null, null, false));
        ChangePlan plan = store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "postgresql-oltp", 1,
                clock.instant(), "alice", PlanState.DRAFT, "snapshot of 2026-11-25 08:00:00 UTC",
                SamplePlans.productionChanges()));
        governance.submit("alice", plan.id(), "CHG0042", "for Saturday's window");
        governance.approve("bob", plan.id(), "looks right");
        PlanReview review = governance.review(plan.id());
        assertThat(review.plan().state()).isEqualTo(PlanState.APPROVED);

        Map<Long, ParameterCatalog> catalogs = Map.of(instance.id(), SamplePlans.PG16);
        PdfPages pdf = PdfPages.write(PdfPages.embedded(), List.of(review), catalogs);

        assertThat(pdf.text()).contains("Change plan " + plan.id() + ": pg-orders-1", "CHG0042", "State approved",
                "Approvals required 1 reviewer", "Submission comment for Saturday's window",
                "Audit hash of the last record: " + review.lastAuditHash());
        assertThat(pdf.text()).containsPattern("1 +1 × reviewer +approved +approved by bob +2026-11-25 10:00:00 UTC +looks right")
                .containsPattern("alice +plan.submitted +for Saturday's window")
                .containsPattern("bob +plan.approved +looks right")
                .containsPattern("shared_buffers +128MB +16GB");
        assertThat(review.lastAuditHash()).isNotBlank();
        assertThat(pdf.result().firstPages()).isEqualTo(Map.of(plan.id(), 1));
        assertThat(pdf.page(pdf.pageCount())).contains("Page " + pdf.pageCount() + " of " + pdf.pageCount(), "ticket CHG0042");
    }
}
