package io.knobwright.model.template;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.template.expr.Dimension;
import io.knobwright.model.template.expr.Quantity;
import io.knobwright.model.value.Unit;

import java.math.BigDecimal;

/**
 * How big one base unit of a catalog parameter is in expression terms: "8kB" is 8192 bytes, "min" is
 * 60,000 ms, no unit is 1. The unit table itself lives in {@link Unit}; this only maps it to expression
 * dimensions (expressions count durations in milliseconds, the value model in microseconds).
 */
final class SpecUnit {

    private SpecUnit() {
    }

    static Quantity of(ParameterSpec spec) {
        Unit unit = Unit.of(spec);
        return switch (unit.family()) {
            case MEMORY -> Quantity.bytes(unit.factor());
            case TIME -> new Quantity(BigDecimal.valueOf(unit.factor()).movePointLeft(3), Dimension.MILLISECONDS);
            case NONE -> Quantity.number(1);
        };
    }
}
