package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.approval.ApprovalProgress;
import io.knobwright.model.approval.ApprovalStatus;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What users and servers can put into a plan must not break the document or stop it being written. */
class PdfHostileTextTest {

    private static final String LONG_COMMENT = ("Approved after a long call. " + "word ".repeat(30)).repeat(60).substring(0, 10_000);
    private static final String LONG_VALUE = "§".repeat(5_000);
    private static final String CONTROL = "line\u0000one\u0007bell\u001b[31mred\ttab\r\nsecond line";
    private static final String RTL = "שרת ההזמנות הראשי — خادم الطلبات";
    private static final String EMOJI = "ship it 🚀🔥 ok";
    private static final String TROJAN = "safe\u202Egnp.exe\u200B\uFEFF";

    static PlanReview hostilePlan() {
        List<PlannedChange> changes = List.of(
                new PlannedChange("custom.long_value", "short", LONG_VALUE, null, ApplyMode.RELOAD, "hostile v1", ""),
                new PlannedChange("custom.control", CONTROL, TROJAN, null, ApplyMode.ONLINE, RTL, EMOJI),
                new PlannedChange("custom." + "very_long_parameter_name_".repeat(12), null, "1", null, ApplyMode.RESTART,
                        LONG_COMMENT, LONG_COMMENT));
        ChangePlan plan = SamplePlans.plan(66, "заказы-primary-1", PlanState.SUBMITTED, "live at now", changes, "CHG-ÿ/1");
        Instant submitted = Instant.parse("2026-11-25T06:00:00Z");
        Submission submission = new Submission(66, 1, "alice", submitted, SamplePlans.PRODUCTION_CHAIN, SamplePlans.highRisk(),
                LONG_COMMENT);
        List<Decision> decisions = List.of(new Decision("h1", 1, 0, "bob", null, Verdict.APPROVE, LONG_COMMENT,
                Instant.parse("2026-11-25T07:00:00Z")));
        ApprovalStatus status = ApprovalProgress.evaluate(SamplePlans.PRODUCTION_CHAIN, submitted, decisions, SamplePlans.NOW);
        return new PlanReview(plan, SamplePlans.highRisk(), List.of(), Optional.of(submission), Optional.of(status), decisions,
                List.of(), SamplePlans.trail(66, List.of(new SamplePlans.Event("bob", "plan.approved",
                        LONG_COMMENT + RTL + EMOJI + CONTROL, decisions.getFirst().at()))));
    }

    @Test
    void hostileTextsAreWrittenWithinTheMarginsWithTheEmbeddedFont() {
        PdfPages pdf = PdfPages.write(List.of(hostilePlan()));

        assertThat(pdf.pageCount()).isBetween(3, 20);
        assertThat(pdf.text()).contains("Change plan 66: заказы-primary-1", "CHG-ÿ/1", "ship it ?? ok", "safegnp.exe",
                "line?one?bell?[31mred tab", "second line");
        assertThat(pdf.text()).as("a cell cut to its 40 lines says so").contains("[... cut here: 10000 characters in all]");
        assertEveryGlyphWithinTheMargins(pdf);
    }

    @Test
    void withOnlyTheStandardFontsUnprintableCharactersBecomeQuestionMarks() {
        PdfPages pdf = PdfPages.withStandardFonts(List.of(hostilePlan()));

        assertThat(pdf.text()).contains("Change plan 66: ??????-primary-1", "CHG-ÿ/1", "ship it ?? ok", "safegnp.exe",
                "Page 1 of " + pdf.pageCount());
        assertEveryGlyphWithinTheMargins(pdf);
    }

    @Test
    void aLongValueWithoutSpacesWrapsWithinItsColumn() {
        PdfPages pdf = PdfPages.write(List.of(hostilePlan()));
        RowPlacement row = pdf.result().rows().stream().filter(r -> r.table().equals("changes:66") && r.row() == 0)
                .findFirst().orElseThrow();
        List<PdfPages.Glyph> page = pdf.glyphs().stream().filter(g -> g.page() == row.page()).toList();
        PdfPages.Glyph toHeader = headerGlyph(page, "To");
        PdfPages.Glyph applyHeader = headerGlyph(page, "Apply");
        List<PdfPages.Glyph> value = page.stream().filter(g -> g.text().equals("§")).toList();

        assertThat(value).hasSizeGreaterThan(100);
        assertThat(value).allSatisfy(g -> {
            assertThat(g.x()).isGreaterThanOrEqualTo(toHeader.x() - 0.5f);
            assertThat(g.right()).isLessThan(applyHeader.x() - 1f);
        });
    }

    /** The first glyph of a header cell's word: a glyph starting the word, followed by the rest on the same line. */
    private static PdfPages.Glyph headerGlyph(List<PdfPages.Glyph> page, String word) {
        for (int i = 0; i + word.length() <= page.size(); i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < word.length(); k++) {
                PdfPages.Glyph g = page.get(i + k);
                if (g.top() != page.get(i).top()) {
                    break;
                }
                s.append(g.text());
            }
            boolean alone = i + word.length() == page.size() || page.get(i + word.length()).top() != page.get(i).top()
                    || page.get(i + word.length()).x() - page.get(i + word.length() - 1).right() > 2;
            if (s.toString().equals(word) && alone && (i == 0 || page.get(i).x() - page.get(i - 1).right() > 2)) {
                return page.get(i);
            }
        }
        throw new AssertionError("No header '" + word + "' on the page");
    }

    private static void assertEveryGlyphWithinTheMargins(PdfPages pdf) {
        float left = PageFlow.MARGIN_X - 0.5f;
        float right = PageFlow.SIZE.getWidth() - PageFlow.MARGIN_X + 0.5f;
        assertThat(pdf.glyphs()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.x()).as("'%s' on page %d", g.text(), g.page()).isGreaterThanOrEqualTo(left);
            assertThat(g.right()).as("'%s' on page %d", g.text(), g.page()).isLessThanOrEqualTo(right);
            assertThat(g.top()).as("'%s' on page %d", g.text(), g.page()).isBetween(0f, PageFlow.SIZE.getHeight());
        });
    }
}
