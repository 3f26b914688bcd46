package io.knobwright.app.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.Optional;

/** The fonts of one document: TrueType faces embedded as subsets when found, else the Standard 14 fonts. */
record PdfFonts(PdfFont regular, PdfFont bold, PdfFont mono, boolean embedded) {

    static PdfFonts load(PDDocument document, Optional<PdfFontFiles> files) {
        if (files.isPresent()) {
            try {
                PdfFontFiles f = files.get();
                return new PdfFonts(new PdfFont(PDType0Font.load(document, f.regular().toFile())),
                        new PdfFont(PDType0Font.load(document, f.bold().toFile())),
                        new PdfFont(PDType0Font.load(document, f.mono().toFile())), true);
            } catch (IOException | RuntimeException unreadable) {
                // A damaged or unusual font file must not stop the export: the Standard 14 fonts always work.
            }
        }
        return standard();
    }

    /** Helvetica and Courier: no file needed, WinAnsi characters only. */
    static PdfFonts standard() {
        return new PdfFonts(new PdfFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA)),
                new PdfFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)),
                new PdfFont(new PDType1Font(Standard14Fonts.FontName.COURIER)), false);
    }

    /** "→" where the fonts have it, "->" with WinAnsi-only ones. */
    String arrow() {
        return regular.supports('→') && bold.supports('→') ? "→" : "->";
    }
}
