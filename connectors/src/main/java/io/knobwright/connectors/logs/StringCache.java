package io.knobwright.connectors.logs;

import java.nio.charset.StandardCharsets;

/**
 * Strings for the few values a log repeats on every line (users, databases, applications, session ids), made from
 * bytes without allocating when the value was seen recently: a small direct-mapped table keyed by the bytes' hash,
 * where a collision simply replaces the entry. One per parsing thread.
 */
final class StringCache {

    private static final int SIZE = 1024;
    private final byte[][] keys = new byte[SIZE][];
    private final String[] values = new String[SIZE];

    String get(byte[] b, int from, int to) {
        if (from < 0 || to <= from) {
            return "";
        }
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == to - from && java.util.Arrays.equals(key, 0, key.length, b, from, to)) {
            return values[slot];
        }
        String value = new String(b, from, to - from, StandardCharsets.UTF_8);
        keys[slot] = java.util.Arrays.copyOfRange(b, from, to);
        values[slot] = value;
        return value;
    }

    String get(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return get(b, 0, b.length);
    }
}
