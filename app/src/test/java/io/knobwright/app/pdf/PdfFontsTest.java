package io.knobwright.app.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PdfFontsTest {

    @TempDir
    Path dir;

    private Path file(String folder, String name) throws IOException {
        Path path = dir.resolve(folder).resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "not really a font");
    }

    @Test
    void aFamilySplitOverFoldersIsFoundAsFedoraInstallsIt() throws IOException {
        Path regular = file("dejavu-sans-fonts", "DejaVuSans.ttf");
        Path bold = file("dejavu-sans-fonts", "DejaVuSans-Bold.ttf");
        Path mono = file("dejavu-sans-mono-fonts", "DejaVuSansMono.ttf");

        assertThat(PdfFontFiles.find(List.of(dir.resolve("dejavu-sans-fonts"), dir.resolve("dejavu-sans-mono-fonts"))))
                .contains(new PdfFontFiles(regular, bold, mono));
    }

    @Test
    void aFamilyWithoutItsBoldFaceIsPassedOverAndAMissingMonoFaceIsTheRegularOne() throws IOException {
        file("fonts", "DejaVuSans.ttf");
        Path arial = file("fonts", "arial.ttf");
        Path arialBold = file("fonts", "arialbd.ttf");

        assertThat(PdfFontFiles.find(List.of(dir.resolve("fonts")))).contains(new PdfFontFiles(arial, arialBold, arial));
        assertThat(PdfFontFiles.find(List.of(dir.resolve("nothing-here")))).isEmpty();
    }

    @Test
    void windowsFontFoldersComeFromTheEnvironment() {
        assertThat(PdfFontFiles.folders(Map.of("SystemRoot", "C:\\Windows"), Path.of("/home/u")))
                .contains(Path.of("C:\\Windows", "Fonts"), Path.of("/home/u/.local/share/fonts"));
    }

    @Test
    void aDamagedFontFileFallsBackToTheStandardFontsAndTheDocumentIsStillWritten() throws IOException {
        Path bad = file("fonts", "DejaVuSans.ttf");
        PlanPdfExport export = new PlanPdfExport(Optional.of(new PdfFontFiles(bad, bad, bad)));

        PdfPages pdf = PdfPages.write(export, List.of(SamplePlans.approvedProductionPlan()), SamplePlans.CATALOGS);

        assertThat(pdf.text()).contains("Change plan 42: pg-orders-1", "Page 1 of " + pdf.pageCount())
                .containsPattern("shared_buffers +16GB -> 128MB");
    }
}
