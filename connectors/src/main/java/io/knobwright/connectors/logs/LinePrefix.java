package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A PostgreSQL log_line_prefix, compiled into a matcher over raw bytes. Each escape has the grammar the server
 * writes it in (%m "2024-05-01 10:11:12.345 UTC", %p digits, %c hex.hex, %v "3/14" ...); free-text escapes (%u %d
 * %a %r %h %b %i) run up to the next literal of the prefix and, where that is ambiguous (an application name with
 * spaces before a space), the matcher backtracks to the next occurrence. A line matches when the prefix is followed
 * by a severity ("LOG:  ", "ERROR:  ", "DETAIL:  " ...). After %q a background process's line may stop (PostgreSQL
 * leaves the rest out for processes without a session). Padding (%-10u, %10p) is accepted.
 */
final class LinePrefix {

    /** Captured fields, as slots of {@link Match}. */
    static final int TIME = 0;
    static final int PID = 1;
    static final int SESSION = 2;
    static final int USER = 3;
    static final int DATABASE = 4;
    static final int APPLICATION = 5;
    static final int HOST = 6;
    static final int SLOTS = 7;

    private static final int LITERAL = 0;
    private static final int TIMESTAMP = 1;
    private static final int EPOCH = 2;
    private static final int DIGITS = 3;
    private static final int SESSION_ID = 4;
    private static final int VXID = 5;
    private static final int SQLSTATE = 6;
    private static final int FREE = 7;
    private static final int QUIT = 8;
    private static final int TIMESTAMP_MS = 9;

    private static final String ESCAPES = "tmnpclsvxudarhbeiq%";

    private final String text;
    private final int[] kinds;
    private final int[] slots;
    private final int[] pads;
    private final byte[][] literals;
    /** Whether the timestamp slot holds an epoch (%n) rather than a date and time. */
    final boolean epochTime;

    /** Where the fields of one matched line are: start and end offsets per slot, -1 when absent. */
    static final class Match {
        final int[] start = new int[SLOTS];
        final int[] end = new int[SLOTS];
        long pid = -1;

        void clear() {
            Arrays.fill(start, -1);
            pid = -1;
        }
    }

    private LinePrefix(String text, List<int[]> elements, List<byte[]> literalBytes, boolean epochTime) {
        this.text = text;
        int n = elements.size();
        kinds = new int[n];
        slots = new int[n];
        pads = new int[n];
        literals = literalBytes.toArray(new byte[0][]);
        for (int i = 0; i < n; i++) {
            kinds[i] = elements.get(i)[0];
            slots[i] = elements.get(i)[1];
            pads[i] = elements.get(i)[2];
        }
        this.epochTime = epochTime;
    }

