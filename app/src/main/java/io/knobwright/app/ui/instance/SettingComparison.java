package io.knobwright.app.ui.instance;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.fleet.LiveSetting;

/**
 * Decides whether an instance's current value differs from the catalog default, with the comparison Compare and
 * plans use ({@link CatalogValueEquivalence}), so the pane never calls a value changed that they call the same,
 * or the other way round.
 */
public final class SettingComparison {

    /** How a current value relates to the catalog default. */
    public enum Verdict {
        /** Same value as the catalog default. */
        DEFAULT,
        /** A different value: someone (or the packaging) changed it. */
        CHANGED,
        /** No catalog entry, no stated default, or a value in another unit than the catalog's. */
        UNKNOWN,
        /** The default differs from server to server (host name, CPU count, build): nothing to compare with. */
        HOST_DEPENDENT
    }

    private final CatalogValueEquivalence equivalence = new CatalogValueEquivalence();

    public Verdict compare(LiveSetting live, ParameterSpec spec) {
        if (spec != null && spec.defaultIsHostDependent()) {
            return Verdict.HOST_DEPENDENT;
        }
        if (spec == null || spec.defaultValue() == null || live.value() == null || !sameUnit(live.unit(), spec.unit())) {
            return Verdict.UNKNOWN;
        }
        return equivalence.same(spec, equivalence.configured(spec, live), spec.defaultValue()) ? Verdict.DEFAULT : Verdict.CHANGED;
    }

    /** A live value without a unit is in the catalog's base unit: the server reports it that way. */
    private static boolean sameUnit(String a, String b) {
        String ua = a == null ? "" : a.trim();
        String ub = b == null ? "" : b.trim();
        return ua.isEmpty() || ub.isEmpty() || ua.equalsIgnoreCase(ub);
    }
}
