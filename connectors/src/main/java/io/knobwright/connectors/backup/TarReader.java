package io.knobwright.connectors.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a tar stream entry by entry, as pg_basebackup writes it (ustar headers, names under 100 bytes plus the
 * ustar prefix, sizes in octal or GNU base-256, two zero blocks at the end). It exists so a tar-format base backup can
 * be checked in one pass without extracting it; and it tells a damaged tar apart from a short one: a header whose
 * checksum does not add up is {@link Corrupt}, a stream that ends inside an entry or before the end-of-archive blocks
 * is {@link Truncated}.
 */
final class TarReader {

    private static final int BLOCK = 512;

    /** One entry: its name, its type flag ('0' file, '5' directory, '2' symlink, ...) and its size. */
    record Entry(String name, char type, long size) {
        boolean regularFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    /** The stream ends inside an entry or before the tar's end-of-archive blocks. */
    static final class Truncated extends IOException {
        Truncated(String message) {
            super(message);
        }
    }

    /** A header that is not a tar header (its checksum does not add up). */
    static final class Corrupt extends IOException {
        Corrupt(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private long remaining;
    private long padding;
    private long offset;
    private String current = "";

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or empty at the end-of-archive marker; the previous entry's unread content is skipped. */
    Optional<Entry> next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        byte[] header = new byte[BLOCK];
        long at = offset;
        if (!fill(header)) {
            throw new Truncated("the tar ends after " + describeLast() + " without its end-of-archive marker");
        }
        if (allZero(header)) {
            return Optional.empty();
        }
        if (checksum(header) != parseOctal(header, 148, 8)) {
            throw new Corrupt("the tar header at byte " + at + " (after " + describeLast() + ") is corrupt: its checksum does not add up");
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty()) {
            name = prefix + "/" + name;
        }
        if (name.startsWith("./")) {
            name = name.substring(2);
        }
        long size = size(header);
        char type = (char) header[156];
        current = name;
        remaining = type == '5' || type == '2' || type == '1' ? 0 : size;
        padding = (BLOCK - remaining % BLOCK) % BLOCK;
        return Optional.of(new Entry(name, type, remaining));
    }

    /** The current entry's content; reading past it returns -1, a stream ending inside it throws {@link Truncated}. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new Truncated("the tar ends inside " + current + " (" + remaining + " of its bytes missing)");
                }
                remaining -= n;
                offset += n;
                return n;
            }
        };
    }

    private String describeLast() {
        return current.isEmpty() ? "its start" : current;
    }

    private void skip(long bytes) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new Truncated("the tar ends inside " + current + " (" + left + " of its bytes missing)");
            }
            left -= n;
            offset += n;
        }
    }

    private boolean fill(byte[] block) throws IOException {
        int got = 0;
        while (got < block.length) {
            int n = in.read(block, got, block.length - got);
            if (n < 0) {
                return false;
            }
            got += n;
        }
        offset += got;
        return true;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long value = 0; // GNU base-256, for files of 8 GB and more
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        return parseOctal(header, 124, 12);
    }

    private static long parseOctal(byte[] header, int from, int length) {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < from + length; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
                digits = true;
            } else if (digits || (b != ' ' && b != 0)) {
                break;
            }
        }
        return digits ? value : -1;
    }

    private static String text(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }
}