    /** Compiles a log_line_prefix as written in postgresql.conf (without the quotes). */
    static LinePrefix compile(String prefix) {
        List<int[]> elements = new ArrayList<>();
        List<byte[]> literalBytes = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean epoch = false;
        int i = 0;
        while (i < prefix.length()) {
            char c = prefix.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            int padStart = j;
            if (j < prefix.length() && prefix.charAt(j) == '-') {
                j++;
            }
            while (j < prefix.length() && Character.isDigit(prefix.charAt(j))) {
                j++;
            }
            int pad = j > padStart && !(j == padStart + 1 && prefix.charAt(padStart) == '-')
                    ? Integer.parseInt(prefix.substring(padStart, j)) : 0;
            if (j >= prefix.length() || ESCAPES.indexOf(prefix.charAt(j)) < 0) {
                throw UserError.input("The log line prefix '" + prefix + "' has '" + prefix.substring(i, Math.min(j + 1,
                        prefix.length())) + "', which is no log_line_prefix escape PostgreSQL writes (it knows %"
                        + String.join(" %", ESCAPES.split("")) + "). Give the server's own value: SHOW log_line_prefix;");
            }
            char escape = prefix.charAt(j);
            i = j + 1;
            if (escape == '%') {
                literal.append('%');
                continue;
            }
            if (!literal.isEmpty()) {
                elements.add(new int[] {LITERAL, -1, literalBytes.size()});
                literalBytes.add(literal.toString().getBytes(StandardCharsets.UTF_8));
                literal.setLength(0);
            }
            int[] element = switch (escape) {
                case 't' -> new int[] {TIMESTAMP, TIME, pad};
                case 'm' -> new int[] {TIMESTAMP_MS, TIME, pad};
                case 's' -> new int[] {TIMESTAMP, -1, pad};
                case 'n' -> new int[] {EPOCH, TIME, pad};
                case 'p' -> new int[] {DIGITS, PID, pad};
                case 'l', 'x' -> new int[] {DIGITS, -1, pad};
                case 'c' -> new int[] {SESSION_ID, SESSION, pad};
                case 'v' -> new int[] {VXID, -1, pad};
                case 'e' -> new int[] {SQLSTATE, -1, pad};
                case 'u' -> new int[] {FREE, USER, pad};
                case 'd' -> new int[] {FREE, DATABASE, pad};
                case 'a' -> new int[] {FREE, APPLICATION, pad};
                case 'h', 'r' -> new int[] {FREE, HOST, pad};
                case 'b', 'i' -> new int[] {FREE, -1, pad};
                default -> new int[] {QUIT, -1, 0};
            };
            if (escape == 'n') {
                epoch = true;
            }
            elements.add(element);
        }
        if (!literal.isEmpty()) {
            elements.add(new int[] {LITERAL, -1, literalBytes.size()});
            literalBytes.add(literal.toString().getBytes(StandardCharsets.UTF_8));
        }
        for (int[] e : elements) {
            if (e[0] == LITERAL) {
                e[2] = 0;
            }
        }
        LinePrefix compiled = new LinePrefix(prefix, elements, literalBytes, epoch);
        int literalIndex = 0;
        for (int k = 0; k < compiled.kinds.length; k++) {
            if (compiled.kinds[k] == LITERAL) {
                compiled.slots[k] = literalIndex++;
            }
        }
        return compiled;
    }

    /** The prefix as given. */
    String text() {
        return text;
    }

    boolean has(int slot) {
        for (int k = 0; k < kinds.length; k++) {
            if (kinds[k] != LITERAL && slots[k] == slot) {
                return true;
            }
        }
        return false;
    }

    /**
     * Matches the prefix at {@code from} in a line ending at {@code end}; returns where the severity starts, or -1
     * when the line is not one this prefix writes. The fields land in {@code m}.
     */
    int match(byte[] b, int from, int end, Match m) {
        m.clear();
        int fast = matchFirstChoice(b, from, end, m);
        if (fast >= 0) {
            return fast;
        }
        m.clear();
        return match(0, b, from, end, m);
    }

    /**
     * The common case without recursion: every free-text field ends at the first occurrence of the literal after it,
     * and the whole prefix is there (no %q cut). -1 when that does not give a severity; the backtracking matcher then
     * decides.
     */
    private int matchFirstChoice(byte[] b, int p, int end, Match m) {
        int n = kinds.length;
        for (int e = 0; e < n; e++) {
            int kind = kinds[e];
            if (kind == LITERAL) {
                byte[] lit = literals[slots[e]];
                if (!startsWith(b, p, end, lit)) {
                    return -1;
                }
                p += lit.length;
                continue;
            }
            if (kind == QUIT || pads[e] != 0) {
                if (kind == QUIT) {
                    continue;
                }
                return -1;
            }
            int q;
            if (kind == FREE) {
                int next = e + 1;
                if (next >= n || kinds[next] != LITERAL) {
                    return -1;
                }
                byte[] lit = literals[slots[next]];
                byte first = lit[0];
                q = -1;
                for (int i = p; i + lit.length <= end; i++) {
                    if (b[i] == first && startsWith(b, i, end, lit)) {
                        q = i;
                        break;
                    }
                }
            } else {
                q = switch (kind) {
                    case TIMESTAMP -> timestamp(b, p, end, 0);
                    case TIMESTAMP_MS -> timestamp(b, p, end, 1);
                    case EPOCH -> epoch(b, p, end);
                    case DIGITS -> digits(b, p, end);
                    case SESSION_ID -> sessionId(b, p, end);
                    case VXID -> vxid(b, p, end);
                    default -> sqlState(b, p, end);
                };
            }
            if (q < 0) {
                return -1;
            }
            capture(e, b, p, q, m);
            p = q;
        }
        return severityEnd(b, p, end) > 0 ? p : -1;
    }

