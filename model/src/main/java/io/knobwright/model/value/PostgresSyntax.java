package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL 12+ as guc.c and bool.c implement it: case-sensitive units with whitespace allowed before them,
 * fractional input rounded first to the next smaller unit and then to the base unit (round half to even, like C's
 * rint), integer input in decimal, hexadecimal or - surprisingly - octal, and booleans by unique prefix.
 */
final class PostgresSyntax implements EngineSyntax {

    static final PostgresSyntax INSTANCE = new PostgresSyntax();

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);

    /** guc_tables.c gives these a show hook that prints octal. */
    private static final Set<String> FILE_MODES = Set.of("unix_socket_permissions", "log_file_mode", "data_directory_mode");

    /** Enum parameters with on/off choices also take these hidden spellings (guc_tables.c, e.g. synchronous_commit). */
    private static final List<String> HIDDEN_ON = List.of("true", "yes", "1");
    private static final List<String> HIDDEN_OFF = List.of("false", "no", "0");

    private PostgresSyntax() {
    }

    /** parse_bool_with_len: true/false/yes/no by any prefix, on/off by at least two letters, 1 and 0. */
    @Override
    public Optional<Boolean> parseBoolean(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return switch (lower.charAt(0)) {
            case 't' -> "true".startsWith(lower) ? Optional.of(true) : Optional.empty();
            case 'f' -> "false".startsWith(lower) ? Optional.of(false) : Optional.empty();
            case 'y' -> "yes".startsWith(lower) ? Optional.of(true) : Optional.empty();
            case 'n' -> "no".startsWith(lower) ? Optional.of(false) : Optional.empty();
            case 'o' -> lower.equals("on") ? Optional.of(true)
                    : lower.length() >= 2 && "off".startsWith(lower) ? Optional.of(false) : Optional.empty();
            case '1' -> lower.length() == 1 ? Optional.of(true) : Optional.empty();
            case '0' -> lower.length() == 1 ? Optional.of(false) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public String booleanSpellings() {
        return "on, off, true, false, yes, no, 1 or 0";
    }

    @Override
    public String formatBoolean(boolean value) {
        return value ? "on" : "off";
    }

    @Override
    public Optional<String> enumSynonym(ParameterSpec spec, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<String> on = listed(spec, "on");
        Optional<String> off = listed(spec, "off");
        if (on.isEmpty() || off.isEmpty()) {
            return Optional.empty();
        }
        if (HIDDEN_ON.contains(lower)) {
            return on;
        }
        return HIDDEN_OFF.contains(lower) ? off : Optional.empty();
    }

    private static Optional<String> listed(ParameterSpec spec, String choice) {
        return spec.enumValues().stream().filter(v -> v.equalsIgnoreCase(choice)).findFirst();
    }

    @Override
    public BigDecimal parseNumber(ParameterSpec spec, Unit base, String text, Refusal refusal, boolean asServerReads) {
        NumberScanner.Scanned number = NumberScanner.scan(text, true);
        if (number == null) {
            throw refusal.malformed(refusal.shown() + " is not a number; " + example(base));
        }
        Numbers.refuseUnusable(number, spec, this, refusal);
        boolean integer = spec.type() == ParameterType.INTEGER;
        if (integer && number.integerSyntax() && !number.hex()) {
            number = octal(number, asServerReads || isFileMode(spec), refusal);
        }
        String rest = text.substring(number.end()).strip();
        BigDecimal amount = rest.isEmpty() ? number.value() : convert(spec, base, number, rest, refusal);
        return integer ? amount.setScale(0, RoundingMode.HALF_EVEN) : amount;
    }

    /** Permission modes, which SHOW and pg_settings print in octal ("0700") and people write that way. */
    private static boolean isFileMode(ParameterSpec spec) {
        return FILE_MODES.contains(spec.name().toLowerCase(Locale.ROOT));
    }

    /** A mode as SHOW prints it, "%04o": 448 is "0700". */
    @Override
    public String formatAmount(ParameterSpec spec, BigDecimal amount) {
        if (isFileMode(spec) && amount.signum() >= 0 && Numbers.isWhole(amount)) {
            return String.format(Locale.ROOT, "%04o", amount.toBigInteger());
        }
        return formatNumber(Unit.of(spec), amount);
    }

    private static BigDecimal convert(ParameterSpec spec, Unit base, NumberScanner.Scanned number, String unitText,
                                      Refusal refusal) {
        if (base.family() == UnitFamily.NONE) {
            throw refusal.wrongUnit(refusal.shown() + " has a unit, but " + spec.name()
                    + " takes a plain number", List.of(number.text()));
        }
        Unit unit = Unit.named(base.family(), unitText).orElseThrow(() -> unitProblem(spec, base, number, unitText, refusal));
        BigDecimal smallest;
        Optional<Unit> next = unit.nextSmallerNamed();
        if (next.isPresent()) {
            // guc.c convert_to_base_unit: "30.1GB" is first rounded to whole MB.
            BigDecimal inNext = number.value().multiply(BigDecimal.valueOf(unit.factor() / next.get().factor()))
                    .setScale(0, RoundingMode.HALF_EVEN);
            smallest = inNext.multiply(next.get().factorAsDecimal());
        } else {
            smallest = number.value().multiply(unit.factorAsDecimal());
        }
        return Numbers.divide(smallest, base.factor());
    }

    private static InvalidValueException unitProblem(ParameterSpec spec, Unit base, NumberScanner.Scanned number,
                                                     String unitText, Refusal refusal) {
        String valid = validUnits(base.family());
        Optional<Unit> meant = Unit.lookupLoosely(unitText, base.family());
        if (meant.isPresent() && meant.get().family() == base.family()) {
            String suggestion = number.text() + meant.get().symbol();
            return refusal.wrongUnit(refusal.shown() + " has the unit '" + unitText + "', which PostgreSQL does not know;"
                    + " did you mean " + suggestion + "? Units are case-sensitive (valid units: " + valid + ")",
                    List.of(suggestion));
        }
        if (meant.isPresent()) {
            return refusal.wrongUnit(refusal.shown() + " is " + meant.get().family().description() + ", but "
                    + spec.name() + " is " + base.family().description() + " (valid units: " + valid + ")", List.of());
        }
        return refusal.malformed(refusal.shown() + " has an unknown unit '" + Refusal.echo(unitText)
                + "' (valid units: " + valid + ")");
    }

    /** Smallest first, as PostgreSQL's own hint lists them. */
    static String validUnits(UnitFamily family) {
        return Unit.namedUnits(family).reversed().stream().map(Unit::symbol).collect(Collectors.joining(", "));
    }

    private static String example(Unit base) {
        return switch (base.family()) {
            case MEMORY -> "write a number with one of the units " + validUnits(UnitFamily.MEMORY) + ", e.g. 128MB";
            case TIME -> "write a number with one of the units " + validUnits(UnitFamily.TIME) + ", e.g. 30s";
            case NONE -> "write a plain number, e.g. 100";
        };
    }

    /**
     * strtol with base 0 reads "010" as 8 and refuses "08". Where a leading zero means octal to people too (modes) or
     * the text is only being compared, it is read as the server reads it; elsewhere it is refused with both readings
     * rather than silently disagreeing with what the user meant.
     */
    private static NumberScanner.Scanned octal(NumberScanner.Scanned number, boolean readAsOctal, Refusal refusal) {
        String numberText = number.text();
        String digits = numberText.startsWith("-") || numberText.startsWith("+") ? numberText.substring(1) : numberText;
        if (digits.length() < 2 || digits.charAt(0) != '0') {
            return number;
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty() || (significant.length() == 1 && significant.charAt(0) < '8')) {
            return number;
        }
        if (!significant.chars().allMatch(c -> c < '8')) {
            throw refusal.malformed("PostgreSQL reads a leading 0 as octal and " + digits
                    + " is no octal number; write " + significant + " without the leading zero");
        }
        BigInteger octal = new BigInteger(significant, 8);
        if (!readAsOctal) {
            throw refusal.malformed("PostgreSQL reads " + digits + " as the octal number " + octal + "; write "
                    + octal + ", or " + significant + " without the leading zero");
        }
        BigDecimal value = new BigDecimal(number.negative() ? octal.negate() : octal);
        return new NumberScanner.Scanned(value, 0, number.negative(), number.end(), true, false, false, numberText);
    }

    @Override
    public String formatNumber(Unit base, BigDecimal amount) {
        if (base.family() == UnitFamily.NONE || amount.signum() <= 0) {
            return Numbers.text(amount); // SHOW prints zero and negative values without a unit, too
        }
        BigDecimal smallest = amount.multiply(base.factorAsDecimal());
        for (Unit unit : Unit.namedUnits(base.family())) {
            // Only a whole number of the unit is wanted: a remainder says so without the exact quotient, whose
            // digits (1/2^40 has 40) made formatting the costliest part of a diff.
            BigDecimal[] inUnit = smallest.divideAndRemainder(unit.factorAsDecimal());
            if (inUnit[1].signum() == 0) {
                return Numbers.text(inUnit[0]) + unit.symbol();
            }
        }
        return Numbers.text(smallest) + Unit.namedUnits(base.family()).getLast().symbol();
    }

    @Override
    public BigDecimal implicitMin(ParameterSpec spec) {
        return spec.type() == ParameterType.INTEGER ? INT_MIN : DOUBLE_MAX.negate();
    }

    @Override
    public BigDecimal implicitMax(ParameterSpec spec) {
        return spec.type() == ParameterType.INTEGER ? INT_MAX : DOUBLE_MAX;
    }
}
