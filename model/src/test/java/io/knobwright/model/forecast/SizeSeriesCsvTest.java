package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeSeriesCsvTest {

    @Test
    void readsIsoTimestampsEpochSecondsAndAHeader() {
        SizeSeries series = SizeSeriesCsv.read(new StringReader("""
                timestamp,bytes
                2026-03-01T00:00:00Z,1000
                # a comment
                2026-03-02T06:00:00+02:00,2000
                1772582400,3000
                2026-03-05,4000
                """), "sizes.csv");

        assertThat(series.points()).extracting(SizePoint::at).containsExactly(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-02T04:00:00Z"), Instant.ofEpochSecond(1772582400L), Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(series.points()).extracting(SizePoint::bytes).containsExactly(1000L, 2000L, 3000L, 4000L);
    }

    @Test
    void malformedLinesRejectTheFileNamingEachLine() {
        assertThatThrownBy(() -> SizeSeriesCsv.read(new StringReader("""
                2026-03-01T00:00:00Z,1000
                yesterday,2000
                2026-03-03T00:00:00Z,lots
                2026-03-04T00:00:00Z,-5
                2026-03-05T00:00:00Z
                """), "sizes.csv"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("sizes.csv has 4 malformed lines; nothing was imported")
                .hasMessageContaining("line 2: 'yesterday' is not a timestamp")
                .hasMessageContaining("line 3: 'lots' is not a whole number of bytes")
                .hasMessageContaining("line 4: bytes -5 is negative")
                .hasMessageContaining("line 5: expected 2 fields");
    }

    @Test
    void anEmptyFileSaysWhatALineLooksLike() {
        assertThatThrownBy(() -> SizeSeriesCsv.read(new StringReader("timestamp,bytes\n"), "empty.csv"))
                .isInstanceOf(UserError.class).hasMessageContaining("has no sizes; each line is timestamp,bytes");
    }
}
