package io.knobwright.connectors.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over SQL text that knows PostgreSQL's quoting: single-quoted strings (with {@code ''}, and backslash
 * escapes in {@code E'...'}), double-quoted names, {@code --} and nested block comments, and dollar-quoted strings.
 * Semicolons and {@code :name} inside any of them are text, not syntax.
 *
 * @param terminator the index of the first semicolon outside quotes and comments, or -1
 * @param open       whether the text ends inside a quote or a block comment (the statement continues)
 * @param hasCode    whether anything but whitespace and comments comes before the terminator (or the end)
 */
record SqlScan(int terminator, boolean open, boolean hasCode) {

    static SqlScan of(CharSequence s) {
        Walker w = new Walker(s, false);
        w.run();
        return new SqlScan(w.terminator, w.open, w.hasCode);
    }

    /** Where each {@code :name} outside quotes and comments starts (the colon) and ends (exclusive); {@code ::} is a cast. */
    static List<int[]> variableReferences(CharSequence s) {
        Walker w = new Walker(s, true);
        w.run();
        return w.references;
    }

    private static final class Walker {
        private final CharSequence s;
        private final boolean wholeText;
        private final List<int[]> references = new ArrayList<>();
        int terminator = -1;
        boolean open;
        boolean hasCode;

        Walker(CharSequence s, boolean wholeText) {
            this.s = s;
            this.wholeText = wholeText;
        }

        void run() {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    i = blockCommentEnd(i);
                } else if (c == '\'' || c == '"') {
                    hasCode = true;
                    boolean escapes = c == '\'' && i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e');
                    i = quoteEnd(i, c, escapes);
                } else if (c == '$' && dollarTagEnd(i) > 0) {
                    hasCode = true;
                    int tagEnd = dollarTagEnd(i);
                    String tag = s.subSequence(i, tagEnd + 1).toString();
                    int close = s.toString().indexOf(tag, tagEnd + 1);
                    if (close < 0) {
                        open = true;
                        return;
                    }
                    i = close + tag.length();
                } else if (c == ';' && !wholeText) {
                    terminator = i;
                    return;
                } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
                    hasCode = true;
                    i += 2;
                } else if (c == ':' && i + 1 < n && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                    int end = i + 1;
                    while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                        end++;
                    }
                    references.add(new int[]{i, end});
                    hasCode = true;
                    i = end;
                } else {
                    if (!Character.isWhitespace(c)) {
                        hasCode = true;
                    }
                    i++;
                }
                if (open) {
                    return;
                }
            }
        }

        private int blockCommentEnd(int start) {
            int depth = 1;
            int i = start + 2;
            while (i < s.length() && depth > 0) {
                if (i + 1 < s.length() && s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (i + 1 < s.length() && s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
                    depth--;
                    i += 2;
                } else {
                    i++;
                }
            }
            open = depth > 0;
            return i;
        }

        private int quoteEnd(int start, char quote, boolean backslashEscapes) {
            int i = start + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == quote) {
                    if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += backslashEscapes && c == '\\' ? 2 : 1;
            }
            open = true;
            return s.length();
        }

        /** For "$tag$" or "$$" at i, the index of the closing '$' of the tag; -1 when it is a parameter or text. */
        private int dollarTagEnd(int i) {
            if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
                return -1; // part of an identifier such as a$b
            }
            int j = i + 1;
            if (j < s.length() && Character.isDigit(s.charAt(j))) {
                return -1;
            }
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            return j < s.length() && s.charAt(j) == '$' ? j : -1;
        }
    }
}
