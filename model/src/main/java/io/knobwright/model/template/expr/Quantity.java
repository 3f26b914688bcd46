package io.knobwright.model.template.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** A number with a dimension: sizes in bytes, durations in milliseconds, or a plain number. */
public record Quantity(BigDecimal amount, Dimension dimension) {

    /** Enough precision for byte counts up to exabytes with fractional intermediate results. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    public Quantity {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dimension, "dimension");
    }

    public static Quantity number(long value) {
        return new Quantity(BigDecimal.valueOf(value), Dimension.NUMBER);
    }

    public static Quantity bytes(long value) {
        return new Quantity(BigDecimal.valueOf(value), Dimension.BYTES);
    }

    public static Quantity millis(long value) {
        return new Quantity(BigDecimal.valueOf(value), Dimension.MILLISECONDS);
    }

    @Override
    public String toString() {
        String plain = amount.stripTrailingZeros().toPlainString();
        return switch (dimension) {
            case NUMBER -> plain;
            case BYTES -> plain + " bytes";
            case MILLISECONDS -> plain + " ms";
        };
    }
}
