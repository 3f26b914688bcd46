package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The entry points for everything that reads, writes or compares parameter values: UI, CLI, template resolution,
 * diff views, change plans. Stateless.
 *
 * <pre>{@code
 * ParameterValue v = Values.parse(sharedBuffers, "1GB");        // NumericValue 131072 x 8kB
 * Values.format(sharedBuffers, v);                              // "1GB"
 * Values.same(sharedBuffers, "1024MB", "131072");               // true
 * Values.problem(sharedBuffers, "10TB");                        // "shared_buffers on PostgreSQL 16: 10TB is above ..."
 * }</pre>
 */
public final class Values {

    private Values() {
    }

    /**
     * Reads a value for a parameter as its engine would, rounded as the server rounds, checked against the range.
     *
     * @throws InvalidValueException with a message for the user when the server would refuse the text
     */
    public static ParameterValue parse(ParameterSpec spec, String text) {
        return ValueParser.parse(spec, text);
    }

    /** Why the server would refuse the text, as a message for the user; empty when the text is a valid value. */
    public static Optional<String> problem(ParameterSpec spec, String text) {
        try {
            ValueParser.parse(spec, text);
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A computed value (e.g. a template's "25% of RAM" as {@code NumericValue.of(bytes, Unit.BYTES)}) as the
     * parameter would hold it: in its base unit, integers rounded half to even, checked against the range.
     *
     * @throws InvalidValueException when the value measures something else or is out of range
     */
    public static ParameterValue conform(ParameterSpec spec, ParameterValue value) {
        return ValueParser.conform(spec, value);
    }

    /** The engine's most readable exact spelling of a value ("1GB", "2min", "on", "1G", "ON"). */
    public static String format(ParameterSpec spec, ParameterValue value) {
        return ValueFormatter.format(spec, value);
    }

    /**
     * A value as a DBA writes it, for showing: "128MB" for shared_buffers' 16384, "0700" for a PostgreSQL mode. Any
     * value the server could report is shown, also one out of today's range; text that is no value of the parameter
     * at all is shown as it is.
     */
    public static String readable(ParameterSpec spec, String text) {
        if (text == null) {
            return null;
        }
        try {
            return format(spec, ValueParser.parseIgnoringRange(spec, text));
        } catch (InvalidValueException notAValue) {
            return text;
        }
    }

    /**
     * {@link #readable(ParameterSpec, String)} where the catalog knows the parameter (spec not null); otherwise a
     * number with the unit the server reported it in ("250 ms", which PostgreSQL reads too), other text as it is.
     */
    public static String readableWithUnit(ParameterSpec spec, String text, String unit) {
        if (spec != null) {
            return readable(spec, text);
        }
        if (text == null || unit == null || unit.isBlank()) {
            return text;
        }
        NumberScanner.Scanned number = NumberScanner.scan(text, false);
        return number != null && number.end() == text.length() ? text + " " + unit : text;
    }

    /** {@link #readable(ParameterSpec, String)} by name; the text as it is for a parameter the catalog does not know. */
    public static String readable(ParameterCatalog catalog, String name, String text) {
        return catalog.find(name).map(spec -> readable(spec, text)).orElse(text);
    }

    /**
     * An amount in the parameter's base unit - a catalog's default, minimum or maximum - as the engine writes it:
     * 16 on shared_buffers (8kB) is "128kB", 1.79769e+308 stays "1.79769e+308".
     */
    public static String formatAmount(ParameterSpec spec, BigDecimal amount) {
        return EngineSyntax.of(spec.engine()).formatAmount(spec, amount);
    }

    /** Parses and formats: "1024MB" becomes "1GB", "TRUE" becomes "on" for PostgreSQL. */
    public static String normalize(ParameterSpec spec, String text) {
        return format(spec, parse(spec, text));
    }

    /** A plain spelling without units or suffixes, for SQL that takes none (SET GLOBAL, sp_configure). */
    public static String plain(ParameterSpec spec, ParameterValue value) {
        return ValueFormatter.plain(spec, value);
    }

    /**
     * True when the server takes two texts for the same setting: "1GB", "1024MB" and "131072" on an 8kB parameter;
     * "on" and "true"; enum choices in any case; "0700" and "448" for a PostgreSQL mode; text read the way the
     * server reads that parameter ('iso, mdy' and 'ISO, MDY' for DateStyle, see {@link ServerText}). The range is
     * not checked (a server may report what today's catalog would refuse); two nulls are the same, a null and a
     * value are not.
     *
     * @throws InvalidValueException when a text is no value of the parameter's type at all
     */
    public static boolean same(ParameterSpec spec, String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (spec.type() == ParameterType.STRING) {
            return ServerText.same(spec, a, b);
        }
        return same(ValueParser.parseIgnoringRange(spec, a), ValueParser.parseIgnoringRange(spec, b));
    }

    /** True when two parsed values are the same setting, whatever units they were parsed into. */
    public static boolean same(ParameterValue a, ParameterValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof NumericValue x && b instanceof NumericValue y) {
            return x.sameQuantity(y);
        }
        if (a instanceof EnumValue x && b instanceof EnumValue y) {
            return x.value().equalsIgnoreCase(y.value());
        }
        return a.equals(b);
    }

    /** The valid range in the engine's units, e.g. "128kB .. 8589934584kB"; "" when the catalog states none. */
    public static String validRange(ParameterSpec spec) {
        return ValueFormatter.range(spec, spec.min(), spec.max());
    }
}
