package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every page of two sample documents to app/target/pdf-pages/ at 100 dpi, for a person to look at as a change
 * board member would (and checks that each page has ink on it).
 */
class PdfSamplePagesTest {

    private static final Path PAGES = Path.of("target", "pdf-pages");

    @Test
    void anApprovedPlanRendersToPagesWithInkOnEveryOne() throws IOException {
        List<Path> pages = render("plan", List.of(SamplePlans.approvedProductionPlan()));
        assertThat(pages).isNotEmpty();
    }

    @Test
    void aReportOfManyPlansRendersToPagesWithInkOnEveryOne() throws IOException {
        List<Path> pages = render("report", List.of(SamplePlans.approvedProductionPlan(),
                SamplePlans.pendingPlan(43, "pg-orders-2", "CHG0012346"),
                SamplePlans.draftWithoutBaseline(44, "pg-new-1"), SamplePlans.bypassedPlan(45)));
        assertThat(pages).hasSizeGreaterThan(4);
    }

    @Test
    void aPlanFullOfHostileTextRendersToPagesWithInkOnEveryOne() throws IOException {
        assertThat(render("hostile", List.of(PdfHostileTextTest.hostilePlan()))).hasSizeGreaterThan(2);
    }

    private static List<Path> render(String name, List<PlanReview> reviews) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfPages.embedded().write(reviews, SamplePlans.CATALOGS, SamplePlans.CLOCK, out);
        Files.createDirectories(PAGES);
        Files.write(PAGES.resolve(name + ".pdf"), out.toByteArray());
        Files.writeString(PAGES.resolve(name + ".txt"), new org.apache.pdfbox.text.PDFTextStripper() {
            { setSortByPosition(true); }
        }.getText(Loader.loadPDF(out.toByteArray())));
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<Path> written = new java.util.ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 100, ImageType.RGB);
                Path png = PAGES.resolve(name + "-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                // more than the footer alone draws
                assertThat(darkPixels(image)).as("ink on page %d of %s", i + 1, name).isGreaterThan(1000);
                written.add(png);
            }
            return written;
        }
    }

    private static long darkPixels(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
