package io.knobwright.model.template;

import io.knobwright.model.template.expr.Dimension;
import io.knobwright.model.template.expr.ExpressionEvaluator;
import io.knobwright.model.template.expr.ExpressionException;
import io.knobwright.model.template.expr.ExpressionParser;
import io.knobwright.model.template.expr.ExpressionReferences;
import io.knobwright.model.template.expr.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTest {

    private static final long GB = 1024L * 1024 * 1024;

    private static Quantity eval(String source) {
        return new ExpressionEvaluator((name, column) -> switch (name) {
            case "RAM" -> Quantity.bytes(32 * GB);
            case "CPUS" -> Quantity.number(8);
            default -> throw new ExpressionException("unknown " + name);
        }).evaluate(ExpressionParser.parse(source));
    }

    @Test
    void precedenceAndParenthesesFollowArithmetic() {
        assertThat(eval("2 + 3 * 4").amount()).isEqualByComparingTo("14");
        assertThat(eval("(2 + 3) * 4").amount()).isEqualByComparingTo("20");
        assertThat(eval("-2 * -3").amount()).isEqualByComparingTo("6");
    }

    @Test
    void unitsBecomeBytesOrMilliseconds() {
        assertThat(eval("8GB")).isEqualTo(new Quantity(BigDecimal.valueOf(8 * GB), Dimension.BYTES));
        assertThat(eval("1024MB").amount()).isEqualByComparingTo(BigDecimal.valueOf(GB));
        assertThat(eval("5min").amount()).isEqualByComparingTo("300000");
        assertThat(eval("1.5s").dimension()).isEqualTo(Dimension.MILLISECONDS);
    }

    @Test
    void percentOfAndFunctions() {
        assertThat(eval("25% of RAM").amount()).isEqualByComparingTo(BigDecimal.valueOf(8 * GB));
        assertThat(eval("min(RAM/4, 4GB)").amount()).isEqualByComparingTo(BigDecimal.valueOf(4 * GB));
        assertThat(eval("max(CPUS * 2, 4)").amount()).isEqualByComparingTo("16");
        assertThat(eval("clamp(CPUS * 100, 10, 500)").amount()).isEqualByComparingTo("500");
        assertThat(eval("round(10 / 3)").amount()).isEqualByComparingTo("3");
        assertThat(eval("RAM / 1GB").dimension()).isEqualTo(Dimension.NUMBER);
    }

    @Test
    void referencesAreListedForDependencyOrdering() {
        assertThat(ExpressionReferences.of(ExpressionParser.parse("(RAM - shared_buffers) / (max_connections * 3)")))
                .containsExactly("RAM", "shared_buffers", "max_connections");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1 +", "(1 + 2", "8XB", "frobnicate(1)", "1 ** 2", "RAM +* 2", "1..2", ")"})
    void malformedExpressionsFailWithAColumn(String source) {
        assertThatThrownBy(() -> eval(source)).isInstanceOf(ExpressionException.class);
    }

    @Test
    void messageNamesColumnAndProblem() {
        assertThatThrownBy(() -> eval("RAM * 2 + 8XB"))
                .hasMessageContaining("column 12")
                .hasMessageContaining("unknown unit '8XB'".replace("8XB", "XB"));
    }

    @Test
    void dimensionErrorsAreExplained() {
        assertThatThrownBy(() -> eval("RAM + 3")).hasMessageContaining("cannot add").hasMessageContaining("a plain number");
        assertThatThrownBy(() -> eval("RAM * RAM")).hasMessageContaining("one side must be a plain number");
        assertThatThrownBy(() -> eval("RAM / 0")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> eval("3 / RAM")).hasMessageContaining("cannot divide");
    }

    @Test
    void hostileInputIsBounded() {
        assertThatThrownBy(() -> eval("(".repeat(400) + "1" + ")".repeat(400))).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> eval("1+".repeat(300) + "1")).hasMessageContaining("longer than");
        assertThatThrownBy(() -> eval("'; DROP TABLE x; --")).isInstanceOf(ExpressionException.class);
    }
}
