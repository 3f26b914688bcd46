package io.knobwright.app.ui.health;

import javafx.util.StringConverter;

import java.util.Locale;

/** Tick labels of a size axis already scaled to its unit: "1,024" for whole numbers, "2.5" otherwise. */
final class SizeTicks extends StringConverter<Number> {

    @Override
    public String toString(Number v) {
        double d = v.doubleValue();
        return Math.abs(d - Math.rint(d)) < 1e-9 ? String.format(Locale.ROOT, "%,.0f", d)
                : String.format(Locale.ROOT, "%,.1f", d);
    }

    @Override
    public Number fromString(String s) {
        throw new UnsupportedOperationException();
    }
}