    private int match(int e, byte[] b, int p, int end, Match m) {
        if (e == kinds.length) {
            return severityEnd(b, p, end) > 0 ? p : -1;
        }
        int kind = kinds[e];
        if (kind == LITERAL) {
            byte[] lit = literals[slots[e]];
            if (!startsWith(b, p, end, lit)) {
                return -1;
            }
            return match(e + 1, b, p + lit.length, end, m);
        }
        if (kind == QUIT) {
            int r = match(e + 1, b, p, end, m);
            if (r >= 0) {
                return r;
            }
            for (int k = e + 1; k < kinds.length; k++) {
                if (kinds[k] != LITERAL && slots[k] >= 0) {
                    m.start[slots[k]] = -1;
                }
            }
            if (m.start[PID] < 0) {
                m.pid = -1;
            }
            return severityEnd(b, p, end) > 0 ? p : -1;
        }
        if (kind == FREE) {
            return matchFree(e, b, p, end, m);
        }
        int s = p;
        if (pads[e] > 0) {
            while (s < end && b[s] == ' ') {
                s++;
            }
        }
        int q = switch (kind) {
            case TIMESTAMP -> timestamp(b, s, end, 0);
            case TIMESTAMP_MS -> timestamp(b, s, end, 1);
            case EPOCH -> epoch(b, s, end);
            case DIGITS -> digits(b, s, end);
            case SESSION_ID -> sessionId(b, s, end);
            case VXID -> vxid(b, s, end);
            default -> sqlState(b, s, end);
        };
        if (q < 0) {
            return -1;
        }
        capture(e, b, s, q, m);
        if (pads[e] < 0) {
            while (q < end && b[q] == ' ' && q - p < -pads[e]) {
                q++;
            }
        }
        return match(e + 1, b, q, end, m);
    }

    private int matchFree(int e, byte[] b, int p, int end, Match m) {
        int next = e + 1;
        if (next < kinds.length && kinds[next] == LITERAL) {
            byte[] lit = literals[slots[next]];
            for (int q = p; q + lit.length <= end; q++) {
                if (b[q] == lit[0] && startsWith(b, q, end, lit)) {
                    captureFree(e, b, p, q, m);
                    int r = match(next, b, q, end, m);
                    if (r >= 0) {
                        return r;
                    }
                }
            }
            return -1;
        }
        if (next == kinds.length || kinds[next] == QUIT) {
            for (int q = p; q < end; q++) {
                if (b[q] >= 'A' && b[q] <= 'Z' && (q == p || b[q - 1] == ' ') && severityEnd(b, q, end) > 0) {
                    captureFree(e, b, p, q, m);
                    int r = match(next, b, q, end, m);
                    if (r >= 0) {
                        return r;
                    }
                }
            }
            return -1;
        }
        int q = p;
        while (q < end && b[q] != ' ') {
            q++;
        }
        captureFree(e, b, p, q, m);
        return match(next, b, q, end, m);
    }

    private void captureFree(int e, byte[] b, int s, int q, Match m) {
        if (pads[e] != 0) {
            while (s < q && b[s] == ' ') {
                s++;
            }
            while (q > s && b[q - 1] == ' ') {
                q--;
            }
        }
        capture(e, b, s, q, m);
    }

    private void capture(int e, byte[] b, int s, int q, Match m) {
        int slot = slots[e];
        if (slot < 0) {
            return;
        }
        m.start[slot] = s;
        m.end[slot] = q;
        if (slot == PID) {
            long v = 0;
            for (int i = s; i < q; i++) {
                v = v * 10 + (b[i] - '0');
            }
            m.pid = v;
        }
    }

