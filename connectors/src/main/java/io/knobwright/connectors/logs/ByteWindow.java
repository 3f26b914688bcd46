package io.knobwright.connectors.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A sliding window of raw bytes over a log, refilled in large reads. Parsers walk {@link #buf} with plain indexes
 * and call {@link #refill} when a record runs past {@link #limit}; the window keeps the bytes from the record's
 * start on, so a record never has to be copied elsewhere to be parsed, however many reads it spans. A record larger
 * than the window grows it (one statement of many megabytes is legal).
 */
final class ByteWindow {

    static final int DEFAULT_SIZE = 4 << 20;

    private final InputStream in;
    private final ImportControl control;
    private final boolean countBytes;
    byte[] buf;
    /** End of the valid bytes in {@link #buf}. */
    int limit;
    /** File offset of buf[0]. */
    long base;
    boolean eof;

    ByteWindow(InputStream in, long startOffset, int size, ImportControl control) {
        this(in, startOffset, size, control, true);
    }

    /** {@code countBytes}: whether the bytes read count as progress (not when they come out of a decompressor). */
    ByteWindow(InputStream in, long startOffset, int size, ImportControl control, boolean countBytes) {
        this.countBytes = countBytes;
        this.in = in;
        this.buf = new byte[size];
        this.base = startOffset;
        this.control = control;
    }

    /**
     * Reads more bytes, keeping those from {@code keepFrom} on, which move to the start of the window. Returns how
     * far they moved (callers subtract it from the indexes they hold); {@link #eof} says when nothing more came.
     */
    int refill(int keepFrom) {
        if (eof) {
            return 0;
        }
        int kept = limit - keepFrom;
        if (keepFrom == 0 && limit == buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, 1 << 16)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        } else if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, kept);
            base += keepFrom;
            limit = kept;
        }
        control.checkCancelled();
        try {
            int n;
            do {
                n = in.read(buf, limit, buf.length - limit);
            } while (n == 0);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
                if (countBytes) {
                    control.addBytes(n);
                }
            }
            return keepFrom;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the first '\n' in [from, to), or -1; eight bytes at a time (a bit trick for "has a zero byte"). */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        int end8 = to - 8;
        while (i <= end8) {
            long word = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
