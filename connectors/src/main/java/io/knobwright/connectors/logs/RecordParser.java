package io.knobwright.connectors.logs;

/**
 * The loop every format shares: find where the record at hand ends (a format's own rule: continuation lines,
 * quotes, header lines), parse it in place, go on; when the record runs past the window, refill and find its end
 * again from its start. A parser reads one byte range: it starts at a record start and stops at the first record
 * that starts at or after {@code stopAt} (the next range's start), so ranges split a file without overlap.
 */
abstract class RecordParser {

    final ByteWindow window;
    final long stopAt;
    final ImportCounts counts = new ImportCounts();

    RecordParser(ByteWindow window, long stopAt) {
        this.window = window;
        this.stopAt = stopAt;
    }

    final ImportCounts run() {
        ByteWindow w = window;
        int p = 0;
        while (true) {
            if (p >= w.limit) {
                if (w.eof) {
                    break;
                }
                p -= w.refill(p);
                continue;
            }
            if (w.base + p >= stopAt) {
                break;
            }
            int end = recordEnd(w.buf, p, w.limit, w.eof);
            if (end < 0) {
                p -= w.refill(p);
                continue;
            }
            counts.entries++;
            boolean truncated = w.eof && end == w.limit && w.buf[end - 1] != '\n';
            record(w.buf, p, end, truncated);
            p = end;
        }
        finish();
        return counts;
    }

    /**
     * Where the record starting at p ends (the index after its last byte), or -1 when the window ends first and
     * more bytes may come; at the end of the log ({@code eof}) it always answers.
     */
    abstract int recordEnd(byte[] b, int p, int limit, boolean eof);

    /** Parses one record [p, end); {@code truncated} when the log ends inside it, without a line break. */
    abstract void record(byte[] b, int p, int end, boolean truncated);

    void finish() {
    }

    long offset(int index) {
        return window.base + index;
    }

    /** The end of the line at p: the index after its '\n', or -1 when not in the window yet. */
    static int lineEnd(byte[] b, int p, int limit) {
        int nl = ByteWindow.indexOfNewline(b, p, limit);
        return nl < 0 ? -1 : nl + 1;
    }

    /** The end of the line's content: before "\r\n" or "\n". */
    static int contentEnd(byte[] b, int p, int end) {
        while (end > p && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        return end;
    }
}
