package io.knobwright.model.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PostgresUnitErrorsTest {

    private static InvalidValueException refusal(io.knobwright.model.catalog.ParameterSpec spec, String text) {
        return catchThrowableOfType(InvalidValueException.class, () -> Values.parse(spec, text));
    }

    @ParameterizedTest(name = "{1} on {0} -> did you mean {2}")
    @CsvSource({
            "work_mem, 1KB, 1kB",
            "work_mem, 512mb, 512MB",
            "work_mem, 1Gb, 1GB",
            "work_mem, 4 gib, 4GB",
            "work_mem, 2.5 MiB, 2.5MB",
            "checkpoint_timeout, 5 minutes, 5min",
            "checkpoint_timeout, 30 secs, 30s",
            "checkpoint_timeout, 1H, 1h",
            "checkpoint_timeout, 2 days, 2d",
    })
    void wrongSpellingOfAUnitIsRefusedWithTheRightSpelling(String name, String text, String suggestion) {
        var spec = name.equals("work_mem") ? WORK_MEM : CHECKPOINT_TIMEOUT;
        InvalidValueException e = refusal(spec, text);
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.suggestions()).containsExactly(suggestion);
        assertThat(e.getMessage()).contains("did you mean " + suggestion + "?").contains("case-sensitive");
    }

    @Test
    void aUnitSpelledInTheWrongCaseGetsTheFullExplanation() {
        assertThat(refusal(WORK_MEM, "1KB").getMessage()).isEqualTo(
                "work_mem on PostgreSQL 16: 1KB has the unit 'KB', which PostgreSQL does not know; did you mean 1kB?"
                        + " Units are case-sensitive (valid units: B, kB, MB, GB, TB)");
    }

    @Test
    void aDurationForAMemoryParameterIsAWrongUnit() {
        InvalidValueException e = refusal(WORK_MEM, "10ms");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).isEqualTo("work_mem on PostgreSQL 16: 10ms is a duration, but work_mem is a memory"
                + " size (valid units: B, kB, MB, GB, TB)");
    }

    @Test
    void aMemorySizeForADurationParameterIsAWrongUnit() {
        InvalidValueException e = refusal(STATEMENT_TIMEOUT, "5GB");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).isEqualTo("statement_timeout on PostgreSQL 16: 5GB is a memory size, but"
                + " statement_timeout is a duration (valid units: us, ms, s, min, h, d)");
    }

    @Test
    void aUnitOnAUnitlessParameterIsRefused() {
        InvalidValueException e = refusal(MAX_CONNECTIONS, "100MB");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).isEqualTo(
                "max_connections on PostgreSQL 16: 100MB has a unit, but max_connections takes a plain number");
    }

    @Test
    void anUnknownUnitIsMalformed() {
        InvalidValueException e = refusal(WORK_MEM, "12 parsecs");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.MALFORMED);
        assertThat(e.getMessage()).contains("unknown unit 'parsecs'").contains("valid units: B, kB, MB, GB, TB");
    }

    @ParameterizedTest
    @CsvSource({"abc", "'--1'", "'-'", "'.'", "'e5'", "MB", "'1 G B'", "''", "' '", "inf", "NaN"})
    void textThatIsNoNumberIsMalformed(String text) {
        InvalidValueException e = refusal(WORK_MEM, text);
        assertThat(e.reason()).isIn(InvalidValueException.Reason.MALFORMED, InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).startsWith("work_mem on PostgreSQL 16: ");
    }

    @Test
    void malformedNumberMessageShowsAnExample() {
        assertThat(refusal(WORK_MEM, "lots").getMessage()).isEqualTo("work_mem on PostgreSQL 16: lots is not a number;"
                + " write a number with one of the units B, kB, MB, GB, TB, e.g. 128MB");
    }

    @Test
    void nullIsRefusedWithAMessage() {
        assertThat(refusal(WORK_MEM, null).getMessage()).isEqualTo("work_mem on PostgreSQL 16: no value was given");
    }
}
