package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan far longer than a page: its tables continue page after page, readable on each. */
class PdfLongTableTest {

    private static final int CHANGES = 300;

    private static PlanReview bigPlan() {
        List<PlannedChange> changes = new ArrayList<>();
        for (int i = 1; i <= CHANGES; i++) {
            String id = String.format("%03d", i);
            // every fifth row has a note of several lines, so rows differ in height and page breaks fall anywhere
            String note = i % 5 == 0 ? "first-" + id + " the vendor asked for this during the load test of week 47, see the"
                    + " incident review for the reasoning last-" + id : "only-" + id;
            changes.add(new PlannedChange("custom.setting_" + id, String.valueOf(i), String.valueOf(i * 2), null,
                    i % 3 == 0 ? ApplyMode.RESTART : ApplyMode.RELOAD, "bulk-template v1: row " + id, note));
        }
        ChangePlan plan = SamplePlans.plan(77, "pg-warehouse-1", PlanState.DRAFT, "live at 2026-11-26 09:00:00 UTC", changes, "");
        return new PlanReview(plan, SamplePlans.highRisk(), List.of(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of());
    }

    @Test
    void threeHundredChangesSpanSeveralPagesWithTheHeaderRowOnEachAndNoRowCut() {
        PdfPages pdf = PdfPages.write(List.of(bigPlan()));

        List<RowPlacement> rows = pdf.result().rows().stream().filter(r -> r.table().equals("changes:77")).toList();
        List<RowPlacement> data = rows.stream().filter(r -> !r.header()).toList();
        assertThat(data).extracting(RowPlacement::row).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, CHANGES).boxed().toList());
        Set<Integer> pages = data.stream().map(RowPlacement::page).collect(Collectors.toCollection(TreeSet::new));
        assertThat(pages).hasSizeGreaterThanOrEqualTo(5);
        Map<Integer, List<RowPlacement>> headers = rows.stream().filter(RowPlacement::header)
                .collect(Collectors.groupingBy(RowPlacement::page));
        assertThat(headers.keySet()).as("a header row on every page the table is on").isEqualTo(pages);
        for (RowPlacement row : data) {
            assertThat(row.top()).as("row %d", row.row()).isLessThanOrEqualTo(PageFlow.TOP).isGreaterThan(row.bottom());
            assertThat(row.bottom()).as("row %d", row.row()).isGreaterThanOrEqualTo(PageFlow.BOTTOM);
            assertThat(row.top()).as("row %d sits under its page's header", row.row())
                    .isLessThanOrEqualTo(headers.get(row.page()).getFirst().bottom() + 0.01f);
        }
        for (int i = 1; i < data.size(); i++) {
            RowPlacement before = data.get(i - 1);
            RowPlacement row = data.get(i);
            assertThat(row.page() > before.page() || row.top() <= before.bottom() + 0.01f).as("row %d follows row %d", i, i - 1)
                    .isTrue();
        }
    }

    @Test
    void eachPageOfTheLongTableCarriesTheHeaderAndEveryRowIsWholeOnOnePage() {
        PdfPages pdf = PdfPages.write(List.of(bigPlan()));
        Set<Integer> pages = pdf.result().rows().stream().filter(r -> r.table().equals("changes:77") && !r.header())
                .map(RowPlacement::page).collect(Collectors.toCollection(TreeSet::new));

        boolean first = true;
        for (int page : pages) {
            assertThat(pdf.page(page)).as("page %d", page).containsPattern("# +Parameter +From +To +Apply +Restart +Rationale /");
            if (!first) {
                assertThat(pdf.page(page)).contains("Changes on pg-warehouse-1 (postgresql-oltp v3, 300 changes) (continued)");
            }
            first = false;
        }
        for (int i = 5; i <= CHANGES; i += 5) {
            String id = String.format("%03d", i);
            int firstPage = pageOf(pdf, "first-" + id);
            assertThat(firstPage).as("row %s starts on one page only", id).isPositive();
            assertThat(pageOf(pdf, "last-" + id)).as("row %s ends on the page it starts", id).isEqualTo(firstPage);
        }
        assertThat(pdf.page(pdf.pageCount())).contains("Page " + pdf.pageCount() + " of " + pdf.pageCount());
    }

    /** The one page the text is on; -1 when it is on none or on several. */
    private static int pageOf(PdfPages pdf, String text) {
        int found = -1;
        for (int p = 1; p <= pdf.pageCount(); p++) {
            if (pdf.page(p).contains(text)) {
                if (found > 0) {
                    return -1;
                }
                found = p;
            }
        }
        return found;
    }
}
