package io.knobwright.model.template.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses template expressions such as {@code 25% of RAM}, {@code min(RAM/4, 8GB)},
 * {@code RAM*0.75 - shared_buffers} or {@code (RAM - shared_buffers) / (max_connections * 3)}.
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := NUMBER [UNIT] | NUMBER '%' ['of' unary] | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 * Recursive descent by hand: the grammar is small and the messages must point at a column.
 */
public final class ExpressionParser {

    /** Maximum source length: expressions are one-liners; anything longer is a mistake or hostile. */
    public static final int MAX_LENGTH = 500;
    private static final int MAX_DEPTH = 50;

    private static final Set<String> FUNCTIONS = Set.of("min", "max", "round", "floor", "ceil", "clamp");

    /** Unit suffixes accepted in literals, mapped to their size in bytes or milliseconds. */
    private static final Map<String, Quantity> UNITS = Map.ofEntries(
            Map.entry("B", Quantity.bytes(1)),
            Map.entry("kB", Quantity.bytes(1024)), Map.entry("KB", Quantity.bytes(1024)),
            Map.entry("K", Quantity.bytes(1024)), Map.entry("k", Quantity.bytes(1024)),
            Map.entry("MB", Quantity.bytes(1024L * 1024)), Map.entry("M", Quantity.bytes(1024L * 1024)),
            Map.entry("GB", Quantity.bytes(1024L * 1024 * 1024)), Map.entry("G", Quantity.bytes(1024L * 1024 * 1024)),
            Map.entry("TB", Quantity.bytes(1024L * 1024 * 1024 * 1024)),
            Map.entry("T", Quantity.bytes(1024L * 1024 * 1024 * 1024)),
            Map.entry("ms", Quantity.millis(1)),
            Map.entry("s", Quantity.millis(1000)),
            Map.entry("min", Quantity.millis(60_000)),
            Map.entry("h", Quantity.millis(3_600_000)),
            Map.entry("d", Quantity.millis(86_400_000)));

    private final String source;
    private int pos;
    private int depth;

    private ExpressionParser(String source) {
        this.source = source;
    }

    public static Expr parse(String source) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException("The expression is empty");
        }
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException("The expression is longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(source);
        Expr expr = parser.expression();
        parser.skipSpaces();
        if (parser.pos < source.length()) {
            throw parser.error("unexpected '" + source.charAt(parser.pos) + "'");
        }
        return expr;
    }

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw error("the expression nests too deeply");
        }
        Expr left = term();
        while (true) {
            skipSpaces();
            int column = pos + 1;
            if (accept('+')) {
                left = new Expr.Binary('+', left, term(), column);
            } else if (accept('-')) {
                left = new Expr.Binary('-', left, term(), column);
            } else {
                depth--;
                return left;
            }
        }
    }

    private Expr term() {
        Expr left = unary();
        while (true) {
            skipSpaces();
            int column = pos + 1;
            if (accept('*')) {
                left = new Expr.Binary('*', left, unary(), column);
            } else if (accept('/')) {
                left = new Expr.Binary('/', left, unary(), column);
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        skipSpaces();
        if (accept('-')) {
            if (++depth > MAX_DEPTH) {
                throw error("the expression nests too deeply");
            }
            Expr operand = unary();
            depth--;
            return new Expr.Negate(operand);
        }
        return primary();
    }

    private Expr primary() {
        skipSpaces();
        if (pos >= source.length()) {
            throw error("the expression ends where a value was expected");
        }
        char c = source.charAt(pos);
        if (accept('(')) {
            Expr inner = expression();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return nameOrCall();
        }
        throw error("unexpected '" + c + "'");
    }

    private Expr number() {
        int start = pos;
        while (pos < source.length() && (Character.isDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
            pos++;
        }
        String digits = source.substring(start, pos);
        BigDecimal amount;
        try {
            amount = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw errorAt(start, "'" + digits + "' is not a number");
        }
        if (accept('%')) {
            Expr percent = new Expr.Literal(new Quantity(amount.movePointLeft(2), Dimension.NUMBER), digits + "%");
            int afterPercent = pos;
            skipSpaces();
            if (source.startsWith("of", pos) && (pos + 2 == source.length() || !isNameChar(source.charAt(pos + 2)))) {
                int column = pos + 1;
                pos += 2;
                return new Expr.Binary('*', percent, unary(), column);
            }
            pos = afterPercent;
            return percent;
        }
        int unitStart = pos;
        while (pos < source.length() && Character.isLetter(source.charAt(pos))) {
            pos++;
        }
        String unit = source.substring(unitStart, pos);
        if (unit.isEmpty()) {
            return new Expr.Literal(new Quantity(amount, Dimension.NUMBER), digits);
        }
        Quantity scale = UNITS.get(unit);
        if (scale == null) {
            throw errorAt(unitStart, "unknown unit '" + unit + "' (sizes: B, kB, MB, GB, TB; durations: ms, s, min, h, d)");
        }
        return new Expr.Literal(new Quantity(amount.multiply(scale.amount()), scale.dimension()), digits + unit);
    }

    private Expr nameOrCall() {
        int start = pos;
        while (pos < source.length() && isNameChar(source.charAt(pos))) {
            pos++;
        }
        String name = source.substring(start, pos);
        skipSpaces();
        if (pos < source.length() && source.charAt(pos) == '(') {
            String function = name.toLowerCase(java.util.Locale.ROOT);
            if (!FUNCTIONS.contains(function)) {
                throw errorAt(start, "unknown function '" + name + "' (known: " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)) + ")");
            }
            pos++;
            List<Expr> args = new ArrayList<>();
            skipSpaces();
            if (!accept(')')) {
                do {
                    args.add(expression());
                    skipSpaces();
                } while (accept(','));
                expect(')');
            }
            return new Expr.Call(function, List.copyOf(args), start + 1);
        }
        return new Expr.Reference(name, start + 1);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private void skipSpaces() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < source.length() && source.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error(pos >= source.length() ? "missing '" + c + "' at the end" : "expected '" + c + "'");
        }
    }

    private ExpressionException error(String what) {
        return errorAt(pos, what);
    }

    private ExpressionException errorAt(int index, String what) {
        return new ExpressionException("In '" + source + "', column " + (index + 1) + ": " + what);
    }
}
