package io.knobwright.app.pdf;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One font of a document with what it can draw. Every text goes through {@link #printable} before it is measured
 * or drawn: a character the font has no glyph for becomes '?', so a Cyrillic instance name with a WinAnsi-only
 * font, or an emoji in a comment, prints as '?' instead of stopping the export.
 */
final class PdfFont {

    static final char MISSING = '?';

    private final PDFont font;
    private final Map<Integer, Boolean> covered = new HashMap<>();
    private final Map<Integer, Float> widths = new HashMap<>();

    PdfFont(PDFont font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    PDFont pdFont() {
        return font;
    }

    /**
     * The text as this font can draw it, one line: tabs become spaces, other control characters and line breaks
     * '?'; invisible format characters (bidi overrides, zero-width spaces) are dropped, since on paper they could only
     * make a value look like another; unsupported characters '?'. Line breaks are the caller's to split on first.
     */
    String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp == '\t') {
                out.append(' ');
            } else if (type == Character.FORMAT) {
                // dropped: U+200B, U+202E and the like draw nothing and only reorder or hide what is there
            } else if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(MISSING);
            } else if (Character.isSpaceChar(cp)) {
                out.append(supports(cp) ? Character.toString(cp) : " ");
            } else {
                out.append(supports(cp) ? Character.toString(cp) : String.valueOf(MISSING));
            }
        });
        return out.toString();
    }

    /** Whether the font has a glyph for the character. */
    boolean supports(int codePoint) {
        return covered.computeIfAbsent(codePoint, cp -> {
            try {
                font.encode(Character.toString(cp));
                return true;
            } catch (IllegalArgumentException | IOException noGlyph) {
                return false;
            }
        });
    }

    /** The width of printable text (see {@link #printable}) at a size, in points. */
    float width(String printable, float size) {
        float total = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            total += glyphWidth(cp);
            i += Character.charCount(cp);
        }
        return total * size / 1000f;
    }

    float width(int codePoint, float size) {
        return glyphWidth(codePoint) * size / 1000f;
    }

    private float glyphWidth(int codePoint) {
        return widths.computeIfAbsent(codePoint, cp -> {
            try {
                return font.getStringWidth(Character.toString(cp));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException notPrintable) {
                return 500f;
            }
        });
    }
}
