package io.knobwright.model.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number in a unit: 131072 x 8kB, 30 s, 0.5 ms, 200 (no unit). Exact: the amount is a decimal, never a double.
 * The amount is kept without trailing zeros so that equal quantities in the same unit are {@code equals}.
 *
 * @param amount how many units
 * @param unit   normally the parameter's base unit, which is what {@link Values#parse} returns
 */
public record NumericValue(BigDecimal amount, Unit unit) implements ParameterValue, Comparable<NumericValue> {

    public NumericValue {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    public static NumericValue of(long amount, Unit unit) {
        return new NumericValue(BigDecimal.valueOf(amount), unit);
    }

    /** The quantity in bytes (memory), microseconds (time) or as the bare number (no unit). */
    public BigDecimal inSmallestUnit() {
        return amount.multiply(unit.factorAsDecimal());
    }

    /** True when both describe the same quantity, whatever their units: 1 GB and 131072 x 8kB. */
    public boolean sameQuantity(NumericValue other) {
        return unit.family() == other.unit.family() && compareTo(other) == 0;
    }

    /**
     * Orders quantities of one family across units.
     *
     * @throws IllegalArgumentException when the units measure different things (memory against time)
     */
    @Override
    public int compareTo(NumericValue other) {
        if (unit.family() != other.unit.family()) {
            throw new IllegalArgumentException("Cannot compare " + unit.family().description() + " with "
                    + other.unit.family().description());
        }
        return inSmallestUnit().compareTo(other.inSmallestUnit());
    }
}
