package io.knobwright.model.workload;

/**
 * The keywords after which the normalised text writes a space before a parenthesis ({@code in (?)}, {@code values
 * (?)}, but {@code count(*)}), and after which a '-' before a number is that number's sign ({@code select -1}).
 * Any other word before a parenthesis is taken for a function's or a table's name.
 */
final class Keywords {

    private static final String[] SPACED = {
        "in", "on", "or", "as", "by", "is", "do",
        "and", "not", "all", "key", "set",
        "from", "join", "when", "then", "else", "into", "with", "over", "like", "case",
        "where", "using", "union", "table", "group", "limit", "ilike", "check",
        "values", "exists", "select", "having", "except", "filter", "offset", "return", "unique",
        "lateral", "between", "returning", "intersect", "conflict", "distinct", "partition", "references",
    };
    private static final char[][][] BY_LENGTH = byLength();

    private Keywords() {
    }

    private static char[][][] byLength() {
        int longest = 0;
        for (String k : SPACED) {
            longest = Math.max(longest, k.length());
        }
        char[][][] table = new char[longest + 1][][];
        for (int length = 0; length <= longest; length++) {
            int count = 0;
            for (String k : SPACED) {
                count += k.length() == length ? 1 : 0;
            }
            table[length] = new char[count][];
            int at = 0;
            for (String k : SPACED) {
                if (k.length() == length) {
                    table[length][at++] = k.toCharArray();
                }
            }
        }
        return table;
    }

    /** Whether the lower-case word in {@code text}[start, end) is one of the keywords above. */
    static boolean spacedBeforeParenthesis(char[] text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length >= BY_LENGTH.length) {
            return false;
        }
        next:
        for (char[] keyword : BY_LENGTH[length]) {
            for (int k = 0; k < length; k++) {
                if (text[start + k] != keyword[k]) {
                    continue next;
                }
            }
            return true;
        }
        return false;
    }
}
