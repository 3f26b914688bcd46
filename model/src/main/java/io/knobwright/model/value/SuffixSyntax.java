package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MySQL/MariaDB, Oracle and SQL Server: plain numbers, optionally with a one-letter binary suffix (K, M, G, T,
 * either case) that multiplies the number by 1024, 1024², ... as mysqld's option parser and Oracle's "big integer"
 * parameters do. The suffix multiplies the raw number: it is not a unit conversion. None of these engines takes
 * fractional input for an integer parameter, and none takes unit names such as "GB" or "ms".
 */
final class SuffixSyntax implements EngineSyntax {

    /** mysqld takes a suffix on any integer option (my.cnf), not on durations in our catalogs. */
    static final SuffixSyntax MYSQL = new SuffixSyntax(
            Map.of("on", true, "off", false, "true", true, "false", false, "1", true, "0", false),
            "ON, OFF, TRUE, FALSE, 1 or 0", "ON", "OFF", true, true, true);
    /** Oracle's "big integer" parameters (sga_target=2G) take suffixes; Oracle spells booleans TRUE and FALSE. */
    static final SuffixSyntax ORACLE = new SuffixSyntax(
            Map.of("true", true, "false", false), "TRUE or FALSE", "TRUE", "FALSE", false, true, false);
    /** sp_configure takes plain integers; switches are 1 and 0, database-scoped ones ON and OFF. */
    static final SuffixSyntax SQL_SERVER = new SuffixSyntax(
            Map.of("1", true, "0", false, "on", true, "off", false, "true", true, "false", false),
            "1, 0, ON or OFF", "1", "0", false, false, false);

    private static final String SUFFIXES = "KMGT";

    private final Map<String, Boolean> booleans;
    private final String booleanSpellings;
    private final String on;
    private final String off;
    private final boolean suffixOnUnitless;
    private final boolean suffixOnMemory;
    private final boolean enumOrdinals;

    private SuffixSyntax(Map<String, Boolean> booleans, String booleanSpellings, String on, String off,
                         boolean suffixOnUnitless, boolean suffixOnMemory, boolean enumOrdinals) {
        this.booleans = booleans;
        this.booleanSpellings = booleanSpellings;
        this.on = on;
        this.off = off;
        this.suffixOnUnitless = suffixOnUnitless;
        this.suffixOnMemory = suffixOnMemory;
        this.enumOrdinals = enumOrdinals;
    }

