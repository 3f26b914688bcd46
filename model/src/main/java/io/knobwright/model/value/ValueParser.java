package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns text - typed by a user, read from a template, reported by a server - into a {@link ParameterValue} for
 * one parameter, the way that parameter's engine would read it. Prefer the {@link Values} facade.
 */
public final class ValueParser {

    /** Longer input is refused before any work: no setting of a non-text parameter is written like that. */
    private static final int MAX_LENGTH = 1_000;

    private ValueParser() {
    }

    /**
     * The value the text stands for, checked against the parameter's range.
     *
     * @throws InvalidValueException when the engine would refuse the text, with a message for the user
     */
    public static ParameterValue parse(ParameterSpec spec, String text) {
        return parse(spec, text, true);
    }

    /**
     * Like {@link #parse} but without the range check and with any enum word accepted: for comparing what servers
     * report, where a value outside today's catalog (another minor version, a build option) must still be read.
     */
    public static ParameterValue parseIgnoringRange(ParameterSpec spec, String text) {
        return parse(spec, text, false);
    }

    /** @param strict check the range and the listed choices, and refuse what a person most likely did not mean */
    private static ParameterValue parse(ParameterSpec spec, String text, boolean strict) {
        Refusal refusal = new Refusal(spec, text);
        if (text == null) {
            throw refusal.malformed("no value was given");
        }
        if (text.length() > MAX_LENGTH && spec.type() != ParameterType.STRING) {
            throw refusal.malformed("the value is " + text.length() + " characters long, which no "
                    + spec.type().name().toLowerCase(Locale.ROOT) + " setting is");
        }
        EngineSyntax syntax = EngineSyntax.of(spec.engine());
        return switch (spec.type()) {
            case BOOLEAN -> parseBoolean(syntax, clean(text), refusal);
            case ENUM -> parseEnum(spec, syntax, clean(text), refusal, strict);
            case STRING -> new TextValue(unquote(text));
            case INTEGER, REAL -> parseNumber(spec, syntax, clean(text), refusal, strict);
        };
    }

    /** Surrounding whitespace and one pair of matching quotes, as postgresql.conf and my.cnf allow, are not part of a value. */
    static String clean(String text) {
        String s = text.strip();
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /**
     * Text values keep their whitespace (log_line_prefix = '%m [%p] ' ends in a space) and double quotes
     * (search_path = '"$user", public'); only a single-quoted configuration-file literal is unwrapped.
     */
    private static String unquote(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\'' && text.charAt(text.length() - 1) == '\'') {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return text;
    }

    private static BooleanValue parseBoolean(EngineSyntax syntax, String text, Refusal refusal) {
        return syntax.parseBoolean(text).map(BooleanValue::of).orElseThrow(() -> refusal.malformed(
                refusal.shown() + " is not a boolean; write " + syntax.booleanSpellings()));
    }

    /** With {@code checkChoices} off, an unlisted word is taken as it is: a newer server may offer more choices. */
    private static EnumValue parseEnum(ParameterSpec spec, EngineSyntax syntax, String text, Refusal refusal,
                                       boolean checkChoices) {
        List<String> choices = spec.enumValues();
        Optional<String> listed = choices.stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
                .or(() -> syntax.enumSynonym(spec, text));
        if (listed.isPresent()) {
            return new EnumValue(listed.get());
        }
        if (choices.isEmpty() || !checkChoices) {
            if (text.isEmpty() || text.chars().anyMatch(c -> c == '\'' || c == '"' || Character.isISOControl(c))) {
                throw refusal.malformed(refusal.shown() + " is not a choice " + spec.engine().displayName()
                        + " could have; write the choice's name");
            }
            return new EnumValue(text);
        }
        List<String> near = EditDistance.nearest(text, choices, 3);
        String hint = near.isEmpty() ? "" : "; did you mean " + EditDistance.orList(near) + "?";
        throw refusal.refuse(InvalidValueException.Reason.NOT_ALLOWED, refusal.shown() + " is not one of "
                + String.join(", ", choices) + hint, near);
    }

    private static NumericValue parseNumber(ParameterSpec spec, EngineSyntax syntax, String text, Refusal refusal,
                                            boolean strict) {
        Unit base = Unit.of(spec);
        BigDecimal amount = syntax.parseNumber(spec, base, text, refusal, !strict);
        if (strict) {
            checkRange(spec, syntax, amount, refusal);
        }
        return new NumericValue(amount, base);
    }

    private static void checkRange(ParameterSpec spec, EngineSyntax syntax, BigDecimal amount, Refusal refusal) {
        BigDecimal min = spec.min() != null ? spec.min() : syntax.implicitMin(spec);
        BigDecimal max = spec.max() != null ? spec.max() : syntax.implicitMax(spec);
        if (min != null && amount.compareTo(min) < 0) {
            throw refusal.belowMinimum(min);
        }
        if (max != null && amount.compareTo(max) > 0) {
            throw refusal.aboveMaximum(max);
        }
    }

    /**
     * A computed value (a template's "25% of RAM" in bytes) as the parameter holds it: in its base unit, an integer
     * parameter's amount rounded half to even, checked against the range; other values checked as if parsed.
     *
     * @throws InvalidValueException when the value measures something else or falls outside the range
     */
    public static ParameterValue conform(ParameterSpec spec, ParameterValue value) {
        if (!(value instanceof NumericValue number)) {
            return value instanceof TextValue ? value : parse(spec, ValueFormatter.format(spec, value));
        }
        Unit base = Unit.of(spec);
        String given = Numbers.text(number.amount()) + number.unit().symbol();
        Refusal refusal = new Refusal(spec, given);
        if (spec.type() != ParameterType.INTEGER && spec.type() != ParameterType.REAL) {
            throw refusal.malformed(refusal.shown() + " is a number, but " + spec.name() + " is "
                    + spec.type().name().toLowerCase(Locale.ROOT));
        }
        if (number.unit().family() != base.family()) {
            String expected = base.family() == UnitFamily.NONE ? "takes a plain number"
                    : "is " + base.family().description();
            throw refusal.wrongUnit(refusal.shown() + " is " + number.unit().family().description() + ", but "
                    + spec.name() + " " + expected, List.of());
        }
        BigDecimal amount = ValueFormatter.inBaseUnit(spec, number);
        if (spec.type() == ParameterType.INTEGER) {
            amount = amount.setScale(0, RoundingMode.HALF_EVEN);
        }
        checkRange(spec, EngineSyntax.of(spec.engine()), amount, refusal);
        return new NumericValue(amount, base);
    }
}
