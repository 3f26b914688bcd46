package io.knobwright.model.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void exactDivisionGivesWhatBigDecimalGivesValueAndScale() {
        Random random = new Random(7);
        long[] divisors = {1, 3, 8, 60, 1000, 1024, 8192, 60_000, 3_600_000, 1L << 30, 1L << 40, -7};
        for (int i = 0; i < 20_000; i++) {
            BigDecimal x = BigDecimal.valueOf(random.nextLong() >> random.nextInt(60), random.nextInt(12) - 4);
            long divisor = divisors[random.nextInt(divisors.length)];
            BigDecimal expected;
            try {
                expected = x.divide(BigDecimal.valueOf(divisor));
            } catch (ArithmeticException nonTerminating) {
                expected = null;
            }
            assertThat(Numbers.divideExactly(x, divisor)).as(x + " / " + divisor).isEqualTo(expected);
        }
    }

    @Test
    void aQuotientThatNeverEndsOrADivisionByZeroHasNoExactValue() {
        assertThat(Numbers.divideExactly(new BigDecimal("7"), 60)).isNull();
        assertThat(Numbers.divideExactly(new BigDecimal("5"), 0)).isNull();
    }
}
