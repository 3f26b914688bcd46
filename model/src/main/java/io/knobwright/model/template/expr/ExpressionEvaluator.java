package io.knobwright.model.template.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Evaluates a parsed expression against the names an instance and a template provide. Dimensions are
 * checked as it goes, so "RAM + 3" fails with a message instead of producing a nonsense size.
 */
public final class ExpressionEvaluator {

    /** Supplies the value of a name (RAM, CPUS, shared_buffers, ...), or throws ExpressionException. */
    @FunctionalInterface
    public interface Names {
        Quantity valueOf(String name, int column);
    }

    private final Names names;

    public ExpressionEvaluator(Names names) {
        this.names = names;
    }

    public Quantity evaluate(Expr expr) {
        return switch (expr) {
            case Expr.Literal literal -> literal.value();
            case Expr.Reference ref -> names.valueOf(ref.name(), ref.column());
            case Expr.Negate negate -> {
                Quantity q = evaluate(negate.operand());
                yield new Quantity(q.amount().negate(), q.dimension());
            }
            case Expr.Binary binary -> binary(binary);
            case Expr.Call call -> call(call);
        };
    }

    private Quantity binary(Expr.Binary b) {
        Quantity left = evaluate(b.left());
        Quantity right = evaluate(b.right());
        return switch (b.operator()) {
            case '+' -> new Quantity(left.amount().add(right.amount(), Quantity.PRECISION), sameDimension(b, left, right, "add"));
            case '-' -> new Quantity(left.amount().subtract(right.amount(), Quantity.PRECISION), sameDimension(b, left, right, "subtract"));
            case '*' -> multiply(b, left, right);
            case '/' -> divide(b, left, right);
            default -> throw new IllegalStateException("operator " + b.operator());
        };
    }

    private static Dimension sameDimension(Expr.Binary b, Quantity left, Quantity right, String verb) {
        if (left.dimension() != right.dimension()) {
            throw new ExpressionException("Column " + b.column() + ": cannot " + verb + " " + left + " ("
                    + left.dimension().description() + ") and " + right + " (" + right.dimension().description() + ")");
        }
        return left.dimension();
    }

    private static Quantity multiply(Expr.Binary b, Quantity left, Quantity right) {
        if (left.dimension() != Dimension.NUMBER && right.dimension() != Dimension.NUMBER) {
            throw new ExpressionException("Column " + b.column() + ": cannot multiply " + left + " by " + right
                    + " (two sizes or durations); one side must be a plain number");
        }
        Dimension dimension = left.dimension() == Dimension.NUMBER ? right.dimension() : left.dimension();
        return new Quantity(left.amount().multiply(right.amount(), Quantity.PRECISION), dimension);
    }

    private static Quantity divide(Expr.Binary b, Quantity left, Quantity right) {
        if (right.amount().signum() == 0) {
            throw new ExpressionException("Column " + b.column() + ": division by zero (" + left + " / " + right + ")");
        }
        Dimension dimension;
        if (right.dimension() == Dimension.NUMBER) {
            dimension = left.dimension();
        } else if (left.dimension() == right.dimension()) {
            dimension = Dimension.NUMBER;
        } else {
            throw new ExpressionException("Column " + b.column() + ": cannot divide " + left + " ("
                    + left.dimension().description() + ") by " + right + " (" + right.dimension().description() + ")");
        }
        return new Quantity(left.amount().divide(right.amount(), Quantity.PRECISION), dimension);
    }

    private Quantity call(Expr.Call call) {
        List<Quantity> args = call.arguments().stream().map(this::evaluate).toList();
        return switch (call.function()) {
            case "min", "max" -> {
                requireArity(call, args, 1, Integer.MAX_VALUE);
                Quantity best = args.getFirst();
                for (Quantity q : args) {
                    requireSame(call, best, q);
                    int cmp = q.amount().compareTo(best.amount());
                    if (call.function().equals("min") ? cmp < 0 : cmp > 0) {
                        best = q;
                    }
                }
                yield best;
            }
            case "round" -> rounded(call, args, RoundingMode.HALF_UP);
            case "floor" -> rounded(call, args, RoundingMode.FLOOR);
            case "ceil" -> rounded(call, args, RoundingMode.CEILING);
            case "clamp" -> {
                requireArity(call, args, 3, 3);
                Quantity x = args.get(0);
                Quantity lo = args.get(1);
                Quantity hi = args.get(2);
                requireSame(call, x, lo);
                requireSame(call, x, hi);
                if (lo.amount().compareTo(hi.amount()) > 0) {
                    throw new ExpressionException("Column " + call.column() + ": clamp lower bound " + lo + " is above upper bound " + hi);
                }
                BigDecimal v = x.amount().max(lo.amount()).min(hi.amount());
                yield new Quantity(v, x.dimension());
            }
            default -> throw new IllegalStateException("function " + call.function());
        };
    }

    private static Quantity rounded(Expr.Call call, List<Quantity> args, RoundingMode mode) {
        requireArity(call, args, 1, 1);
        Quantity q = args.getFirst();
        return new Quantity(q.amount().setScale(0, mode), q.dimension());
    }

    private static void requireArity(Expr.Call call, List<Quantity> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? String.valueOf(min) : "at least " + min;
            throw new ExpressionException("Column " + call.column() + ": " + call.function() + " takes " + expected
                    + " argument" + (min == 1 ? "" : "s") + ", got " + args.size());
        }
    }

    private static void requireSame(Expr.Call call, Quantity a, Quantity b) {
        if (a.dimension() != b.dimension()) {
            throw new ExpressionException("Column " + call.column() + ": " + call.function() + " mixes " + a + " ("
                    + a.dimension().description() + ") and " + b + " (" + b.dimension().description() + ")");
        }
    }
}
