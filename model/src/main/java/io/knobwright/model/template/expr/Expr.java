package io.knobwright.model.template.expr;

import java.util.List;

/** Syntax tree of a template expression. {@code text} keeps the source span for messages. */
public sealed interface Expr {

    /** A literal such as 8GB, 30s, 0.75 or 25%. */
    record Literal(Quantity value, String text) implements Expr { }

    /** An instance fact (RAM, CPUS, DISK) or another parameter (shared_buffers). */
    record Reference(String name, int column) implements Expr { }

    record Negate(Expr operand) implements Expr { }

    record Binary(char operator, Expr left, Expr right, int column) implements Expr { }

    /** min(...), max(...), round(x), floor(x), ceil(x), clamp(x, lo, hi). */
    record Call(String function, List<Expr> arguments, int column) implements Expr { }
}
