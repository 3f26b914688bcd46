package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.BooleanValue;
import io.knobwright.model.value.EnumValue;
import io.knobwright.model.value.InvalidValueException;
import io.knobwright.model.value.NumericValue;
import io.knobwright.model.value.ParameterValue;
import io.knobwright.model.value.Unit;
import io.knobwright.model.value.UnitFamily;
import io.knobwright.model.value.Values;
import io.knobwright.simulator.model.Knobs;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Between the server's spelling of a value (its catalog's unit, range and type) and the model's base units (bytes,
 * seconds, 1/0). Every value the search proposes is made here from a model amount, so it is a value the catalog of
 * the instance's version accepts, rounded as the server would round it.
 */
final class CatalogValues {

    private static final double MICROS_PER_SECOND = 1_000_000;

    private CatalogValues() {
    }

    /**
     * The value in the model's units: bytes, seconds, 1/0 for booleans and for synchronous_commit; NaN for a value
     * the model cannot read as a number (text, other enums).
     *
     * @throws InvalidValueException when the server would refuse the text
     */
    static double toModel(ParameterSpec spec, String text) {
        ParameterValue value = Values.parse(spec, text);
        return switch (value) {
            case BooleanValue b -> b.value() ? 1 : 0;
            case NumericValue n -> {
                double amount = n.inSmallestUnit().doubleValue();
                yield n.unit().family() == UnitFamily.TIME ? amount / MICROS_PER_SECOND : amount;
            }
            case EnumValue e -> {
                try {
                    yield Knobs.parse(spec.name(), e.value());
                } catch (IllegalArgumentException notANumber) {
                    yield Double.NaN;
                }
            }
            default -> Double.NaN;
        };
    }

    /**
     * The server's spelling of a model amount ("2GB", "15min", "0.9"), rounded as the server rounds; empty when the
     * amount is outside what the catalog accepts.
     */
    static Optional<String> text(ParameterSpec spec, double modelAmount) {
        if (!Double.isFinite(modelAmount)) {
            return Optional.empty();
        }
        Unit base = Unit.of(spec);
        Unit given = switch (base.family()) {
            case MEMORY -> Unit.BYTES;
            case TIME -> Unit.MICROSECONDS;
            default -> Unit.NONE;
        };
        double amount = base.family() == UnitFamily.TIME ? modelAmount * MICROS_PER_SECOND : modelAmount;
        try {
            BigDecimal exact = new BigDecimal(amount, new java.math.MathContext(12));
            ParameterValue conformed = Values.conform(spec, new NumericValue(exact, given));
            return Optional.of(Values.format(spec, conformed));
        } catch (InvalidValueException outOfRange) {
            return Optional.empty();
        }
    }

    /** True when the server takes both texts for the same setting. */
    static boolean same(ParameterSpec spec, String a, String b) {
        try {
            return Values.same(spec, a, b);
        } catch (InvalidValueException notAValue) {
            return a.equals(b);
        }
    }
}
