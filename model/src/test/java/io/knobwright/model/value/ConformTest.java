package io.knobwright.model.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Values computed by templates (fractions of RAM, multiples of connections) brought into a parameter's terms. */
class ConformTest {

    @Test
    void aQuarterOfRamInBytesBecomesBlocks() {
        NumericValue quarterOf8GB = NumericValue.of(2147483648L, Unit.BYTES);
        assertThat(Values.conform(SHARED_BUFFERS, quarterOf8GB)).isEqualTo(number(262144, SHARED_BUFFERS));
        assertThat(Values.format(SHARED_BUFFERS, Values.conform(SHARED_BUFFERS, quarterOf8GB))).isEqualTo("2GB");
    }

    @Test
    void integerParametersRoundHalfToEven() {
        assertThat(Values.conform(WORK_MEM, new NumericValue(new BigDecimal("65.5"), Unit.KILOBYTES)))
                .isEqualTo(number(66, WORK_MEM));
        assertThat(Values.conform(WORK_MEM, new NumericValue(new BigDecimal("66.5"), Unit.KILOBYTES)))
                .isEqualTo(number(66, WORK_MEM));
        assertThat(Values.conform(VACUUM_COST_DELAY, new NumericValue(new BigDecimal("2.5"), Unit.MILLISECONDS)))
                .isEqualTo(number("2.5", VACUUM_COST_DELAY));
    }

    @Test
    void computedValuesOutsideTheRangeAreRefusedInHumanUnits() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> Values.conform(SHARED_BUFFERS, NumericValue.of(64, Unit.KILOBYTES)));
        assertThat(e.getMessage()).isEqualTo(
                "shared_buffers on PostgreSQL 16: 64kB is below the minimum 128kB (valid: 128kB .. 8589934584kB)");
    }

    @Test
    void computedValuesOfTheWrongKindAreRefused() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> Values.conform(WORK_MEM, NumericValue.of(1, Unit.SECONDS)));
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).isEqualTo("work_mem on PostgreSQL 16: 1s is a duration, but work_mem is a memory size");
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> Values.conform(ENABLE_SEQSCAN, NumericValue.of(1, Unit.NONE))).reason())
                .isEqualTo(InvalidValueException.Reason.MALFORMED);
    }

    @Test
    void nonNumericValuesAreCheckedAgainstTheSpec() {
        assertThat(Values.conform(WAL_LEVEL, new EnumValue("REPLICA"))).isEqualTo(new EnumValue("replica"));
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> Values.conform(WAL_LEVEL, new EnumValue("archive"))).reason())
                .isEqualTo(InvalidValueException.Reason.NOT_ALLOWED);
        assertThat(Values.conform(ENABLE_SEQSCAN, BooleanValue.ON)).isEqualTo(BooleanValue.ON);
    }
}
