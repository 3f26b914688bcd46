package io.knobwright.model.workload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XXH64 (seed 0) as specified by xxHash (Yann Collet, BSD-2), written out so that a fingerprint id is the same in every
 * JVM and can be recomputed by any xxHash library over the normalised text's UTF-8 bytes. Checked against libxxhash.
 */
final class Xxh64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** XXH64 of {@code b}[0, length), seed 0. */
    static long hash(byte[] b, int length) {
        int i = 0;
        long h;
        if (length >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            int limit = length - 32;
            do {
                v1 = round(v1, (long) LONGS.get(b, i));
                v2 = round(v2, (long) LONGS.get(b, i + 8));
                v3 = round(v3, (long) LONGS.get(b, i + 16));
                v4 = round(v4, (long) LONGS.get(b, i + 24));
                i += 32;
            } while (i <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += length;
        while (i + 8 <= length) {
            h ^= round(0, (long) LONGS.get(b, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i + 4 <= length) {
            h ^= ((int) INTS.get(b, i) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < length) {
            h ^= (b[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long h, long v) {
        h ^= round(0, v);
        return h * P1 + P4;
    }


    private Xxh64() {
    }

    /** The UTF-8 encoding of {@code text}[0, length) into {@code bytes} (3 per char at most); a lone surrogate is '?'. */
    static int utf8(char[] text, int length, byte[] bytes) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xc0 | (c >> 6));
                bytes[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1])) {
                int cp = Character.toCodePoint(c, text[++i]);
                bytes[n++] = (byte) (0xf0 | (cp >> 18));
                bytes[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                bytes[n++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                bytes[n++] = '?';
            } else {
                bytes[n++] = (byte) (0xe0 | (c >> 12));
                bytes[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[n++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return n;
    }
}
