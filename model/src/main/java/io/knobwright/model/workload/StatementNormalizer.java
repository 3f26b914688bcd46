package io.knobwright.model.workload;

/**
 * The one pass over a statement's characters that {@link Fingerprinter} hashes: a hand-written lexer that writes the
 * normalised text into a reused buffer (no allocation per character or per statement). What it normalises, and
 * why, is decision 0121. Not thread-safe: one per thread.
 *
 * <p>Spacing is canonical, decided from the kinds of two neighbouring tokens and never from the input's whitespace,
 * so {@code id=1} and {@code id = $1} read the same. Literals become {@code ?}; a list after {@code IN}, {@code
 * ARRAY} or {@code VALUES} keeps only its first element and elements that differ from it.
 */
final class StatementNormalizer {

    /** The normalised text stops here: a longer statement's fingerprint covers its first 16,384 normalised chars. */
    static final int MAX_NORMALIZED = 16_384;
    private static final int MAX_LISTS = 32;
    /** PostgreSQL's tags are identifiers, at most 63 bytes; a longer one is not a tag (and keeps the scan linear). */
    private static final int MAX_TAG = 64;
    private static final char REPLACEMENT = '\uFFFD';

    // token kinds, for spacing
    private static final int NONE = 0;
    private static final int WORD = 1;
    private static final int QUOTED = 2;
    private static final int VALUE = 3;
    private static final int OPEN = 4;
    private static final int CLOSE = 5;
    private static final int COMMA = 6;
    private static final int DOT = 7;
    private static final int OP = 8;
    private static final int SEMI = 9;
    private static final int JOIN = 10; // "::" and ":", written without spaces

    // list kinds
    private static final int NO_LIST = 0;
    private static final int IN_LIST = 1;
    private static final int ARRAY_LIST = 2;
    private static final int VALUES_LIST = 3;
    // states of a VALUES list
    private static final int EXPECT_ROW = 0;
    private static final int IN_ROW = 1;
    private static final int ROW_DONE = 2;

