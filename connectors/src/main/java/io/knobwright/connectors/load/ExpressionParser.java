package io.knobwright.connectors.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recursive descent over one {@code \set} expression; errors say what was expected and where (1-based column). */
final class ExpressionParser {

    private final String text;
    private int pos;

    ExpressionParser(String text) {
        this.text = text;
    }

    Expression parseAll() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("an expression is missing");
        }
        Expression e = sum();
        skipSpaces();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return e;
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            skipSpaces();
            if (peek('+') || peek('-')) {
                char op = text.charAt(pos++);
                left = new Expression.Binary(op, left, product());
            } else {
                return left;
            }
        }
    }

    private Expression product() {
        Expression left = unary();
        while (true) {
            skipSpaces();
            if (peek('*') || peek('/') || peek('%')) {
                char op = text.charAt(pos++);
                left = new Expression.Binary(op, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        skipSpaces();
        if (peek('-')) {
            pos++;
            return new Expression.Negate(unary());
        }
        if (peek('+')) {
            pos++;
            return unary();
        }
        return primary();
    }

    private Expression primary() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("the expression ends where a value is expected");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expression inner = sum();
            expect(')');
            return inner;
        }
        if (c == ':') {
            pos++;
            String name = identifier();
            if (name.isEmpty()) {
                throw error("a variable name must follow ':'");
            }
            return new Expression.Variable(name);
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int at = pos;
            String name = identifier().toLowerCase(Locale.ROOT);
            int arity = Expression.Functions.arity(name);
            if (arity == -2) {
                pos = at;
                throw error("unknown function " + name + " (Knobwright knows random, random_exponential,"
                        + " random_gaussian, random_zipfian, abs, least, greatest, int, double)");
            }
            skipSpaces();
            expect('(');
            List<Expression> args = new ArrayList<>();
            skipSpaces();
            if (!peek(')')) {
                args.add(sum());
                skipSpaces();
                while (peek(',')) {
                    pos++;
                    args.add(sum());
                    skipSpaces();
                }
            }
            expect(')');
            if (arity >= 0 && args.size() != arity || arity == -1 && args.isEmpty()) {
                pos = at;
                throw error(name + " takes " + (arity < 0 ? "one or more arguments" : arity + " argument"
                        + (arity == 1 ? "" : "s")) + ", not " + args.size());
            }
            return new Expression.Call(name, args);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expression number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        boolean isDouble = false;
        if (peek('.')) {
            isDouble = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (peek('e') || peek('E')) {
            isDouble = true;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        try {
            if (isDouble) {
                return new Expression.Constant(Double.parseDouble(literal));
            }
            return new Expression.Constant(Long.parseLong(literal));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("'" + literal + "' is not a number pgbench reads");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpaces();
        if (!peek(c)) {
            throw error("'" + c + "' expected" + (pos < text.length() ? ", found '" + text.charAt(pos) + "'" : ""));
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + (pos + 1) + " of '" + text + "'");
    }
}
