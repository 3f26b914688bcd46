package io.knobwright.connectors.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Timestamp shapes a DBA meets in log_line_prefix %t/%m output: offsets, fractions, odd zones, garbage. */
class PgTimeFormatsTest {

    private static Instant parse(PgTime time, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return time.parse(b, 0, b.length);
    }

    @Test
    void tooShortOrNotADateIsNoTimestamp() {
        PgTime time = new PgTime();
        assertThat(parse(time, "2024-05-01 10:11")).isNull();
        assertThat(time.parse(new byte[30], -1, 20)).isNull();
        assertThat(parse(time, "2024-0X-01 10:11:12 UTC")).isNull();
        assertThat(parse(time, "2024-13-01 10:11:12 UTC")).as("month 13").isNull();
    }

    @Test
    void numericOffsetsWithAndWithoutMinutes() {
        PgTime time = new PgTime();
        assertThat(parse(time, "2024-05-01 10:11:12.5 +05:30")).isEqualTo(Instant.parse("2024-05-01T04:41:12.500Z"));
        assertThat(parse(time, "2024-05-01 10:11:12 -03")).isEqualTo(Instant.parse("2024-05-01T13:11:12Z"));
        assertThat(parse(time, "2024-05-01 10:11:12.123456 +0545")).isEqualTo(Instant.parse("2024-05-01T04:26:12.123456Z"));
        assertThat(PgTime.zone("-09:30")).isEqualTo(ZoneOffset.ofHoursMinutes(-9, -30));
    }

    @Test
    void theSameSecondAndZoneIsReusedWhileTheFractionChanges() {
        PgTime time = new PgTime();
        assertThat(parse(time, "2024-05-01 10:11:12.100 +02")).isEqualTo(Instant.parse("2024-05-01T08:11:12.100Z"));
        assertThat(parse(time, "2024-05-01 10:11:12.900 +02")).isEqualTo(Instant.parse("2024-05-01T08:11:12.900Z"));
        assertThat(parse(time, "2024-05-01 10:11:12.900 +03")).isEqualTo(Instant.parse("2024-05-01T07:11:12.900Z"));
    }

    @Test
    void zoneNamesAndUnknownAbbreviations() {
        assertThat(PgTime.zone("")).isEqualTo(ZoneOffset.UTC);
        assertThat(PgTime.zone("Z")).isEqualTo(ZoneOffset.UTC);
        assertThat(PgTime.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(PgTime.zone("QQQZ")).as("unknown abbreviation counts as UTC").isEqualTo(ZoneOffset.UTC);
        PgTime time = new PgTime();
        assertThat(parse(time, "2024-01-15 10:00:00 Europe/Berlin")).isEqualTo(Instant.parse("2024-01-15T09:00:00Z"));
        assertThat(parse(time, "2024-01-15 10:00:00.25 QQQZ")).isEqualTo(Instant.parse("2024-01-15T10:00:00.250Z"));
    }

    @Test
    void epochSecondsFromTheNEscape() {
        byte[] b = "1714558272.345 rest".getBytes(StandardCharsets.US_ASCII);
        assertThat(PgTime.parseEpoch(b, 0, b.length)).isEqualTo(Instant.parse("2024-05-01T10:11:12.345Z"));
        byte[] none = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(PgTime.parseEpoch(none, 0, none.length)).isNull();
    }
}