    /**
     * mysqld takes an enum choice by its position too: event_scheduler=1 is ON. Only enums whose first two choices
     * are OFF and ON are read that way, as 0 and 1: a curated catalog's order of other choices need not be the
     * server's, and taking 1 for ON on gtid_mode (where 1 is OFF_PERMISSIVE) would be wrong.
     */
    @Override
    public Optional<String> enumSynonym(ParameterSpec spec, String text) {
        List<String> choices = spec.enumValues();
        boolean offOn = choices.size() >= 2 && choices.get(0).equalsIgnoreCase("OFF") && choices.get(1).equalsIgnoreCase("ON");
        if (!enumOrdinals || !offOn) {
            return Optional.empty();
        }
        return switch (text) {
            case "0" -> Optional.of(choices.get(0));
            case "1" -> Optional.of(choices.get(1));
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Boolean> parseBoolean(String text) {
        return Optional.ofNullable(booleans.get(text.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String booleanSpellings() {
        return booleanSpellings;
    }

    @Override
    public String formatBoolean(boolean value) {
        return value ? on : off;
    }

    private boolean takesSuffix(ParameterSpec spec, Unit base) {
        return spec.type() == ParameterType.INTEGER && switch (base.family()) {
            case NONE -> suffixOnUnitless;
            case MEMORY -> suffixOnMemory;
            case TIME -> false;
        };
    }

    @Override
    public BigDecimal parseNumber(ParameterSpec spec, Unit base, String text, Refusal refusal, boolean asServerReads) {
        NumberScanner.Scanned number = NumberScanner.scan(text, false);
        if (number == null) {
            throw refusal.malformed(refusal.shown() + " is not a number; " + example(spec, base));
        }
        Numbers.refuseUnusable(number, spec, this, refusal);
        String rest = text.substring(number.end());
        BigDecimal amount = number.value();
        if (!rest.isEmpty()) {
            int suffix = rest.length() == 1 ? SUFFIXES.indexOf(rest.toUpperCase(Locale.ROOT).charAt(0)) : -1;
            if (suffix < 0 || !takesSuffix(spec, base)) {
                throw unitNotTaken(spec, base, number, rest.strip(), refusal);
            }
            amount = amount.multiply(BigDecimal.valueOf(1L << (10 * (suffix + 1))));
        }
        if (spec.type() == ParameterType.INTEGER && !number.integerSyntax()) {
            String hint = Numbers.isWhole(amount) ? "; write " + formatNumber(base, amount) : "";
            throw refusal.malformed(refusal.shown() + " is not a whole number, which " + spec.engine().displayName()
                    + " requires for " + spec.name() + hint);
        }
        return amount;
    }

    private InvalidValueException unitNotTaken(ParameterSpec spec, Unit base, NumberScanner.Scanned number,
                                               String unitText, Refusal refusal) {
        String engine = spec.engine().displayName();
        Optional<Unit> meant = Unit.lookupLoosely(unitText, base.family());
        if (meant.isPresent() && meant.get().family() == base.family() && base.family() != UnitFamily.NONE) {
            BigDecimal inBase = Numbers.divideExactly(number.value().multiply(meant.get().factorAsDecimal()),
                    base.factor());
            String how = engine + " takes " + spec.name() + " as " + describe(base);
            if (inBase != null && (spec.type() != ParameterType.INTEGER || Numbers.isWhole(inBase))) {
                String suggestion = spec.type() == ParameterType.INTEGER ? formatNumber(base, inBase) : Numbers.text(inBase);
                return refusal.wrongUnit(refusal.shown() + ": " + how + "; write " + suggestion, List.of(suggestion));
            }
            return refusal.wrongUnit(refusal.shown() + ": " + how + ", and this is not a whole number of them",
                    List.of());
        }
        if (meant.isPresent() && meant.get().family() == UnitFamily.MEMORY && meant.get() != Unit.BYTES
                && takesSuffix(spec, base) && number.integerSyntax()) {
            String suggestion = number.text() + meant.get().symbol().substring(0, 1).toUpperCase(Locale.ROOT);
            return refusal.wrongUnit(refusal.shown() + ": " + engine + " writes sizes with a one-letter suffix;"
                    + " write " + suggestion, List.of(suggestion));
        }
        if (meant.isPresent()) {
            String expected = base.family() == UnitFamily.NONE ? "takes a plain number"
                    : "is " + base.family().description();
            return refusal.wrongUnit(refusal.shown() + " is " + meant.get().family().description() + ", but "
                    + spec.name() + " " + expected + " (" + example(spec, base) + ")", List.of());
        }
        return refusal.malformed(refusal.shown() + " has an unknown suffix '" + Refusal.echo(unitText) + "' ("
                + example(spec, base) + ")");
    }

    private String example(ParameterSpec spec, Unit base) {
        if (takesSuffix(spec, base)) {
            return "write a whole number, optionally followed by K, M, G or T, e.g. 128M";
        }
        String number = spec.type() == ParameterType.INTEGER ? "a whole number" : "a number";
        return base.family() == UnitFamily.NONE ? "write " + number : "write " + number + " of " + unitName(base);
    }

    /** "a number of seconds", "a number of MB" */
    private static String describe(Unit base) {
        return "a number of " + unitName(base);
    }

    private static String unitName(Unit base) {
        return switch (base.symbol()) {
            case "B" -> "bytes";
            case "us" -> "microseconds";
            case "ms" -> "milliseconds";
            case "s" -> "seconds";
            case "min" -> "minutes";
            case "h" -> "hours";
            case "d" -> "days";
            default -> base.symbol();
        };
    }

    @Override
    public String formatNumber(Unit base, BigDecimal amount) {
        if (suffixOnMemory && base.family() == UnitFamily.MEMORY && amount.signum() > 0 && Numbers.isWhole(amount)) {
            for (int suffix = SUFFIXES.length() - 1; suffix >= 0; suffix--) {
                BigDecimal multiple = BigDecimal.valueOf(1L << (10 * (suffix + 1)));
                BigDecimal[] division = amount.divideAndRemainder(multiple);
                if (division[1].signum() == 0) {
                    return Numbers.text(division[0]) + SUFFIXES.charAt(suffix);
                }
            }
        }
        return Numbers.text(amount);
    }
}
