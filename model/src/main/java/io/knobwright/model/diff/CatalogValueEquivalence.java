package io.knobwright.model.diff;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.value.InvalidValueException;
import io.knobwright.model.value.NumericValue;
import io.knobwright.model.value.ValueParser;
import io.knobwright.model.value.Values;

import java.util.Locale;
import java.util.Set;

/**
 * The one comparison of parameter values, used by Compare, change plans and drift, and the instance pane's
 * changed-from-default flag: two values are the same when the server takes them for the same setting
 * ({@link Values#same}: "1GB", "1024MB" and "131072" on an 8kB parameter, "on" and "true", 'iso, mdy' and
 * 'ISO, MDY' for DateStyle, "0700" and "448" for a mode). A value the model cannot read (an odd live value, a
 * parameter unknown to the catalog) is compared as trimmed text, ignoring case, rather than failing a whole diff.
 */
public final class CatalogValueEquivalence implements ValueEquivalence {

    /** Sources that say the server chose the value itself (pg_settings.source; MySQL's, as the connector words it). */
    private static final Set<String> SERVER_CHOSEN = Set.of("default", "override", "auto");

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

    /**
     * The value a server reports, as the configuration it stands for. That is the value itself, except where the
     * configuration holds a sentinel the server replaces by a value it picks: wal_buffers = -1 is reported as 512
     * (shared_buffers / 32), MariaDB's autosized performance_schema sizes likewise. Reported with the server's own
     * source (default, auto), such a value stands for the sentinel, so a server left alone matches its defaults and
     * a template that asks for -1. The report itself cannot tell "wal_buffers = -1" in a file from "= 512": a value
     * from a file is taken as written.
     *
     * @param spec null when the catalog does not know the parameter
     */
    public String configured(ParameterSpec spec, LiveSetting live) {
        String value = live.value();
        if (spec == null || value == null || spec.type() != ParameterType.INTEGER
                || !SERVER_CHOSEN.contains(live.source().toLowerCase(Locale.ROOT)) || !isSentinel(spec)) {
            return value;
        }
        return same(spec, value, spec.defaultValue()) ? value : spec.defaultValue();
    }

    /** A negative default: -1 for "let the server decide" (or "off", which the server reports as -1 anyway). */
    private static boolean isSentinel(ParameterSpec spec) {
        try {
            return spec.defaultValue() != null
                    && ValueParser.parseIgnoringRange(spec, spec.defaultValue()) instanceof NumericValue n
                    && n.amount().signum() < 0;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static String text(String value) {
        String t = value.strip();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            t = t.substring(1, t.length() - 1);
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
