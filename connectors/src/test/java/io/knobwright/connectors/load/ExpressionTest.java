package io.knobwright.connectors.load;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionTest {

    private final SplittableRandom random = new SplittableRandom(42);

    private Number eval(String text) {
        return Expression.parse(text).evaluate(Map.of("scale", 10L, "half", 0.5), random);
    }

    @Test
    void arithmeticFollowsPgbenchsIntegerAndDoubleRules() {
        assertThat(eval("7 / 2")).isEqualTo(3L);
        assertThat(eval("-7 / 2")).isEqualTo(-3L);
        assertThat(eval("7 % 3 + 2 * (3 - 1)")).isEqualTo(5L);
        assertThat(eval("7 / 2.0")).isEqualTo(3.5);
        assertThat(eval("1.5e1 - :half * 2")).isEqualTo(14.0);
        assertThat(eval("+:scale * 100000")).isEqualTo(1_000_000L);
        assertThat(eval("-:half")).isEqualTo(-0.5);
        assertThat(eval(".5 + 1")).isEqualTo(1.5);
    }

    @Test
    void functionsKeepIntegersWhereAllArgumentsAreIntegers() {
        assertThat(eval("abs(-3)")).isEqualTo(3L);
        assertThat(eval("abs(-3.5)")).isEqualTo(3.5);
        assertThat(eval("least(5, 2, 9)")).isEqualTo(2L);
        assertThat(eval("greatest(5, 2.5, 9)")).isEqualTo(9.0);
        assertThat(eval("least(5, 2.5)")).isEqualTo(2.5);
        assertThat(eval("INT(9.9)")).isEqualTo(9L);
        assertThat(eval("int(7)")).isEqualTo(7L);
        assertThat(eval("double(7)")).isEqualTo(7.0);
    }

    @Test
    void randomDrawsStayWithinTheirBounds() {
        for (int i = 0; i < 2000; i++) {
            assertThat(eval("random(1, 10)").longValue()).isBetween(1L, 10L);
            assertThat(eval("random_exponential(1, 100, 5)").longValue()).isBetween(1L, 100L);
            assertThat(eval("random_gaussian(1, 100, 2.5)").longValue()).isBetween(1L, 100L);
            assertThat(eval("random_zipfian(1, 100, 1.5)").longValue()).isBetween(1L, 100L);
        }
        assertThat(eval("random(5, 5)")).isEqualTo(5L);
    }

    @Test
    void skewedDrawsFavourTheirMode() {
        Map<Long, Integer> zipf = new HashMap<>();
        Map<Long, Integer> exponential = new HashMap<>();
        long gaussianMiddle = 0;
        for (int i = 0; i < 5000; i++) {
            zipf.merge(eval("random_zipfian(1, 1000, 1.2)").longValue(), 1, Integer::sum);
            exponential.merge(eval("random_exponential(1, 10, 3)").longValue(), 1, Integer::sum);
            long g = eval("random_gaussian(1, 100, 5)").longValue();
            if (g > 40 && g <= 60) {
                gaussianMiddle++;
            }
        }
        assertThat(zipf.get(1L)).isGreaterThan(zipf.getOrDefault(2L, 0)).isGreaterThan(zipf.getOrDefault(10L, 0) * 5);
        assertThat(exponential.get(1L)).isGreaterThan(exponential.getOrDefault(10L, 0) * 5);
        // with parameter 5, the middle 20% of the range holds about 68% of the draws (|z| < 1)
        assertThat(gaussianMiddle).isBetween(3000L, 3800L);
    }

    @Test
    void badValuesAreRefusedWithPgbenchsLimits() {
        assertThatThrownBy(() -> eval("1 / 0")).hasMessage("division by zero");
        assertThatThrownBy(() -> eval("1 % 0")).hasMessage("division by zero");
        assertThatThrownBy(() -> eval("1.0 / 0")).hasMessage("division by zero");
        assertThatThrownBy(() -> eval("5 % 2.0")).hasMessageContaining("% takes integers");
        assertThatThrownBy(() -> eval("9223372036854775807 + 1")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eval("random(10, 1)")).hasMessageContaining("upper bound is below");
        assertThatThrownBy(() -> eval("random(-9223372036854775807 - 1, 9223372036854775807)"))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> eval("random_exponential(1, 10, 0)")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> eval("random_gaussian(1, 10, 1.5)")).hasMessageContaining("at least 2.0");
        assertThatThrownBy(() -> eval("random_zipfian(1, 10, 1)")).hasMessageContaining("from 1.001 to 1000");
        assertThatThrownBy(() -> eval("int(1e30)")).hasMessageContaining("out of the integer range");
        assertThatThrownBy(() -> eval(":missing")).hasMessageContaining(":missing has no value");
    }

    @Test
    void malformedExpressionsSayWhereAndWhat() {
        assertThatThrownBy(() -> Expression.parse("  ")).hasMessageContaining("an expression is missing");
        assertThatThrownBy(() -> Expression.parse("1 +")).hasMessageContaining("ends where a value is expected");
        assertThatThrownBy(() -> Expression.parse("sqrt(4)")).hasMessageContaining("unknown function sqrt")
                .hasMessageContaining("at column 1");
        assertThatThrownBy(() -> Expression.parse("random(1)")).hasMessageContaining("random takes 2 arguments, not 1");
        assertThatThrownBy(() -> Expression.parse("abs()")).hasMessageContaining("abs takes 1 argument, not 0");
        assertThatThrownBy(() -> Expression.parse("least()")).hasMessageContaining("one or more arguments");
        assertThatThrownBy(() -> Expression.parse("(1 + 2")).hasMessageContaining("')' expected");
        assertThatThrownBy(() -> Expression.parse("abs 1")).hasMessageContaining("'(' expected, found '1'");
        assertThatThrownBy(() -> Expression.parse("1 2")).hasMessageContaining("unexpected '2'");
        assertThatThrownBy(() -> Expression.parse(": x")).hasMessageContaining("a variable name must follow ':'");
        assertThatThrownBy(() -> Expression.parse("#")).hasMessageContaining("unexpected '#'");
        assertThatThrownBy(() -> Expression.parse("99999999999999999999")).hasMessageContaining("not a number");
        assertThat(Expression.parse("least(:a, random(1, :b) * 2)").references()).containsExactly("a", "b");
    }
}
