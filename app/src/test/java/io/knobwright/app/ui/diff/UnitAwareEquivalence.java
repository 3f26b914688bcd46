package io.knobwright.app.ui.diff;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.diff.ValueEquivalence;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in until the value API lands: "1GB", "1024MB" and 131072 (x 8kB) are the same shared_buffers,
 * "on" and "true" the same boolean. Good enough to build realistic diffs for the viewer's tests.
 */
final class UnitAwareEquivalence implements ValueEquivalence {

    private static final Pattern AMOUNT = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z0-9]*)\\s*");
    private static final Map<String, BigDecimal> FACTORS = Map.ofEntries(
            Map.entry("b", BigDecimal.ONE),
            Map.entry("kb", BigDecimal.valueOf(1024L)),
            Map.entry("8kb", BigDecimal.valueOf(8192L)),
            Map.entry("16kb", BigDecimal.valueOf(16384L)),
            Map.entry("mb", BigDecimal.valueOf(1024L * 1024)),
            Map.entry("16mb", BigDecimal.valueOf(16L * 1024 * 1024)),
            Map.entry("gb", BigDecimal.valueOf(1024L * 1024 * 1024)),
            Map.entry("tb", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024)),
            Map.entry("us", new BigDecimal("0.001")),
            Map.entry("ms", BigDecimal.ONE),
            Map.entry("s", BigDecimal.valueOf(1000L)),
            Map.entry("min", BigDecimal.valueOf(60_000L)),
            Map.entry("h", BigDecimal.valueOf(3_600_000L)),
            Map.entry("d", BigDecimal.valueOf(86_400_000L)));
    private static final Set<String> TRUE = Set.of("on", "true", "yes", "1");

    @Override
    public boolean same(ParameterSpec spec, String left, String right) {
        if (left.trim().equalsIgnoreCase(right.trim())) {
            return true;
        }
        if (spec == null) {
            return false;
        }
        return switch (spec.type()) {
            case BOOLEAN -> TRUE.contains(left.trim().toLowerCase(Locale.ROOT)) == TRUE.contains(right.trim().toLowerCase(Locale.ROOT));
            case INTEGER, REAL -> {
                BigDecimal l = inBaseUnits(spec, left);
                BigDecimal r = inBaseUnits(spec, right);
                yield l != null && r != null && l.compareTo(r) == 0;
            }
            default -> false;
        };
    }

    private static BigDecimal inBaseUnits(ParameterSpec spec, String text) {
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2).isEmpty() ? spec.unit() : m.group(2);
        BigDecimal factor = unit == null || unit.isEmpty() ? BigDecimal.ONE : FACTORS.get(unit.toLowerCase(Locale.ROOT));
        return factor == null ? null : new BigDecimal(m.group(1)).multiply(factor);
    }
}
