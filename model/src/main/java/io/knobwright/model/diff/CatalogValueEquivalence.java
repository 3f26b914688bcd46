package io.knobwright.model.diff;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.InvalidValueException;
import io.knobwright.model.value.Values;

import java.util.Locale;

/**
 * Equivalence by the value model: "1GB", "1024MB" and "131072" on an 8kB parameter are the same, so are
 * "on" and "true". A value the model cannot read (an odd live value, a parameter unknown to the catalog)
 * is compared as trimmed text, ignoring case, rather than failing a whole diff.
 */
public final class CatalogValueEquivalence implements ValueEquivalence {

    @Override
    public boolean same(ParameterSpec spec, String left, String right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (spec != null) {
            try {
                return Values.same(spec, left, right);
            } catch (InvalidValueException e) {
                // fall through to a textual comparison
            }
        }
        return text(left).equals(text(right));
    }

    private static String text(String value) {
        String t = value.strip();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            t = t.substring(1, t.length() - 1);
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