    /** The end of a severity such as "LOG:  " or "DEBUG2:  " at p, or -1. */
    static int severityEnd(byte[] b, int p, int end) {
        int q = p;
        while (q < end && q - p < 10 && b[q] >= 'A' && b[q] <= 'Z') {
            q++;
        }
        if (q - p < 3) {
            return -1;
        }
        if (q < end && b[q] >= '1' && b[q] <= '5') {
            q++;
        }
        if (q + 3 <= end && b[q] == ':' && b[q + 1] == ' ' && b[q + 2] == ' ') {
            return q + 3;
        }
        return -1;
    }

    static boolean startsWith(byte[] b, int p, int end, byte[] lit) {
        if (p + lit.length > end) {
            return false;
        }
        for (int i = 0; i < lit.length; i++) {
            if (b[p + i] != lit[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digitsAt(byte[] b, int p, int n, int end) {
        if (p + n > end) {
            return false;
        }
        for (int i = p; i < p + n; i++) {
            if (!digit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** "2024-05-01 10:11:12[.345] ZONE" where ZONE is letters or a signed number (+03, -0530). */
    static int timestamp(byte[] b, int p, int end) {
        return timestamp(b, p, end, -1);
    }

    /** {@code fraction}: 1 = milliseconds required (%m), 0 = none allowed (%t, %s), -1 = either. */
    private static int timestamp(byte[] b, int p, int end, int fraction) {
        if (p + 19 > end || !digitsAt(b, p, 4, end) || b[p + 4] != '-' || !digitsAt(b, p + 5, 2, end) || b[p + 7] != '-'
                || !digitsAt(b, p + 8, 2, end) || b[p + 10] != ' ' || !digitsAt(b, p + 11, 2, end) || b[p + 13] != ':'
                || !digitsAt(b, p + 14, 2, end) || b[p + 16] != ':' || !digitsAt(b, p + 17, 2, end)) {
            return -1;
        }
        int q = p + 19;
        boolean hasFraction = q < end && b[q] == '.';
        if (fraction >= 0 && hasFraction != (fraction == 1)) {
            return -1;
        }
        if (hasFraction) {
            q++;
            while (q < end && digit(b[q])) {
                q++;
            }
        }
        if (q >= end || b[q] != ' ') {
            return -1;
        }
        q++;
        int z = q;
        if (q < end && (b[q] == '+' || b[q] == '-')) {
            q++;
            while (q < end && (digit(b[q]) || b[q] == ':')) {
                q++;
            }
        } else {
            while (q < end && ((b[q] >= 'A' && b[q] <= 'Z') || (b[q] >= 'a' && b[q] <= 'z'))) {
                q++;
            }
        }
        return q > z ? q : -1;
    }

    private static int epoch(byte[] b, int p, int end) {
        int q = digits(b, p, end);
        if (q < 0 || q >= end || b[q] != '.') {
            return -1;
        }
        return digits(b, q + 1, end);
    }

    private static int digits(byte[] b, int p, int end) {
        int q = p;
        while (q < end && digit(b[q])) {
            q++;
        }
        return q > p ? q : -1;
    }

    private static boolean hex(byte c) {
        return digit(c) || (c >= 'a' && c <= 'f');
    }

    private static int sessionId(byte[] b, int p, int end) {
        int q = p;
        while (q < end && hex(b[q])) {
            q++;
        }
        if (q == p || q >= end || b[q] != '.') {
            return -1;
        }
        int r = ++q;
        while (q < end && hex(b[q])) {
            q++;
        }
        return q > r ? q : -1;
    }

    private static int vxid(byte[] b, int p, int end) {
        int q = p;
        while (q < end && (digit(b[q]) || b[q] == '/' || b[q] == '-')) {
            q++;
        }
        return q;
    }

    private static int sqlState(byte[] b, int p, int end) {
        if (p + 5 > end) {
            return -1;
        }
        for (int i = p; i < p + 5; i++) {
            if (!(digit(b[i]) || (b[i] >= 'A' && b[i] <= 'Z'))) {
                return -1;
            }
        }
        return p + 5;
    }

    @Override
    public String toString() {
        return text;
    }
}
