package io.knobwright.model.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads the number at the start of a text, the way C's strtod does for the decimal forms: optional sign, digits
 * with an optional point, an optional exponent that is only taken when digits follow it ("1e3kB" is 1000 kB,
 * "1e" is 1 followed by the unit "e"). Optionally also a hexadecimal integer ("0x10"), as PostgreSQL's strtol.
 * Only ASCII digits count. Hand-written rather than a regex so that hostile input costs linear time.
 */
final class NumberScanner {

    /** Longer numbers are refused outright: no setting needs them and BigDecimal work grows with the length. */
    static final int MAX_DIGITS = 200;
    /** Beyond this decimal exponent a number is certainly out of any range; it is never materialised. */
    static final int MAX_EXPONENT = 400;

    /**
     * A scanned number.
     *
     * @param value         the number; null when {@code magnitude} is not 0
     * @param magnitude     +1 when the number is too large to handle (beyond 1e400), -1 when it is too close to zero
     *                      (below 1e-400), 0 otherwise
     * @param negative      whether a minus sign was given (kept separately because -1e999 has no value)
     * @param end           index just after the number
     * @param integerSyntax no decimal point and no exponent: how strtol reads it
     * @param hex           written as 0x...
     * @param tooLong       more than {@link #MAX_DIGITS} digits
     */
    record Scanned(BigDecimal value, int magnitude, boolean negative, int end, boolean integerSyntax, boolean hex,
                   boolean tooLong, String text) {
    }

    private NumberScanner() {
    }

    /** The number at the start of {@code s}, or null when it does not start with one. */
    static Scanned scan(String s, boolean allowHex) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (allowHex && i + 2 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && isHexDigit(s.charAt(i + 2))) {
            int start = i + 2;
            int j = start;
            while (j < s.length() && isHexDigit(s.charAt(j))) {
                j++;
            }
            if (j - start > MAX_DIGITS) {
                return new Scanned(null, 0, negative, j, true, true, true, s.substring(0, j));
            }
            BigInteger magnitude = new BigInteger(s.substring(start, j), 16);
            BigDecimal value = new BigDecimal(negative ? magnitude.negate() : magnitude);
            return new Scanned(value, 0, negative, j, true, true, false, s.substring(0, j));
        }
        StringBuilder digits = new StringBuilder();
        int fractionDigits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            digits.append(s.charAt(i++));
        }
        boolean point = false;
        if (i < s.length() && s.charAt(i) == '.') {
            point = true;
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                digits.append(s.charAt(i++));
                fractionDigits++;
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        long exponent = 0;
        boolean hasExponent = false;
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            boolean negativeExponent = false;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                negativeExponent = s.charAt(j) == '-';
                j++;
            }
            if (j < s.length() && isDigit(s.charAt(j))) {
                hasExponent = true;
                while (j < s.length() && isDigit(s.charAt(j))) {
                    // Saturate: anything past a billion is as out of range as a billion.
                    exponent = Math.min(exponent * 10 + (s.charAt(j) - '0'), 1_000_000_000L);
                    j++;
                }
                exponent = negativeExponent ? -exponent : exponent;
                i = j;
            }
        }
        String text = s.substring(0, i);
        boolean integerSyntax = !point && !hasExponent;
        if (digits.length() > MAX_DIGITS) {
            return new Scanned(null, 0, negative, i, integerSyntax, false, true, text);
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        if (unscaled.signum() == 0) {
            return new Scanned(BigDecimal.ZERO, 0, negative, i, integerSyntax, false, false, text);
        }
        // Decimal exponent of the leading digit: decides "huge" and "tiny" before any BigDecimal is built.
        long leading = digits.length() - fractionDigits - 1 + exponent - leadingZeros(digits);
        if (leading > MAX_EXPONENT) {
            return new Scanned(null, 1, negative, i, integerSyntax, false, false, text);
        }
        if (leading < -MAX_EXPONENT) {
            return new Scanned(null, -1, negative, i, integerSyntax, false, false, text);
        }
        BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, (int) (fractionDigits - exponent));
        return new Scanned(value, 0, negative, i, integerSyntax, false, false, text);
    }

    private static int leadingZeros(CharSequence digits) {
        int n = 0;
        while (n < digits.length() - 1 && digits.charAt(n) == '0') {
            n++;
        }
        return n;
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
