package io.knobwright.connectors.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The prefix matcher on lines a server writes with escapes the real-server tests do not cover. */
class LinePrefixTest {

    private static String field(LinePrefix prefix, String line, int slot) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        LinePrefix.Match m = new LinePrefix.Match();
        int severity = prefix.match(b, 0, b.length, m);
        if (severity < 0) {
            return null;
        }
        return m.start[slot] < 0 ? "(absent)" : new String(b, m.start[slot], m.end[slot] - m.start[slot], StandardCharsets.UTF_8);
    }

    @Test
    void anApplicationNameWithSpacesBacktracksPastTheSpacesInIt() {
        LinePrefix p = LinePrefix.compile("%t [%p]: user=%u,db=%d,app=%a ");
        String line = "2024-05-01 10:11:12 UTC [7]: user=lin,db=shop,app=PostgreSQL JDBC Driver LOG:  statement: SELECT 1";
        assertEquals("PostgreSQL JDBC Driver", field(p, line, LinePrefix.APPLICATION));
        assertEquals("7", field(p, line, LinePrefix.PID));
    }

    @Test
    void backgroundProcessesStopAtPercentQ() {
        LinePrefix p = LinePrefix.compile("%m [%p] %q%u@%d ");
        assertEquals("(absent)", field(p, "2024-05-01 10:11:12.345 CEST [9] LOG:  checkpoint starting: time", LinePrefix.USER));
        assertEquals("lin", field(p, "2024-05-01 10:11:12.345 CEST [9] lin@shop LOG:  statement: SELECT 1", LinePrefix.USER));
    }

    @Test
    void paddedEscapesAndEmptyFieldsMatch() {
        LinePrefix p = LinePrefix.compile("%-8p|%10u|%e|%v|%x|%r ");
        assertEquals("42", field(p, "42      |       lin|00000|3/14|0|10.0.0.5(51000) LOG:  statement: SELECT 1", LinePrefix.PID));
        assertEquals("lin", field(p, "42      |       lin|00000|3/14|0|10.0.0.5(51000) LOG:  statement: SELECT 1", LinePrefix.USER));
        assertEquals("", field(p, "43      |          |00000||0| LOG:  checkpoint", LinePrefix.USER));
    }

    @Test
    void aLineOfAnotherPrefixOrWithoutSeverityDoesNotMatch() {
        LinePrefix p = LinePrefix.compile("%m [%p] ");
        assertEquals("9", field(p, "2024-05-01 10:11:12.345 UTC [9] LOG:  x", LinePrefix.PID));
        assertEquals(null, field(p, "2024-05-01 10:11:12.345 UTC (9) LOG:  x", LinePrefix.PID));
        assertEquals(null, field(p, "2024-05-01 10:11:12.345 UTC [9] just text", LinePrefix.PID));
        assertEquals(null, field(p, "\tFROM t", LinePrefix.PID));
    }
}
