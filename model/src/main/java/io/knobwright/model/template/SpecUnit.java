package io.knobwright.model.template;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.template.expr.Dimension;
import io.knobwright.model.template.expr.Quantity;

import java.math.BigDecimal;
import java.util.Locale;

/** How big one base unit of a catalog parameter is: "8kB" is 8192 bytes, "min" is 60,000 ms, no unit is 1. */
final class SpecUnit {

    private SpecUnit() {
    }

    static Quantity of(ParameterSpec spec) {
        String unit = spec.unit();
        if (unit == null || unit.isBlank()) {
            return Quantity.number(1);
        }
        return switch (unit.trim()) {
            case "B", "bytes", "byte" -> Quantity.bytes(1);
            case "kB", "KB", "K" -> Quantity.bytes(1024);
            case "8kB" -> Quantity.bytes(8192);
            case "16kB" -> Quantity.bytes(16384);
            case "32kB" -> Quantity.bytes(32768);
            case "MB", "M" -> Quantity.bytes(1024L * 1024);
            case "16MB" -> Quantity.bytes(16L * 1024 * 1024);
            case "GB", "G" -> Quantity.bytes(1024L * 1024 * 1024);
            case "us" -> new Quantity(new BigDecimal("0.001"), Dimension.MILLISECONDS);
            case "ms" -> Quantity.millis(1);
            case "s" -> Quantity.millis(1000);
            case "min" -> Quantity.millis(60_000);
            case "h" -> Quantity.millis(3_600_000);
            case "d" -> Quantity.millis(86_400_000);
            default -> switch (unit.toLowerCase(Locale.ROOT)) {
                case "seconds", "second" -> Quantity.millis(1000);
                case "milliseconds" -> Quantity.millis(1);
                default -> Quantity.number(1);
            };
        };
    }
}