    /** Per ASCII character: 0 ends a word, 1 is kept in a word as it is, 2 is an upper-case letter. */
    private static final byte[] ASCII_WORD = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = 1;
            ASCII_WORD[c - 32] = 2;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = 1;
        }
        ASCII_WORD['_'] = 1;
        ASCII_WORD['$'] = 1;
    }

    private final boolean mysql;
    final char[] out = new char[MAX_NORMALIZED];
    /** The normalised text's UTF-8 bytes, which the id hashes. */
    final byte[] utf8 = new byte[MAX_NORMALIZED * 3];
    /** Statements up to 16 Ki chars are copied into this buffer; a longer one gets a buffer of its own. */
    private static final int KEPT_INPUT = 1 << 14;
    private final char[] input = new char[KEPT_INPUT];
    int len;
    private boolean full;
    private int prev;
    private boolean prevString;
    private int wordStart;
    private int wordEnd;
    private int depth;
    private int pendingList;

    private final int[] listKind = new int[MAX_LISTS];
    private final int[] listDepth = new int[MAX_LISTS];
    private final int[] firstStart = new int[MAX_LISTS];
    private final int[] firstEnd = new int[MAX_LISTS];
    private final int[] elemStart = new int[MAX_LISTS];
    private final int[] rowState = new int[MAX_LISTS];
    private int lists;

    StatementNormalizer(boolean mysql) {
        this.mysql = mysql;
    }

    /** Normalises {@code sql} into {@link #out}[0, {@link #len}). */
    void normalize(CharSequence sql) {
        int n = sql.length();
        char[] s = n <= KEPT_INPUT ? input : new char[n];
        if (sql instanceof String string) {
            string.getChars(0, n, s, 0); // one bulk copy: the lexer then reads an array, the fastest to read
        } else {
            for (int k = 0; k < n; k++) {
                s[k] = sql.charAt(k);
            }
        }
        lex(s, n);
    }

    private void lex(char[] s, int n) {
        len = 0;
        full = false;
        prev = NONE;
        prevString = false;
        depth = 0;
        pendingList = NO_LIST;
        lists = 0;
        wordStart = wordEnd = 0;
        int i = 0;
        while (i < n && !full) {
            char c = s[i];
            if (c <= ' ' || c == 0x7f || c == '\u00a0' || c == '\ufeff') {
                i++;
                continue;
            }
            switch (c) {
                case '\'' -> i = stringLiteral(s, i + 1, n, '\'', mysql);
                case '"' -> i = mysql ? stringLiteral(s, i + 1, n, '"', true) : quotedIdentifier(s, i, n, '"');
                case '`' -> i = quotedIdentifier(s, i, n, '`');
                case '(', '[' -> {
                    open(c);
                    i++;
                }
                case ')', ']' -> {
                    close(c);
                    i++;
                }
                case ',' -> {
                    comma();
                    i++;
                }
                case ';' -> {
                    begin(SEMI);
                    put(';');
                    lists = 0;
                    depth = 0;
                    i++;
                }
                case '.' -> {
                    if (i + 1 < n && isDigit(s[i + 1]) && (i == 0 || !qualifies(s[i - 1]))) {
                        i = number(s, i, n);
                    } else {
                        begin(DOT);
                        put('.');
                        i++;
                    }
                }
                case '$' -> i = dollar(s, i, n);
                case '?' -> {
                    char next = i + 1 < n ? s[i + 1] : 0;
                    if ((next == '|' || next == '&') && (i + 2 >= n || s[i + 2] != next)) {
                        i = operator(s, i, n); // PostgreSQL's jsonb ?| and ?&
                    } else {
                        value();
                        i++;
                    }
                }
                case ':' -> i = colon(s, i, n);
                case '-' -> {
                    char next = i + 1 < n ? s[i + 1] : 0;
                    if (next == '-') {
                        i = lineEnd(s, i, n);
                    } else if ((isDigit(next) || (next == '.' && i + 2 < n && isDigit(s[i + 2]))) && unary()) {
                        i = number(s, i + 1, n);
                    } else {
                        i = operator(s, i, n);
                    }
                }
                case '/' -> i = i + 1 < n && s[i + 1] == '*' ? blockComment(s, i, n) : operator(s, i, n);
                case '#' -> i = mysql ? lineEnd(s, i, n) : operator(s, i, n);
                case '@' -> i = mysql && i + 1 < n && (isWordStart(s[i + 1]) || s[i + 1] == '@')
                        ? word(s, i, n) : operator(s, i, n);
                default -> {
                    if (isDigit(c)) {
                        i = number(s, i, n);
                    } else if (isWordStart(c)) {
                        i = prefixedString(s, i, n);
                    } else if (isOperatorChar(c)) {
                        i = operator(s, i, n);
                    } else {
                        begin(OP);
                        put(c);
                        i++;
                    }
                }
            }
        }
        while (lists > 0) {
            endList();
        }
        while (len > 0 && (out[len - 1] == ';' || out[len - 1] == ' ')) {
            len--;
        }
    }

    // ---- tokens

    /** E'..', X'..', B'..', N'..' are literals; any other word is a word. */
    private int prefixedString(char[] s, int i, int n) {
        if (i + 1 < n && s[i + 1] == '\'') {
            char c = (char) (s[i] | 0x20);
            if (c == 'e' || c == 'x' || c == 'b' || c == 'n') {
                return stringLiteral(s, i + 2, n, '\'', mysql || c == 'e');
            }
        }
        return word(s, i, n);
    }

    private int word(char[] s, int i, int n) {
        begin(WORD);
        int start = len;
        int j = i;
        if (s[j] == '@') { // MySQL @var and @@system_var
            put('@');
            j++;
            if (j < n && s[j] == '@') {
                put('@');
                j++;
            }
        }
        int limit = Math.min(n, j + (MAX_NORMALIZED - len));
        char[] o = out;
        int at = len;
        while (j < limit) {
            char c = s[j];
            if (c < 0x80) {
                byte kind = ASCII_WORD[c];
                if (kind == 0) {
                    break;
                }
                o[at++] = kind == 2 ? (char) (c | 0x20) : c; // lower case by arithmetic
            } else if (c != '\u00a0' && c != '\ufeff') {
                o[at++] = c;
            } else {
                break;
            }
            j++;
        }
        len = at;
        if (j == limit && limit < n && isWordChar(s[j])) {
            full = true;
        }
        int previousWordStart = wordStart;
        int previousWordEnd = wordEnd;
        wordStart = start;
        wordEnd = len;
        keyword(start, previousWordStart, previousWordEnd);
        return j;
    }

    /**
     * Booleans and NULL are literals (not after IS / NOT); IN, ARRAY and VALUES open lists. Called for every word,
     * so it compares characters, first letter first.
     */
    private void keyword(int start, int previousWordStart, int previousWordEnd) {
        char[] o = out;
        switch (len - start) {
            case 2 -> {
                if (o[start] == 'i' && o[start + 1] == 'n') {
                    pendingList = IN_LIST;
                }
            }
            case 4 -> {
                if (o[start] == 't' && o[start + 1] == 'r' && o[start + 2] == 'u' && o[start + 3] == 'e') {
                    literalWord(start);
                } else if (o[start] == 'n' && o[start + 1] == 'u' && o[start + 2] == 'l' && o[start + 3] == 'l'
                        && !(prevWasWord(previousWordEnd, start) && (regionIs(previousWordStart, previousWordEnd, "is")
                        || regionIs(previousWordStart, previousWordEnd, "not")))) {
                    literalWord(start);
                }
            }
            case 5 -> {
                if (o[start] == 'f' && o[start + 1] == 'a' && o[start + 2] == 'l' && o[start + 3] == 's'
                        && o[start + 4] == 'e') {
                    literalWord(start);
                } else if (o[start] == 'a' && o[start + 1] == 'r' && o[start + 2] == 'r' && o[start + 3] == 'a'
                        && o[start + 4] == 'y') {
                    pendingList = ARRAY_LIST;
                }
            }
            case 6 -> {
                if (o[start] == 'v' && regionIs(start, len, "values")) {
                    pushList(VALUES_LIST, depth, -1);
                }
            }
            default -> {
            }
        }
    }

    /** The previous word is the token just before this one (a space apart). */
    private static boolean prevWasWord(int previousWordEnd, int start) {
        return previousWordEnd == start - 1;
    }

    private void literalWord(int start) {
        len = start;
        // the word's own begin() wrote the space; the value sits where the word was
        prev = VALUE;
        prevString = false;
        put('?');
    }

    private int stringLiteral(char[] s, int i, int n, char quote, boolean backslashes) {
        int j = i;
        while (j < n) {
            char c = s[j];
            if (c == quote) {
                if (j + 1 < n && s[j + 1] == quote) {
                    j += 2;
                    continue;
                }
                j++;
                break;
            }
            j += backslashes && c == '\\' ? 2 : 1;
        }
        if (prev == VALUE && prevString) {
            return Math.min(j, n); // 'a' 'b': one literal, continued
        }
        value();
        prevString = true;
        return Math.min(j, n);
    }

    private int quotedIdentifier(char[] s, int i, int n, char quote) {
        begin(QUOTED);
        put(quote);
        int j = i + 1;
        while (j < n && !full) {
            char c = s[j];
            if (c == quote) {
                if (j + 1 < n && s[j + 1] == quote) {
                    put(quote);
                    put(quote);
                    j += 2;
                    continue;
                }
                j++;
                break;
            }
            put(c < ' ' || c == 0x7f ? REPLACEMENT : c);
            j++;
        }
        put(quote);
        return j;
    }

    private int number(char[] s, int i, int n) {
        int j = i;
        if (s[j] == '0' && j + 1 < n && "xXoObB".indexOf(s[j + 1]) >= 0) {
            j += 2;
        } else {
            while (j < n && (isDigit(s[j]) || s[j] == '_')) {
                j++;
            }
            if (j < n && s[j] == '.' && !(j + 1 < n && s[j + 1] == '.')) {
                j++;
                while (j < n && isDigit(s[j])) {
                    j++;
                }
            }
            if (j + 1 < n && (s[j] | 0x20) == 'e') {
                char sign = s[j + 1];
                int k = sign == '+' || sign == '-' ? j + 2 : j + 1;
                if (k < n && isDigit(s[k])) {
                    j = k;
                }
            }
        }
        while (j < n && isWordChar(s[j])) { // hex digits, 1_000, and junk such as 123abc
            j++;
        }
        value();
        return j;
    }

    private int dollar(char[] s, int i, int n) {
        if (i + 1 < n && isDigit(s[i + 1])) { // $1
            int j = i + 1;
            while (j < n && isDigit(s[j])) {
                j++;
            }
            value();
            return j;
        }
        int j = i + 1;
        int tagLimit = Math.min(n, i + 1 + MAX_TAG);
        while (j < tagLimit && isWordChar(s[j]) && s[j] != '$') {
            j++;
        }
        if (j < n && s[j] == '$') { // $tag$ ... $tag$
            int tagLength = j - i + 1;
            int k = j + 1;
            int end = n;
            while (k + tagLength <= n) {
                if (s[k] == '$' && sameTag(s, i, k, tagLength)) {
                    end = k + tagLength;
                    break;
                }
                k++;
            }
            value();
            return end;
        }
        begin(OP);
        put('$');
        return i + 1;
    }

    private static boolean sameTag(char[] s, int tag, int at, int length) {
        for (int t = 1; t < length; t++) {
            if (s[tag + t] != s[at + t]) {
                return false;
            }
        }
        return true;
    }

    private int colon(char[] s, int i, int n) {
        char next = i + 1 < n ? s[i + 1] : 0;
        if (next == ':') {
            begin(JOIN);
            put(':');
            put(':');
            return i + 2;
        }
        if (isWordStart(next) && next < 0x80) { // :name placeholders
            int j = i + 1;
            while (j < n && isWordChar(s[j])) {
                j++;
            }
            value();
            return j;
        }
        if (next == '=') {
            begin(OP);
            put(':');
            put('=');
            return i + 2;
        }
        begin(JOIN);
        put(':');
        return i + 1;
    }

    private int operator(char[] s, int i, int n) {
        int j = i + 1;
        boolean mayEndInSign = isSpecialOperatorChar(s[i]);
        while (j < n && isOperatorChar(s[j])) {
            char c = s[j];
            if ((c == '-' || c == '/') && j + 1 < n && s[j + 1] == (c == '-' ? '-' : '*')) {
                break; // a comment starts
            }
            if (c == '#' && mysql) {
                break;
            }
            mayEndInSign |= isSpecialOperatorChar(c);
            j++;
        }
        // PostgreSQL: a multi-char operator ends in + or - only if it holds one of ~ ! @ # % ^ & | ` ?
        while (j - i > 1 && !mayEndInSign && (s[j - 1] == '+' || s[j - 1] == '-')) {
            j--;
        }
        begin(OP);
        for (int k = i; k < j; k++) {
            put(s[k]);
        }
        return j;
    }

    private int lineEnd(char[] s, int i, int n) {
        int j = i;
        while (j < n && s[j] != '\n') {
            j++;
        }
        return j;
    }

    private int blockComment(char[] s, int i, int n) {
        int level = 0;
        int j = i;
        while (j < n) {
            char c = s[j];
            if (c == '/' && j + 1 < n && s[j + 1] == '*') {
                level = mysql ? 1 : level + 1; // MySQL does not nest comments
                j += 2;
            } else if (c == '*' && j + 1 < n && s[j + 1] == '/') {
                j += 2;
                if (--level == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private void value() {
        begin(VALUE);
        prevString = false;
        put('?');
    }

    private void open(char c) {
        int list = pendingList;
        pendingList = NO_LIST;
        begin(OPEN);
        if (lists > 0 && listKind[lists - 1] == VALUES_LIST && listDepth[lists - 1] == depth && c == '(') {
            int top = lists - 1;
            if (firstStart[top] < 0) {
                firstStart[top] = len;
            }
            rowState[top] = IN_ROW;
        }
        put(c);
        depth++;
        if ((list == IN_LIST && c == '(') || (list == ARRAY_LIST && c == '[')) {
            pushList(list, depth, len);
        }
    }

    private void close(char c) {
        if (lists > 0 && listKind[lists - 1] != VALUES_LIST && listDepth[lists - 1] == depth) {
            endElement(lists - 1);
            lists--;
        }
        begin(CLOSE);
        put(c);
        if (depth > 0) {
            depth--;
        }
        if (lists > 0 && listKind[lists - 1] == VALUES_LIST && listDepth[lists - 1] == depth
                && rowState[lists - 1] == IN_ROW) {
            int top = lists - 1;
            rowState[top] = ROW_DONE;
            endElement(top);
        }
    }

    private void comma() {
        int top = lists - 1;
        if (top >= 0 && listDepth[top] == depth && listKind[top] == VALUES_LIST && rowState[top] == ROW_DONE) {
            elemStart[top] = len;
            prev = COMMA;
            prevString = false;
            pendingList = NO_LIST;
            put(',');
            rowState[top] = EXPECT_ROW;
            return;
        }
        if (top >= 0 && listDepth[top] == depth && listKind[top] != VALUES_LIST) {
            endElement(top);
            begin(COMMA);
            elemStart[top] = len;
            put(',');
            return;
        }
        begin(COMMA);
        put(',');
    }

    /**
     * Every token starts here: a VALUES list ends at a token that cannot continue it, a pending IN / ARRAY is
     * dropped by any token but its bracket, and the space between the previous token and this one is written.
     */
    private void begin(int kind) {
        while (lists > 0 && listKind[lists - 1] == VALUES_LIST && listDepth[lists - 1] >= depth) {
            int top = lists - 1;
            if (listDepth[top] > depth) { // the bracket around the list closed
                lists--;
                continue;
            }
            int state = rowState[top];
            if ((state == EXPECT_ROW && kind == OPEN) || state == IN_ROW || (state == ROW_DONE && kind == COMMA)) {
                break;
            }
            lists--;
        }
        if (kind != OPEN) {
            pendingList = NO_LIST;
        }
        if (spaced(kind)) {
            put(' ');
        }
        prev = kind;
        prevString = false;
    }

    private boolean spaced(int kind) {
        int p = prev;
        if (p == NONE || p == OPEN || p == DOT || p == JOIN) {
            return false;
        }
        if (kind == CLOSE || kind == COMMA || kind == SEMI || kind == DOT || kind == JOIN) {
            return false;
        }
        if (kind == OPEN) {
            if (p == QUOTED || p == CLOSE || p == VALUE) {
                return false;
            }
            if (p == WORD) {
                // a keyword is followed by a space, a function's name is not; the bracket decides for '['
                return len == wordEnd && Keywords.spacedBeforeParenthesis(out, wordStart, wordEnd);
            }
        }
        return true;
    }

    /** Whether a '-' before a number is its sign: after an operator, a bracket, a comma or a keyword. */
    private boolean unary() {
        return switch (prev) {
            case NONE, OPEN, COMMA, OP, SEMI, JOIN -> true;
            case WORD -> len == wordEnd && Keywords.spacedBeforeParenthesis(out, wordStart, wordEnd);
            default -> false;
        };
    }

    private void put(char c) {
        if (len < MAX_NORMALIZED) {
            out[len++] = c;
        } else {
            full = true;
        }
    }

    // ---- lists

    private void pushList(int kind, int atDepth, int start) {
        if (lists == MAX_LISTS) {
            return;
        }
        listKind[lists] = kind;
        listDepth[lists] = atDepth;
        firstStart[lists] = start;
        firstEnd[lists] = -1;
        elemStart[lists] = start;
        rowState[lists] = EXPECT_ROW;
        lists++;
    }

    private void endList() {
        lists--;
    }

    /** The element that just ended is dropped when it reads as the first one did. */
    private void endElement(int top) {
        if (firstStart[top] < 0) {
            return;
        }
        if (firstEnd[top] < 0) {
            firstEnd[top] = len;
            return;
        }
        int first = firstStart[top];
        int firstLength = firstEnd[top] - first;
        int at = elemStart[top];
        if (len - at != firstLength + 2 || out[at] != ',' || out[at + 1] != ' ') {
            return;
        }
        for (int k = 0; k < firstLength; k++) {
            if (out[first + k] != out[at + 2 + k]) {
                return;
            }
        }
        len = at;
    }

    // ---- characters

    private boolean regionIs(int start, int end, String word) {
        if (end - start != word.length() || start < 0) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (out[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A '.' right after one of these joins a qualified name ({@code t.1col}, {@code "T".x}), not a number. */
    private static boolean qualifies(char c) {
        return isWordChar(c) || c == '"' || c == '`' || c == ')' || c == ']';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && c != '\u00a0' && c != '\ufeff');
    }

    private static boolean isWordChar(char c) {
        return isWordStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isOperatorChar(char c) {
        return switch (c) {
            case '+', '-', '*', '/', '<', '>', '=', '~', '!', '@', '#', '%', '^', '&', '|' -> true;
            default -> false;
        };
    }

    private static boolean isSpecialOperatorChar(char c) {
        return switch (c) {
            case '~', '!', '@', '#', '%', '^', '&', '|', '`', '?' -> true;
            default -> false;
        };
    }
}
