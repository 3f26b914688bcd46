package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;

/** Decimal arithmetic and spelling shared by the engine syntaxes. */
final class Numbers {

    private Numbers() {
    }

    /**
     * x / divisor, exactly when the quotient terminates (always for memory units, which are powers of two), else
     * to 34 significant digits (seconds into minutes). Only real-valued parameters keep such a quotient; integer
     * ones are rounded afterwards and 34 digits decide that rounding correctly for any value in range.
     */
    static BigDecimal divide(BigDecimal x, long divisor) {
        BigDecimal exact = divideExactly(x, divisor);
        return exact != null ? exact : x.divide(BigDecimal.valueOf(divisor), MathContext.DECIMAL128);
    }

    /** x / divisor when the quotient has a finite decimal expansion; null otherwise. */
    static BigDecimal divideExactly(BigDecimal x, long divisor) {
        if (divisor != 0) {
            BigInteger[] quotientAndRest = x.unscaledValue().divideAndRemainder(BigInteger.valueOf(divisor));
            if (quotientAndRest[1].signum() == 0) {
                // The usual case, a whole multiple of the unit: the same value BigDecimal's exact division gives,
                // without its long division to dozens of digits (a template's resolution did it on every literal).
                return new BigDecimal(quotientAndRest[0], x.scale());
            }
        }
        try {
            return x.divide(BigDecimal.valueOf(divisor));
        } catch (ArithmeticException nonTerminating) {
            return null;
        }
    }

    static boolean isWhole(BigDecimal x) {
        return x.signum() == 0 || x.stripTrailingZeros().scale() <= 0;
    }

    /** Shortest exact spelling: "1024", "0.5", "1e+300" for numbers a plain spelling would make unreadable. */
    static String text(BigDecimal x) {
        BigDecimal stripped = x.signum() == 0 ? BigDecimal.ZERO : x.stripTrailingZeros();
        int leadingExponent = stripped.precision() - stripped.scale() - 1;
        if (leadingExponent >= -7 && leadingExponent < 21) {
            return stripped.toPlainString();
        }
        return stripped.toString().toLowerCase(Locale.ROOT);
    }

    /** Refuses numbers scanned as unusable: too many digits, beyond any range, or too close to zero to store. */
    static void refuseUnusable(NumberScanner.Scanned number, ParameterSpec spec, EngineSyntax syntax,
                               Refusal refusal) {
        if (number.tooLong()) {
            throw refusal.malformed(refusal.shown() + " has more than " + NumberScanner.MAX_DIGITS
                    + " digits, which no setting takes");
        }
        if (number.magnitude() > 0) {
            throw number.negative()
                    ? refusal.belowMinimum(spec.min() != null ? spec.min() : syntax.implicitMin(spec))
                    : refusal.aboveMaximum(spec.max() != null ? spec.max() : syntax.implicitMax(spec));
        }
        if (number.magnitude() < 0) {
            throw refusal.malformed(refusal.shown() + " is too close to zero for " + spec.engine().displayName()
                    + " to read; write 0 or a larger value");
        }
    }
}
