package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import org.junit.jupiter.api.Test;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RangeMessagesTest {

    private static InvalidValueException refusal(ParameterSpec spec, String text) {
        return catchThrowableOfType(InvalidValueException.class, () -> Values.parse(spec, text));
    }

    @Test
    void valueAboveAnExactRoundMaximumNamesTheRangeInHumanUnits() {
        ParameterSpec upTo8TB = pg("shared_buffers", ParameterType.INTEGER, "8kB", 16, 1073741824L);
        assertThat(refusal(upTo8TB, "10TB").getMessage())
                .isEqualTo("shared_buffers on PostgreSQL 16: 10TB is above the maximum 8TB (valid: 128kB .. 8TB)");
    }

    @Test
    void valueAboveAnUnevenMaximumShowsItRoundedAndTheExactRange() {
        // pg_settings says 1073741823 blocks: one block short of 8TB, so "8TB" itself is refused.
        InvalidValueException e = refusal(SHARED_BUFFERS, "10TB");
        assertThat(e.getMessage()).isEqualTo(
                "shared_buffers on PostgreSQL 16: 10TB is above the maximum ~8TB (valid: 128kB .. 8589934584kB)");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.ABOVE_MAXIMUM);
        assertThat(e.parameter()).isEqualTo("shared_buffers");
        assertThat(e.engineVersion()).isEqualTo("PostgreSQL 16");
        assertThat(e.given()).isEqualTo("10TB");
        assertThat(Values.problem(SHARED_BUFFERS, "8TB")).isPresent();
        assertThat(Values.problem(SHARED_BUFFERS, "8589934584kB")).isEmpty();
    }

    @Test
    void valueBelowTheMinimumNamesTheMinimum() {
        assertThat(refusal(SHARED_BUFFERS, "64kB").getMessage()).isEqualTo(
                "shared_buffers on PostgreSQL 16: 64kB is below the minimum 128kB (valid: 128kB .. 8589934584kB)");
        assertThat(refusal(CHECKPOINT_TIMEOUT, "10s").getMessage()).isEqualTo(
                "checkpoint_timeout on PostgreSQL 16: 10s is below the minimum 30s (valid: 30s .. 1d)");
        assertThat(refusal(CHECKPOINT_TIMEOUT, "10s").reason()).isEqualTo(InvalidValueException.Reason.BELOW_MINIMUM);
    }

    @Test
    void rangeCheckUsesTheRoundedValueAsTheServerDoes() {
        assertThat(Values.problem(CHECKPOINT_TIMEOUT, "29.5s")).isEmpty();     // rounds to 30 (half to even)
        assertThat(Values.problem(CHECKPOINT_TIMEOUT, "29.4s")).isPresent();
    }

    @Test
    void unitlessBoundsAreShownAsPlainNumbers() {
        assertThat(refusal(MAX_CONNECTIONS, "0").getMessage()).isEqualTo(
                "max_connections on PostgreSQL 16: 0 is below the minimum 1 (valid: 1 .. 262143)");
    }

    @Test
    void hugeNumbersAreOutOfRangeNotCrashes() {
        assertThat(refusal(SHARED_BUFFERS, "9223372036854775808GB").reason())
                .isEqualTo(InvalidValueException.Reason.ABOVE_MAXIMUM);
        assertThat(refusal(SHARED_BUFFERS, "1e999999").reason()).isEqualTo(InvalidValueException.Reason.ABOVE_MAXIMUM);
        assertThat(refusal(SHARED_BUFFERS, "1e999999999999999999").reason())
                .isEqualTo(InvalidValueException.Reason.ABOVE_MAXIMUM);
        assertThat(refusal(SHARED_BUFFERS, "-1e999999").reason()).isEqualTo(InvalidValueException.Reason.BELOW_MINIMUM);
        assertThat(refusal(SHARED_BUFFERS, "1e-999999").getMessage()).contains("too close to zero");
    }

    @Test
    void integersWithoutCatalogBoundsStillRespectPostgresIntegerRange() {
        assertThat(Values.problem(UNBOUNDED_INT, "2147483647")).isEmpty();
        assertThat(refusal(UNBOUNDED_INT, "2147483648").getMessage()).isEqualTo(
                "some_int on PostgreSQL 16: 2147483648 is above the maximum 2147483647 (valid: -2147483648 .. 2147483647)");
    }

    @Test
    void validRangeIsAvailableForDisplay() {
        assertThat(Values.validRange(CHECKPOINT_TIMEOUT)).isEqualTo("30s .. 1d");
        assertThat(Values.validRange(WORK_MEM)).isEqualTo("64kB .. 2147483647kB");
        assertThat(Values.validRange(SGA_TARGET)).isEqualTo("at least 0");
        assertThat(Values.validRange(ENABLE_SEQSCAN)).isEmpty();
    }

    @Test
    void hostileInputIsEchoedSafely() {
        String message = refusal(WORK_MEM, "12\u0000\u001b[31mred" + "x".repeat(100)).getMessage();
        assertThat(message).doesNotContain("\u0000").doesNotContain("\u001b").contains("…");
    }
}
