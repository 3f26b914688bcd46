package io.knobwright.connectors.logs;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.Arrays;
import java.util.Locale;

/**
 * PostgreSQL's log timestamps ("2024-05-01 10:11:12.345 CEST", "... +03", epoch "1714558272.345") read from bytes.
 * A log repeats the same second on many lines, so the date, time and zone are turned into epoch seconds once per
 * distinct second and zone (the last one is kept) and only the milliseconds are read per line. Zone abbreviations
 * are resolved from the JDK's zone names; one it does not know counts as UTC (decision 0122).
 */
final class PgTime {

    private byte[] lastKey = new byte[0];
    private long lastSeconds;

    /** The instant of a timestamp in [from, to), or null when it is not one. */
    Instant parse(byte[] b, int from, int to) {
        if (from < 0 || to - from < 19) {
            return null;
        }
        int msStart = from + 19;
        int zoneStart = msStart;
        long nanos = 0;
        if (b[msStart] == '.') {
            int q = msStart + 1;
            long scale = 100_000_000L;
            while (q < to && b[q] >= '0' && b[q] <= '9') {
                nanos += (b[q] - '0') * scale;
                scale /= 10;
                q++;
            }
            zoneStart = q;
        }
        // the key: date, time and zone without the fraction
        int keyLength = 19 + (to - zoneStart);
        if (lastKey.length != keyLength || !Arrays.equals(lastKey, 0, 19, b, from, from + 19)
                || !Arrays.equals(lastKey, 19, keyLength, b, zoneStart, to)) {
            Long seconds = seconds(b, from, zoneStart, to);
            if (seconds == null) {
                return null;
            }
            byte[] key = new byte[keyLength];
            System.arraycopy(b, from, key, 0, 19);
            System.arraycopy(b, zoneStart, key, 19, to - zoneStart);
            lastKey = key;
            lastSeconds = seconds;
        }
        return Instant.ofEpochSecond(lastSeconds, nanos);
    }

    /** "1714558272.345", the %n escape. */
    static Instant parseEpoch(byte[] b, int from, int to) {
        long seconds = 0;
        int q = from;
        while (q < to && b[q] >= '0' && b[q] <= '9') {
            seconds = seconds * 10 + (b[q++] - '0');
        }
        long nanos = 0;
        if (q < to && b[q] == '.') {
            long scale = 100_000_000L;
            for (q++; q < to && b[q] >= '0' && b[q] <= '9'; q++) {
                nanos += (b[q] - '0') * scale;
                scale /= 10;
            }
        }
        return q == from ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    private static Long seconds(byte[] b, int from, int zoneStart, int to) {
        try {
            LocalDateTime local = LocalDateTime.of(num(b, from, 4), num(b, from + 5, 2), num(b, from + 8, 2),
                    num(b, from + 11, 2), num(b, from + 14, 2), num(b, from + 17, 2));
            String zone = new String(b, zoneStart, to - zoneStart, StandardCharsets.US_ASCII).trim();
            return local.atZone(zone(zone)).toEpochSecond();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static ZoneId zone(String zone) {
        if (zone.isEmpty() || zone.equals("UTC") || zone.equals("GMT") || zone.equals("Z")) {
            return ZoneOffset.UTC;
        }
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            String digits = zone.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, 2) : digits);
            int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        ZoneOffset known = abbreviations().get(zone);
        if (known != null) {
            return known;
        }
        try {
            return ZoneId.of(zone, ZoneId.SHORT_IDS);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private static volatile Map<String, ZoneOffset> abbreviations;

    /**
     * Time zone abbreviations ("CEST", "EDT", "JST") and their offsets, from the JDK's English zone names: standard
     * and daylight-saving names of every zone; where two zones share an abbreviation with different offsets, the first
     * in the JDK's order wins. Built once, on the first log whose timestamps carry one.
     */
    private static Map<String, ZoneOffset> abbreviations() {
        Map<String, ZoneOffset> map = abbreviations;
        if (map == null) {
            map = new HashMap<>();
            for (String id : TimeZone.getAvailableIDs()) {
                TimeZone tz = TimeZone.getTimeZone(id);
                map.putIfAbsent(tz.getDisplayName(false, TimeZone.SHORT, Locale.ENGLISH),
                        ZoneOffset.ofTotalSeconds(tz.getRawOffset() / 1000));
                if (tz.useDaylightTime()) {
                    map.putIfAbsent(tz.getDisplayName(true, TimeZone.SHORT, Locale.ENGLISH),
                            ZoneOffset.ofTotalSeconds((tz.getRawOffset() + tz.getDSTSavings()) / 1000));
                }
            }
            abbreviations = map;
        }
        return map;
    }

    private static int num(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException();
            }
            v = v * 10 + d;
        }
        return v;
    }
}
