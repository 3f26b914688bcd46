package io.knobwright.app.ui.instance;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.fleet.LiveSetting;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Decides whether an instance's current value differs from the catalog default.
 *
 * <p>TODO(value API): this is the one place to switch to the unit-aware values of
 * {@code io.knobwright.model.value} once that package lands, so that "1GB" equals "131072" x 8kB and
 * "5min" equals "300s". Until then it compares exact text, numbers numerically and booleans by
 * meaning, and calls values in different units {@link Verdict#UNKNOWN} rather than guess.
 */
public final class SettingComparison {

    /** How a current value relates to the catalog default. */
    public enum Verdict {
        /** Same value as the catalog default. */
        DEFAULT,
        /** A different value: someone (or the packaging) changed it. */
        CHANGED,
        /** No catalog entry, no stated default, or units this comparison cannot relate yet. */
        UNKNOWN,
        /** The default differs from server to server (host name, CPU count, build): nothing to compare with. */
        HOST_DEPENDENT
    }

    public Verdict compare(LiveSetting live, ParameterSpec spec) {
        if (spec != null && spec.defaultIsHostDependent()) {
            return Verdict.HOST_DEPENDENT;
        }
        if (spec == null || spec.defaultValue() == null || live.value() == null) {
            return Verdict.UNKNOWN;
        }
        String current = normalise(live.value());
        String dflt = normalise(spec.defaultValue());
        if (current.equals(dflt)) {
            return Verdict.DEFAULT;
        }
        if (spec.type() == ParameterType.BOOLEAN) {
            Boolean a = bool(current);
            Boolean b = bool(dflt);
            if (a != null && b != null) {
                return a.equals(b) ? Verdict.DEFAULT : Verdict.CHANGED;
            }
        }
        BigDecimal a = number(current);
        BigDecimal b = number(dflt);
        if (a != null && b != null) {
            if (!sameUnit(live.unit(), spec.unit())) {
                return Verdict.UNKNOWN;
            }
            return a.compareTo(b) == 0 ? Verdict.DEFAULT : Verdict.CHANGED;
        }
        return Verdict.CHANGED;
    }

    private static String normalise(String value) {
        String v = value.trim();
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private static boolean sameUnit(String a, String b) {
        String ua = a == null ? "" : a.trim();
        String ub = b == null ? "" : b.trim();
        // A live value without a unit is in the catalog's base unit: the server reports it that way.
        return ua.isEmpty() || ub.isEmpty() || ua.equalsIgnoreCase(ub);
    }

    private static Boolean bool(String v) {
        return switch (v) {
            case "on", "true", "yes", "1" -> Boolean.TRUE;
            case "off", "false", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static BigDecimal number(String v) {
        if (v.isEmpty() || !(Character.isDigit(v.charAt(0)) || v.charAt(0) == '-' || v.charAt(0) == '.')) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
