package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPdfExportTest {

    @Test
    void theFirstPageSummarisesThePlanWithItsTicketAndValuesAsADbaWritesThem() {
        PlanReview review = SamplePlans.approvedProductionPlan();
        PdfPages pdf = PdfPages.write(List.of(review));

        String first = pdf.page(1);
        assertThat(first).contains("Change plan 42: pg-orders-1", "Change ticket", "CHG0012345",
                "Plan uid " + review.plan().uid(), "Instance pg-orders-1", "Template postgresql-oltp v3", "Author alice",
                "Created 2026-11-24 09:15:00 UTC", "State approved", "Approval progress approved",
                "Baseline live at 2026-11-24 09:14:58 UTC", "3 of 8 changes need a server restart", "Number of changes 8");
        // display values, as plan show prints them, not base units
        assertThat(first).containsPattern("shared_buffers +128MB +16GB +restart +yes")
                .containsPattern("work_mem +4MB +64MB +new")
                .containsPattern("random_page_cost +4 +1.1 +reload +no")
                .doesNotContain("2097152");
    }

    @Test
    void everyPageSaysPageNOfMWhichPlanItBelongsToAndWhenItWasMade() {
        PlanReview review = SamplePlans.approvedProductionPlan();
        PdfPages pdf = PdfPages.write(List.of(review));

        assertThat(pdf.pageCount()).isEqualTo(pdf.result().pages()).isGreaterThan(1);
        for (int p = 1; p <= pdf.pageCount(); p++) {
            assertThat(pdf.page(p)).contains("Page " + p + " of " + pdf.pageCount(), "Plan 42 · uid " + review.plan().uid(),
                    "ticket CHG0012345", "Generated 2026-11-26 14:30:00 UTC by Knobwright");
        }
    }

    @Test
    void riskReasonsLocksAndEveryDecisionWithItsDelegationAreOnPaper() {
        String text = PdfPages.write(List.of(SamplePlans.approvedProductionPlan())).text();

        assertThat(text).contains("Risk level: HIGH",
                "HIGH wal_level is locked on tier:production (logical decoding feeds the orders CDC pipeline)",
                "MEDIUM restart needed: 3 changes take effect only after a server restart",
                "MEDIUM production tier: one step more than the changes alone");
        assertThat(text).containsPattern("wal_level +tier:production +logical decoding feeds the orders CDC pipeline");
        assertThat(text).contains("Submitted by alice", "Approval rule production-restarts",
                "Approvals required 1 senior-dba, then 2 change-board",
                "Submission comment Window: Saturday 02:00-04:00 UTC, failover to pg-orders-2 first");
        assertThat(text).containsPattern("1 +1 × senior-dba +approved +approved by bob +2026-11-24 11:02:00 UTC +Sizes match")
                .containsPattern("2 +2 × change-board +approved +approved by carol for dave +2026-11-25 08:40:00 UTC +OK for")
                .containsPattern("2 +2 × change-board +approved +approved by erin +2026-11-25 09:05:00 UTC");
        assertThat(text).contains("a level pending longer than 8 hours may also be decided by cab-chair",
                "a round undecided after 3 days expires; this one was decided");
    }

    @Test
    void aPendingRoundSaysWhenItExpiresAndThatItsLevelEscalated() {
        PdfPages pdf = PdfPages.write(List.of(SamplePlans.pendingPlan(43, "pg-orders-2", "CHG0012346")));

        assertThat(pdf.flat()).contains("Progress level 2 of 2 (2 change-board): 0 of 2 approvals, escalated",
                "expires undecided at 2026-11-28 06:00:00 UTC (3 days after submission)",
                "level 2 escalated at 2026-11-25 15:00:00 UTC", "(round 2)");
        assertThat(pdf.text()).containsPattern("2 +2 × change-board +pending: 0 of 2, +none yet");
    }

    @Test
    void theRollbackPlanReversesEachChangeAndFlagsTheOneWhosePreviousValueWasNotRead() {
        PdfPages pdf = PdfPages.write(List.of(SamplePlans.approvedProductionPlan()));

        assertThat(pdf.flat()).contains("3 of them need a server restart to take effect",
                "1 change cannot be rolled back automatically: the previous value was not read");
        assertThat(pdf.text()).containsPattern("shared_buffers +16GB → 128MB +restart +yes +needs a server restart")
                .containsPattern("work_mem +64MB → 4MB +new")
                .containsPattern("wal_level +logical → replica +restart +yes")
                .containsPattern("random_page_cost +1.1 → 4 +reload +no")
                .containsPattern("jit +off → \\? +online +no +cannot be rolled back");
    }

    @Test
    void theAuditTrailListsEveryRecordAndEndsWithTheHashOfTheLastOne() {
        PlanReview review = SamplePlans.approvedProductionPlan();
        PdfPages pdf = PdfPages.write(List.of(review));
        String last = pdf.page(pdf.pageCount());

        assertThat(last).contains("Audit hash of the last record: " + review.lastAuditHash());
        assertThat(review.lastAuditHash()).hasSize(64);
        assertThat(pdf.text()).containsPattern("520 +2026-11-24 10:00:00 UTC +alice +plan.submitted +Window: Saturday")
                .containsPattern("523 +2026-11-25 09:05:00 UTC +erin +plan.approved");
    }

    @Test
    void aDraftWithoutBaselineSaysSoAndThatNothingCanBeRolledBackAutomatically() {
        PdfPages pdf = PdfPages.write(List.of(SamplePlans.draftWithoutBaseline(44, "pg-new-1")));
        String text = pdf.text();

        assertThat(pdf.flat()).contains("Baseline none: no settings were read from pg-new-1 before planning",
                "No baseline: no settings were read from pg-new-1", "No change ticket",
                "Not submitted for approval yet: the plan is a draft", "No audit records about this plan.",
                "Audit hash of the last record: none (no audit records)",
                "No change of this plan can be rolled back automatically: the previous values were not read.");
        assertThat(count(text, "cannot be rolled back\n")).as("one remark in each rollback row").isEqualTo(8);
        assertThat(text).containsPattern("jit +off → \\? +online +no +cannot be rolled back");
        assertThat(text).containsPattern("shared_buffers +\\(unknown\\) +16GB");
    }

    @Test
    void aBypassedPlanSaysTheGlassWasBrokenAndItsReviewIsOpen() {
        PdfPages pdf = PdfPages.write(List.of(SamplePlans.bypassedPlan(45)));
        String text = pdf.text();

        assertThat(pdf.flat()).contains("Approved by bypass (break glass)", "INC0099871",
                "No approval round is on record for this plan (it is bypassed).");
        assertThat(text).containsPattern("oscar +2026-11-26 02:12:00 UTC +Connection storm during the sale: pool +open: a reviewer other than");
    }

    @Test
    void manyPlansOpenWithAListNamingThePageEachPlanStartsOn() {
        List<PlanReview> reviews = List.of(SamplePlans.approvedProductionPlan(),
                SamplePlans.pendingPlan(43, "pg-orders-2", "CHG0012346"),
                SamplePlans.draftWithoutBaseline(44, "pg-new-1"), SamplePlans.bypassedPlan(45));
        PdfPages pdf = PdfPages.write(reviews);

        String index = pdf.page(1);
        assertThat(index).contains("Change plans for review: 4 plans", "Generated 2026-11-26 14:30:00 UTC",
                "Risk: 3 high, 1 medium", "Page 1 of " + pdf.pageCount());
        assertThat(pdf.result().firstPages()).containsOnlyKeys(42L, 43L, 44L, 45L);
        assertThat(pdf.result().firstPages().get(42L)).isEqualTo(2);
        assertThat(index).containsPattern("42 +pg-orders-1 +approved +HIGH +CHG0012345 +8 +yes +2\\b")
                .containsPattern("44 +pg-new-1 +draft +MEDIUM +none +8 +yes +" + pdf.result().firstPages().get(44L));
        pdf.result().firstPages().forEach((id, page) -> {
            assertThat(pdf.page(page)).as("page %d starts plan %d", page, id).contains("Change plan " + id + ": ");
            assertThat(pdf.page(page - 1)).doesNotContain("Change plan " + id + ": ");
            assertThat(index).containsPattern(id + " .* " + page + "\\s");
        });
        assertThat(pdf.page(pdf.result().firstPages().get(43L) - 1)).contains("Plan 42 · uid");
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> PdfPages.write(List.of())).hasMessageContaining("at least one plan");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
