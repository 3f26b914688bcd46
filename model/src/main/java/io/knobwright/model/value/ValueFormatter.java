package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes values back the way the parameter's engine writes them in its configuration files, choosing the most
 * readable exact spelling: PostgreSQL "1GB", "2min", "on"; MySQL/MariaDB "1G", "ON"; Oracle "2G", "TRUE";
 * SQL Server plain numbers and 1/0. Prefer the {@link Values} facade.
 */
public final class ValueFormatter {

    /** Bounds with more digits than this get a rounded companion in messages ("~8TB"). */
    private static final int READABLE_DIGITS = 6;

    private ValueFormatter() {
    }

    /** The readable exact spelling; parsing it again gives the same value. */
    public static String format(ParameterSpec spec, ParameterValue value) {
        EngineSyntax syntax = EngineSyntax.of(spec.engine());
        return switch (value) {
            case BooleanValue b -> syntax.formatBoolean(b.value());
            case EnumValue e -> e.value();
            case TextValue t -> quoteIfMisread(t.value());
            case NumericValue n -> syntax.formatAmount(spec, inBaseUnit(spec, n));
        };
    }

    /** A text that itself starts and ends with a single quote would be unwrapped when read back; quote it. */
    private static String quoteIfMisread(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\'' && text.charAt(text.length() - 1) == '\'') {
            return "'" + text.replace("'", "''") + "'";
        }
        return text;
    }

    /**
     * The spelling for SQL statements that take no units or suffixes (MySQL's SET GLOBAL, SQL Server's
     * sp_configure): numbers as a plain decimal in the parameter's base unit, everything else as {@link #format}.
     */
    public static String plain(ParameterSpec spec, ParameterValue value) {
        return value instanceof NumericValue n ? Numbers.text(inBaseUnit(spec, n)) : format(spec, value);
    }

    /**
     * The amount of a numeric value in the parameter's base unit.
     *
     * @throws IllegalArgumentException when the value measures something else (a duration for a memory parameter)
     */
    public static BigDecimal inBaseUnit(ParameterSpec spec, NumericValue value) {
        Unit base = Unit.of(spec);
        if (value.unit().equals(base)) {
            return value.amount();
        }
        if (value.unit().family() != base.family()) {
            throw new IllegalArgumentException(Refusal.label(spec) + " is " + base.family().description()
                    + ", but the value is " + value.unit().family().description());
        }
        return Numbers.divide(value.inSmallestUnit(), base.factor());
    }

    /**
     * "(valid: 128kB .. 8589934584kB)": the catalog's bounds, or where it states none the bounds the engine
     * enforces anyway; "" when unbounded.
     */
    static String validRange(ParameterSpec spec) {
        EngineSyntax syntax = EngineSyntax.of(spec.engine());
        BigDecimal min = spec.min() != null ? spec.min() : syntax.implicitMin(spec);
        BigDecimal max = spec.max() != null ? spec.max() : syntax.implicitMax(spec);
        String range = range(spec, min, max);
        return range.isEmpty() ? "" : " (valid: " + range + ")";
    }

    /** "128kB .. 8589934584kB", "at least 64kB", "at most 100", or "" for an unbounded parameter. */
    static String range(ParameterSpec spec, BigDecimal min, BigDecimal max) {
        EngineSyntax syntax = EngineSyntax.of(spec.engine());
        if (min != null && max != null) {
            return syntax.formatAmount(spec, min) + " .. " + syntax.formatAmount(spec, max);
        }
        if (min != null) {
            return "at least " + syntax.formatAmount(spec, min);
        }
        return max != null ? "at most " + syntax.formatAmount(spec, max) : "";
    }

    /**
     * A bound as a person reads it: exact when short ("8TB", "128kB"), else rounded and marked ("~8TB" for
     * 8589934584kB), because the exact figure follows in the valid range anyway.
     */
    static String humanBound(ParameterSpec spec, BigDecimal amountInBase) {
        Unit base = Unit.of(spec);
        String exact = EngineSyntax.of(spec.engine()).formatAmount(spec, amountInBase);
        long digits = exact.chars().filter(Character::isDigit).count();
        if (base.family() == UnitFamily.NONE || digits <= READABLE_DIGITS) {
            return exact;
        }
        BigDecimal smallest = amountInBase.multiply(base.factorAsDecimal());
        for (Unit unit : Unit.namedUnits(base.family())) {
            if (smallest.abs().compareTo(unit.factorAsDecimal()) >= 0) {
                BigDecimal rounded = smallest.divide(unit.factorAsDecimal(), new MathContext(3, RoundingMode.HALF_UP));
                return "~" + Numbers.text(rounded) + unit.symbol();
            }
        }
        return exact;
    }
}
