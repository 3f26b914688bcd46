package io.knobwright.model.text;

import java.util.Locale;
import java.util.Optional;

/**
 * Text from a file or the store as a message may show it. Control characters, bidi overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069), zero-width characters (U+200B..U+200F, U+FEFF, ...) print nothing or
 * reorder what follows: a name holding them can pass for another name on a terminal or in a dialog, and a
 * newline or an escape sequence breaks the output around it. Such characters are shown escaped
 * ({@code \u202E}, {@code \n}), never raw.
 */
public final class ShownText {

    /** How much of a value an error quotes: enough to recognise it, not a page of someone else's file. */
    public static final int EXCERPT = 60;

    private ShownText() {
    }

    /** The text with every hidden character escaped; null stays null. */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    /** {@link #escaped} and cut after {@code maxCodePoints} characters of the original, marked with "…". */
    public static String excerpt(String text, int maxCodePoints) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(maxCodePoints).forEach(cp -> append(out, cp));
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            out.append('…');
        }
        return out.toString();
    }

    /** The escaped form of a multi-line message: its line breaks kept, every other hidden character escaped. */
    public static String escapedKeepingLines(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else {
                append(out, cp);
            }
        });
        return out.toString();
    }

    /** The first hidden character of the text, described for a message: "U+202E RIGHT-TO-LEFT OVERRIDE". */
    public static Optional<String> firstHidden(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return text.codePoints().filter(ShownText::isHidden).findFirst().stream().mapToObj(ShownText::describe).findFirst();
    }

    /**
     * Prints nothing or changes how the text around it prints: controls (Cc), format characters (Cf: bidi
     * controls, zero-width spaces and joiners, the BOM, soft hyphen), line and paragraph separators, surrogates
     * on their own, private-use and unassigned code points, and the Hangul fillers that render as blanks.
     */
    public static boolean isHidden(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
        };
    }

    static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }

    private static void append(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (!isHidden(cp)) {
                    out.appendCodePoint(cp);
                } else if (Character.isBmpCodePoint(cp)) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", cp));
                } else {
                    out.append(String.format(Locale.ROOT, "\\u{%X}", cp));
                }
            }
        }
    }
}
