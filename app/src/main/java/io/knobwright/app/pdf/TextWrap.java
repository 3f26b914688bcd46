package io.knobwright.app.pdf;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width: at spaces, and inside a word too long for the width (a 5,000-character
 * value, a path) preferably after '_', '.', ',', '/', '-', '=' or ':' so a parameter name breaks where a reader
 * expects. Lines are returned in logical order; {@link #visual} orders a line for drawing.
 */
final class TextWrap {

    private static final String BREAK_AFTER = "_.,/-=:;)|";

    private TextWrap() {
    }

    /** The text's lines at this font, size and width; '\n', '\r\n' and '\r' end lines; an empty text is one empty line. */
    static List<String> lines(String text, PdfFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\r\n|\r|\n|\u2028|\u2029", -1)) {
            wrapParagraph(font.printable(paragraph), font, size, width, lines);
        }
        return lines;
    }

    /**
     * About {@code maxLines} lines; when the text needs more, the last ones say it was cut and how long the whole text
     * is, so a reader knows to look at the full text elsewhere.
     */
    static List<String> lines(String text, PdfFont font, float size, float width, int maxLines) {
        List<String> all = lines(text, font, size, width);
        if (all.size() <= maxLines) {
            return all;
        }
        String note = "[... cut here: " + text.codePointCount(0, text.length()) + " characters in all]";
        List<String> noteLines = lines(note, font, size, width);
        List<String> kept = new ArrayList<>(all.subList(0, Math.max(1, maxLines - noteLines.size())));
        kept.addAll(noteLines);
        return kept;
    }

    /** The first line only, ending in "..." when the text goes on: for a caption or a footer that must stay one line. */
    static String firstLine(String text, PdfFont font, float size, float width) {
        List<String> all = lines(text, font, size, width);
        if (all.size() == 1) {
            return all.getFirst();
        }
        String line = all.getFirst();
        String dots = "...";
        while (!line.isEmpty() && font.width(line + dots, size) > width) {
            line = line.substring(0, line.offsetByCodePoints(line.length(), -1));
        }
        return line + dots;
    }

    private static void wrapParagraph(String paragraph, PdfFont font, float size, float width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float space = font.width(' ', size);
        for (String word : paragraph.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            float wordWidth = font.width(word, size);
            if (!line.isEmpty() && lineWidth + space + wordWidth <= width) {
                line.append(' ').append(word);
                lineWidth += space + wordWidth;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (font.width(rest, size) > width) {
                int cut = cut(rest, font, size, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
            lineWidth = font.width(rest, size);
        }
        lines.add(line.toString());
    }

    /** Where to break a word wider than the width: after the last preferred character that fits, else where it must. */
    private static int cut(String word, PdfFont font, float size, float width) {
        float used = 0;
        int lastFit = 0;
        int preferred = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            float w = font.width(cp, size);
            if (used + w > width) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
            lastFit = i;
            if (BREAK_AFTER.indexOf(cp) >= 0) {
                preferred = i;
            }
        }
        if (lastFit == 0) { // not even one character fits: take it anyway, the column is only that wide
            return Character.charCount(word.codePointAt(0));
        }
        // a break after punctuation is worth a shorter line, but not one under a third of the width
        return preferred > 0 && preferred * 3 >= lastFit ? preferred : lastFit;
    }

    /**
     * The line in drawing order: runs of right-to-left script (Hebrew, Arabic) reversed so they read right to left
     * on paper, the rest left to right. Letters are not joined into their contextual forms.
     */
    static String visual(String line) {
        char[] chars = line.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] texts = new String[runs];
        for (int i = 0; i < runs; i++) {
            String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            levels[i] = (byte) bidi.getRunLevel(i);
            texts[i] = (levels[i] & 1) == 1 ? new StringBuilder(run).reverse().toString() : run;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        return String.join("", texts);
    }
}
