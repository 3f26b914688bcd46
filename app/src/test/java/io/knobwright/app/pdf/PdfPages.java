package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.catalog.ParameterCatalog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A written PDF read back as a reader's PDF viewer would: text per page, and where each glyph sits. */
record PdfPages(byte[] bytes, PlanPdfExport.Result result, List<String> pages) {

    record Glyph(int page, String text, float x, float right, float top) {
    }

    /** With the embedded fonts, as on CI (.ci/run installs fonts-dejavu-core). */
    static PdfPages write(List<PlanReview> reviews) {
        return write(embedded(), reviews, SamplePlans.CATALOGS);
    }

    static PlanPdfExport embedded() {
        return new PlanPdfExport(Optional.of(PdfFontFiles.installed().orElseThrow(() -> new AssertionError(
                "These tests read back text in Cyrillic and arrows, which need a TrueType font: install DejaVu Sans"
                        + " (apt-get install fonts-dejavu-core, as .ci/run does)"))));
    }

    static PdfPages write(PlanPdfExport export, List<PlanReview> reviews, Map<Long, ParameterCatalog> catalogs) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PlanPdfExport.Result result = export.write(reviews, catalogs, SamplePlans.CLOCK, out);
            return new PdfPages(out.toByteArray(), result, pageTexts(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PdfPages withStandardFonts(List<PlanReview> reviews) {
        return write(new PlanPdfExport(Optional.empty()), reviews, SamplePlans.CATALOGS);
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    String text() {
        return String.join("\n", pages);
    }

    /** The whole text with every run of white space one space: for sentences that wrap. */
    String flat() {
        return text().replaceAll("\\s+", " ");
    }

    /** The page's text, 1-based. */
    String page(int number) {
        return pages.get(number - 1);
    }

    int pageCount() {
        return pages.size();
    }

    /** Every glyph drawn, with its page and position (top measured from the top of the page). */
    List<Glyph> glyphs() {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<Glyph> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition t : positions) {
                        glyphs.add(new Glyph(getCurrentPageNo(), t.getUnicode(), t.getXDirAdj(),
                                t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj()));
                    }
                }
            };
            stripper.getText(document);
            return glyphs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
