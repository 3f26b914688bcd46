package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** log_line_prefix escapes and line shapes beyond the common "%m [%p] " ones. */
class LinePrefixEscapesTest {

    private static String field(LinePrefix prefix, String line, int slot) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        LinePrefix.Match m = new LinePrefix.Match();
        if (prefix.match(b, 0, b.length, m) < 0) {
            return null;
        }
        return m.start[slot] < 0 ? "(absent)" : new String(b, m.start[slot], m.end[slot] - m.start[slot], StandardCharsets.UTF_8);
    }

    @Test
    void aDoublePercentIsALiteralPercentSign() {
        LinePrefix p = LinePrefix.compile("%t [%p] %% ");
        assertThat(field(p, "2024-05-01 10:11:12 UTC [9] % LOG:  x", LinePrefix.PID)).isEqualTo("9");
        assertThat(field(p, "2024-05-01 10:11:12 UTC [9] LOG:  x", LinePrefix.PID)).isNull();
        assertThat(p.toString()).isEqualTo("%t [%p] %% ");
    }

    @Test
    void numberedSeveritiesAndNumericZoneOffsets() {
        LinePrefix p = LinePrefix.compile("%m [%p] ");
        assertThat(field(p, "2024-05-01 10:11:12.345 UTC [9] DEBUG2:  x", LinePrefix.PID)).isEqualTo("9");
        assertThat(field(p, "2024-05-01 10:11:12.345 +03 [9] LOG:  x", LinePrefix.TIME))
                .isEqualTo("2024-05-01 10:11:12.345 +03");
        assertThat(field(p, "2024-05-01 10:11:12.345 -05:30 [9] LOG:  x", LinePrefix.TIME))
                .isEqualTo("2024-05-01 10:11:12.345 -05:30");
        assertThat(field(p, "2024-05-01 10:11:12.345 [9] LOG:  x", LinePrefix.PID)).as("no zone").isNull();
    }

    @Test
    void epochAndSessionStartTimestamps() {
        LinePrefix epoch = LinePrefix.compile("%n [%p] ");
        assertThat(field(epoch, "1714558272.345 [9] LOG:  x", LinePrefix.PID)).isEqualTo("9");
        assertThat(field(epoch, "1714558272 [9] LOG:  x", LinePrefix.PID)).as("%n always has a fraction").isNull();
        LinePrefix started = LinePrefix.compile("%s %p ");
        assertThat(field(started, "2024-05-01 10:00:00 UTC 9 LOG:  x", LinePrefix.PID)).isEqualTo("9");
    }

    @Test
    void sessionIdsAndSqlStatesMustHaveTheirShape() {
        LinePrefix session = LinePrefix.compile("%c %p ");
        assertThat(field(session, "6631a2b0.4d 9 LOG:  x", LinePrefix.SESSION)).isEqualTo("6631a2b0.4d");
        assertThat(field(session, "6631a2b0 9 LOG:  x", LinePrefix.SESSION)).isNull();
        LinePrefix state = LinePrefix.compile("%e %p ");
        assertThat(field(state, "57P01 9 LOG:  x", LinePrefix.PID)).isEqualTo("9");
        assertThat(field(state, "00a00 9 LOG:  x", LinePrefix.PID)).as("lower case").isNull();
        assertThat(field(state, "00", LinePrefix.PID)).as("too short").isNull();
    }

    @Test
    void leftAlignedPaddingIsTrimmed() {
        LinePrefix p = LinePrefix.compile("%m %-10u|%p ");
        assertThat(field(p, "2024-05-01 10:11:12.345 UTC lin       |9 LOG:  x", LinePrefix.USER)).isEqualTo("lin");
    }

    @Test
    void aUserAtTheVeryEndOfThePrefixStopsBeforeTheSeverity() {
        LinePrefix p = LinePrefix.compile("%m [%p] %u");
        String user = field(p, "2024-05-01 10:11:12.345 UTC [9] lin LOG:  x", LinePrefix.USER);
        assertThat(user).isNotNull();
        assertThat(user.strip()).isEqualTo("lin");
        assertThat(field(p, "2024-05-01 10:11:12.345 UTC [9] lin nothing here", LinePrefix.USER)).isNull();
    }

    @Test
    void afterPercentQTheMissingSessionFieldsAreAbsent() {
        LinePrefix p = LinePrefix.compile("%m %q[%p] %u@%d ");
        assertThat(field(p, "2024-05-01 10:11:12.345 UTC LOG:  checkpoint starting", LinePrefix.PID)).isEqualTo("(absent)");
        assertThat(field(p, "2024-05-01 10:11:12.345 UTC [9] LOG:  x", LinePrefix.PID)).isNull();
        assertThat(field(p, "2024-05-01 10:11:12.345 UTC [9] lin@shop LOG:  x", LinePrefix.DATABASE)).isEqualTo("shop");
    }

    @Test
    void anEscapePostgresDoesNotKnowIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> LinePrefix.compile("%m %z "))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'%z'")
                .hasMessageContaining("SHOW log_line_prefix");
        assertThatThrownBy(() -> LinePrefix.compile("%m %"))
                .isInstanceOf(UserError.class);
    }
}
