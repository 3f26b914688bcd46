package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit a numeric parameter is measured in: one of PostgreSQL's named units ("kB", "ms"), a multiple of one
 * that a server uses as its base unit ("8kB" blocks), or {@link #NONE}.
 *
 * @param family what the unit measures
 * @param symbol how it is written ("8kB", "min"); for an opaque unit Knobwright cannot convert, the catalog's text
 * @param factor size of one unit in bytes (memory) or microseconds (time); 1 for unitless values
 */
public record Unit(UnitFamily family, String symbol, long factor) {

    public static final Unit NONE = new Unit(UnitFamily.NONE, "", 1);

    public static final Unit BYTES = new Unit(UnitFamily.MEMORY, "B", 1);
    public static final Unit KILOBYTES = new Unit(UnitFamily.MEMORY, "kB", 1L << 10);
    public static final Unit MEGABYTES = new Unit(UnitFamily.MEMORY, "MB", 1L << 20);
    public static final Unit GIGABYTES = new Unit(UnitFamily.MEMORY, "GB", 1L << 30);
    public static final Unit TERABYTES = new Unit(UnitFamily.MEMORY, "TB", 1L << 40);

    public static final Unit MICROSECONDS = new Unit(UnitFamily.TIME, "us", 1);
    public static final Unit MILLISECONDS = new Unit(UnitFamily.TIME, "ms", 1_000);
    public static final Unit SECONDS = new Unit(UnitFamily.TIME, "s", 1_000_000);
    public static final Unit MINUTES = new Unit(UnitFamily.TIME, "min", 60_000_000L);
    public static final Unit HOURS = new Unit(UnitFamily.TIME, "h", 3_600_000_000L);
    public static final Unit DAYS = new Unit(UnitFamily.TIME, "d", 86_400_000_000L);

    /** PostgreSQL's unit tables (guc.c), largest first: the order its parser and formatter rely on. */
    private static final List<Unit> MEMORY_UNITS = List.of(TERABYTES, GIGABYTES, MEGABYTES, KILOBYTES, BYTES);
    private static final List<Unit> TIME_UNITS = List.of(DAYS, HOURS, MINUTES, SECONDS, MILLISECONDS, MICROSECONDS);

    /**
     * Spellings people and other tools use, lower-cased. Catalog units are read through this table; user input
     * only goes through it to suggest the right spelling, never to accept a wrong one.
     */
    private static final Map<String, Unit> MEMORY_ALIASES = Map.ofEntries(
            Map.entry("b", BYTES), Map.entry("byte", BYTES), Map.entry("bytes", BYTES),
            Map.entry("k", KILOBYTES), Map.entry("kb", KILOBYTES), Map.entry("kib", KILOBYTES),
            Map.entry("kilobyte", KILOBYTES), Map.entry("kilobytes", KILOBYTES),
            Map.entry("m", MEGABYTES), Map.entry("mb", MEGABYTES), Map.entry("mib", MEGABYTES),
            Map.entry("megabyte", MEGABYTES), Map.entry("megabytes", MEGABYTES),
            Map.entry("g", GIGABYTES), Map.entry("gb", GIGABYTES), Map.entry("gib", GIGABYTES),
            Map.entry("gigabyte", GIGABYTES), Map.entry("gigabytes", GIGABYTES),
            Map.entry("t", TERABYTES), Map.entry("tb", TERABYTES), Map.entry("tib", TERABYTES),
            Map.entry("terabyte", TERABYTES), Map.entry("terabytes", TERABYTES));
    private static final Map<String, Unit> TIME_ALIASES = Map.ofEntries(
            Map.entry("us", MICROSECONDS), Map.entry("µs", MICROSECONDS), Map.entry("usec", MICROSECONDS),
            Map.entry("microsecond", MICROSECONDS), Map.entry("microseconds", MICROSECONDS),
            Map.entry("ms", MILLISECONDS), Map.entry("msec", MILLISECONDS),
            Map.entry("millisecond", MILLISECONDS), Map.entry("milliseconds", MILLISECONDS),
            Map.entry("s", SECONDS), Map.entry("sec", SECONDS), Map.entry("secs", SECONDS),
            Map.entry("second", SECONDS), Map.entry("seconds", SECONDS),
            Map.entry("m", MINUTES), Map.entry("min", MINUTES), Map.entry("mins", MINUTES),
            Map.entry("minute", MINUTES), Map.entry("minutes", MINUTES),
            Map.entry("h", HOURS), Map.entry("hr", HOURS), Map.entry("hrs", HOURS),
            Map.entry("hour", HOURS), Map.entry("hours", HOURS),
            Map.entry("d", DAYS), Map.entry("day", DAYS), Map.entry("days", DAYS));

    public Unit {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(symbol, "symbol");
        if (factor < 1) {
            throw new IllegalArgumentException("A unit's factor must be positive: " + symbol + " = " + factor);
        }
        if (family == UnitFamily.NONE && factor != 1) {
            throw new IllegalArgumentException("A unitless value has factor 1, not " + factor);
        }
    }

    /** The base unit of a parameter, as its catalog entry states it. */
    public static Unit of(ParameterSpec spec) {
        return of(spec.unit());
    }

    /**
     * Reads a catalog unit: "8kB", "kB", "MB", "ms", "s", "min", or null for none. Leniently, because catalogs are
     * assembled from several sources ("KB" from SQL Server documentation, "bytes" from MySQL's); a unit that is not a
     * memory or time unit ("percent") is kept as an opaque label and such values are compared as plain numbers.
     */
    public static Unit of(String specUnit) {
        if (specUnit == null || specUnit.isBlank()) {
            return NONE;
        }
        String text = specUnit.strip();
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        String name = text.substring(i).strip();
        Optional<Unit> named = lookupLoosely(name, null);
        if (named.isEmpty() || i > 9) {
            return new Unit(UnitFamily.NONE, text, 1);
        }
        long multiple = i == 0 ? 1 : Long.parseLong(text.substring(0, i));
        if (multiple == 0) {
            return new Unit(UnitFamily.NONE, text, 1);
        }
        Unit unit = named.get();
        if (multiple == 1) {
            return unit;
        }
        try {
            return new Unit(unit.family, multiple + unit.symbol, Math.multiplyExact(multiple, unit.factor));
        } catch (ArithmeticException e) {
            return new Unit(UnitFamily.NONE, text, 1);
        }
    }

    /** PostgreSQL's named units of a family, largest first; empty for {@link UnitFamily#NONE}. */
    public static List<Unit> namedUnits(UnitFamily family) {
        return switch (family) {
            case MEMORY -> MEMORY_UNITS;
            case TIME -> TIME_UNITS;
            case NONE -> List.of();
        };
    }

    /** Exact, case-sensitive lookup of a PostgreSQL unit name ("kB" matches, "KB" does not). */
    public static Optional<Unit> named(UnitFamily family, String symbol) {
        for (Unit unit : namedUnits(family)) {   // a loop, not a stream: called for every value with a unit
            if (unit.symbol.equals(symbol)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /**
     * Any common spelling of a unit, case-insensitively ("KB", "secs", "MiB"). {@code preferred} settles
     * ambiguous letters ("m" is MB for a memory parameter, minutes for a time parameter) and is searched first.
     */
    static Optional<Unit> lookupLoosely(String text, UnitFamily preferred) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String exact = text.strip();
        for (UnitFamily family : preferred == UnitFamily.TIME
                ? List.of(UnitFamily.TIME, UnitFamily.MEMORY) : List.of(UnitFamily.MEMORY, UnitFamily.TIME)) {
            Optional<Unit> hit = named(family, exact);
            if (hit.isPresent()) {
                return hit;
            }
        }
        String key = exact.toLowerCase(Locale.ROOT);
        Map<String, Unit> first = preferred == UnitFamily.TIME ? TIME_ALIASES : MEMORY_ALIASES;
        Map<String, Unit> second = preferred == UnitFamily.TIME ? MEMORY_ALIASES : TIME_ALIASES;
        return Optional.ofNullable(first.getOrDefault(key, second.get(key)));
    }

    /** The next smaller named unit, which PostgreSQL rounds fractional input to ("30.1GB" to whole MB). */
    Optional<Unit> nextSmallerNamed() {
        List<Unit> units = namedUnits(family);
        int at = units.indexOf(this);
        return at >= 0 && at + 1 < units.size() ? Optional.of(units.get(at + 1)) : Optional.empty();
    }

    public boolean isNone() {
        return family == UnitFamily.NONE;
    }

    BigDecimal factorAsDecimal() {
        return BigDecimal.valueOf(factor);
    }

    @Override
    public String toString() {
        return symbol.isEmpty() ? "(no unit)" : symbol;
    }
}
