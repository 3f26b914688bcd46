package io.knobwright.app.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The TrueType files a PDF embeds (as subsets): a regular, a bold and a monospaced face. DejaVu Sans is looked for
 * first (Linux has it nearly everywhere; the CI installs fonts-dejavu-core), then Liberation Sans and Arial
 * (Windows, macOS). Without any, the export falls back to the PDF Standard 14 fonts, which print only WinAnsi
 * (decision 0114).
 *
 * @param mono for audit hashes and values; the regular face when no monospaced one was found
 */
public record PdfFontFiles(Path regular, Path bold, Path mono) {

    private record Family(String regular, String bold, String mono) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"),
            new Family("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationMono-Regular.ttf"),
            new Family("arial.ttf", "arialbd.ttf", "cour.ttf"),
            new Family("Arial.ttf", "Arial Bold.ttf", "Courier New.ttf"));

    public PdfFontFiles {
        Objects.requireNonNull(regular, "regular");
        Objects.requireNonNull(bold, "bold");
        mono = mono == null ? regular : mono;
    }

    /** The first family found in the usual font folders of Linux, macOS and Windows; empty when none is there. */
    public static Optional<PdfFontFiles> installed() {
        return find(folders(System.getenv(), Path.of(System.getProperty("user.home", "."))));
    }

    static Optional<PdfFontFiles> find(List<Path> folders) {
        for (Family family : FAMILIES) {
            Optional<Path> regular = locate(folders, family.regular());
            Optional<Path> bold = locate(folders, family.bold());
            if (regular.isPresent() && bold.isPresent()) {
                return Optional.of(new PdfFontFiles(regular.get(), bold.get(), locate(folders, family.mono()).orElse(null)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> locate(List<Path> folders, String file) {
        return folders.stream().map(folder -> folder.resolve(file)).filter(Files::isRegularFile).findFirst();
    }

    /** Where distributions put them: Debian and Ubuntu, Fedora (one folder per family), Arch, the user's own. */
    static List<Path> folders(Map<String, String> environment, Path home) {
        List<Path> folders = new ArrayList<>(List.of(
                Path.of("/usr/share/fonts/truetype/dejavu"),
                Path.of("/usr/share/fonts/dejavu-sans-fonts"),
                Path.of("/usr/share/fonts/dejavu-sans-mono-fonts"),
                Path.of("/usr/share/fonts/dejavu"),
                Path.of("/usr/share/fonts/TTF"),
                Path.of("/usr/share/fonts/truetype/liberation"),
                Path.of("/usr/share/fonts/liberation-sans"),
                Path.of("/usr/share/fonts/liberation-mono"),
                Path.of("/usr/local/share/fonts"),
                home.resolve(".local/share/fonts"),
                home.resolve(".fonts"),
                home.resolve("Library/Fonts"),
                Path.of("/Library/Fonts"),
                Path.of("/System/Library/Fonts/Supplemental")));
        String windows = environment.getOrDefault("SystemRoot", environment.get("WINDIR"));
        if (windows != null && !windows.isBlank()) {
            folders.add(Path.of(windows, "Fonts"));
        }
        String local = environment.get("LOCALAPPDATA");
        if (local != null && !local.isBlank()) {
            folders.add(Path.of(local, "Microsoft", "Windows", "Fonts"));
        }
        return folders;
    }
}
