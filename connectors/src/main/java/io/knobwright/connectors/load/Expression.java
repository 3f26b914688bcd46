package io.knobwright.connectors.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The subset of pgbench's {@code \set} expression language Knobwright runs: integer and double constants,
 * {@code + - * / %}, unary minus, parentheses, {@code :name} references and the functions {@code random},
 * {@code random_exponential}, {@code random_gaussian}, {@code random_zipfian}, {@code abs}, {@code least},
 * {@code greatest}, {@code int} and {@code double}. Values are 64-bit integers or doubles with pgbench's rules:
 * integer with integer stays integer ({@code 7/2} is 3, truncating like C), anything with a double is a double, and
 * {@code %} takes integers only. The random functions draw as pgbench's do (same distributions, same parameter
 * limits), from the client's own generator.
 */
public sealed interface Expression {

    /** The value, a {@link Long} or a {@link Double}; {@code variables} holds the client's variables. */
    Number evaluate(Map<String, Number> variables, RandomGenerator random);

    /** Every variable the expression refers to, in order of appearance. */
    default List<String> references() {
        List<String> names = new ArrayList<>();
        collect(this, names);
        return names;
    }

    /**
     * Parses {@code text}; a malformed expression is an {@link IllegalArgumentException} whose message says what is
     * wrong (the script parser adds the line).
     */
    static Expression parse(String text) {
        return new ExpressionParser(text).parseAll();
    }

    private static void collect(Expression e, List<String> names) {
        switch (e) {
            case Variable v -> names.add(v.name());
            case Negate n -> collect(n.operand(), names);
            case Binary b -> {
                collect(b.left(), names);
                collect(b.right(), names);
            }
            case Call c -> c.arguments().forEach(a -> collect(a, names));
            case Constant ignored -> { }
        }
    }

    /** A literal number. */
    record Constant(Number value) implements Expression {
        public Number evaluate(Map<String, Number> variables, RandomGenerator random) {
            return value;
        }
    }

    /** {@code :name}. */
    record Variable(String name) implements Expression {
        public Number evaluate(Map<String, Number> variables, RandomGenerator random) {
            Number value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("variable :" + name + " has no value");
            }
            return value;
        }
    }

    /** Unary minus. */
    record Negate(Expression operand) implements Expression {
        public Number evaluate(Map<String, Number> variables, RandomGenerator random) {
            Number v = operand.evaluate(variables, random);
            return v instanceof Long l ? (Number) Math.negateExact(l) : (Number) (-v.doubleValue());
        }
    }

    /** One of {@code + - * / %}. */
    record Binary(char operator, Expression left, Expression right) implements Expression {
        public Number evaluate(Map<String, Number> variables, RandomGenerator random) {
            Number a = left.evaluate(variables, random);
            Number b = right.evaluate(variables, random);
            if (a instanceof Long x && b instanceof Long y) {
                return switch (operator) {
                    case '+' -> Math.addExact(x, y);
                    case '-' -> Math.subtractExact(x, y);
                    case '*' -> Math.multiplyExact(x, y);
                    case '/' -> {
                        if (y == 0) {
                            throw new IllegalArgumentException("division by zero");
                        }
                        yield x / y;
                    }
                    default -> {
                        if (y == 0) {
                            throw new IllegalArgumentException("division by zero");
                        }
                        yield x % y;
                    }
                };
            }
            if (operator == '%') {
                throw new IllegalArgumentException("% takes integers, not " + a + " and " + b);
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            return switch (operator) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> {
                    if (y == 0) {
                        throw new IllegalArgumentException("division by zero");
                    }
                    yield x / y;
                }
            };
        }
    }

    /** A function call; the parser checked the name and the number of arguments. */
    record Call(String function, List<Expression> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        public Number evaluate(Map<String, Number> variables, RandomGenerator random) {
            List<Number> args = new ArrayList<>(arguments.size());
            for (Expression a : arguments) {
                args.add(a.evaluate(variables, random));
            }
            return Functions.apply(function, args, random);
        }
    }

    /** The functions and pgbench's way of drawing each distribution (pgbench.c getExponentialRand etc.). */
    final class Functions {

        /** pgbench refuses a zipfian parameter outside this range (MIN_ZIPFIAN_PARAM, MAX_ZIPFIAN_PARAM). */
        static final double MIN_ZIPFIAN = 1.001;
        static final double MAX_ZIPFIAN = 1000.0;
        /** pgbench's MIN_GAUSSIAN_PARAM: below it the rejection loop would run too long. */
        static final double MIN_GAUSSIAN = 2.0;

        private Functions() {
        }

        /** How many arguments each function takes; -1 is one or more. */
        static int arity(String function) {
            return switch (function) {
                case "random" -> 2;
                case "random_exponential", "random_gaussian", "random_zipfian" -> 3;
                case "abs", "int", "double" -> 1;
                case "least", "greatest" -> -1;
                default -> -2;
            };
        }

        static Number apply(String function, List<Number> args, RandomGenerator random) {
            return switch (function) {
                case "abs" -> args.getFirst() instanceof Long l ? (Number) Math.absExact(l)
                        : (Number) Math.abs(args.getFirst().doubleValue());
                case "int" -> toInt(args.getFirst());
                case "double" -> args.getFirst().doubleValue();
                case "least", "greatest" -> extreme(function.equals("least"), args);
                default -> randomOf(function, toInt(args.get(0)), toInt(args.get(1)),
                        args.size() > 2 ? args.get(2).doubleValue() : 0, random);
            };
        }

        private static long toInt(Number n) {
            if (n instanceof Long l) {
                return l;
            }
            double d = n.doubleValue();
            if (Double.isNaN(d) || d < Long.MIN_VALUE || d >= 0x1p63) {
                throw new IllegalArgumentException("double " + d + " is out of the integer range");
            }
            return (long) d;
        }

        private static Number extreme(boolean least, List<Number> args) {
            boolean allIntegers = args.stream().allMatch(a -> a instanceof Long);
            if (allIntegers) {
                long best = (Long) args.getFirst();
                for (Number a : args) {
                    best = least ? Math.min(best, (Long) a) : Math.max(best, (Long) a);
                }
                return best;
            }
            double best = args.getFirst().doubleValue();
            for (Number a : args) {
                best = least ? Math.min(best, a.doubleValue()) : Math.max(best, a.doubleValue());
            }
            return best;
        }

        private static long randomOf(String function, long min, long max, double parameter, RandomGenerator random) {
            if (max < min) {
                throw new IllegalArgumentException(function + "(" + min + ", " + max + "): the upper bound is below the"
                        + " lower one");
            }
            // pgbench refuses ranges wider than INT64_MAX too
            if (max - min < 0 || max - min == Long.MAX_VALUE) {
                throw new IllegalArgumentException(function + ": the range " + min + ".." + max + " is too large");
            }
            long size = max - min + 1;
            return switch (function) {
                case "random" -> min + random.nextLong(size);
                case "random_exponential" -> {
                    if (!(parameter > 0)) {
                        throw new IllegalArgumentException("random_exponential needs a parameter above 0, not "
                                + parameter);
                    }
                    double cut = Math.exp(-parameter);
                    double uniform = 1.0 - random.nextDouble(); // (0, 1]
                    double r = -Math.log(cut + (1.0 - cut) * uniform) / parameter; // [0, 1)
                    yield min + (long) (size * r);
                }
                case "random_gaussian" -> {
                    if (!(parameter >= MIN_GAUSSIAN)) {
                        throw new IllegalArgumentException("random_gaussian needs a parameter of at least "
                                + MIN_GAUSSIAN + ", not " + parameter);
                    }
                    double stdev;
                    do {
                        double r1 = 1.0 - random.nextDouble();
                        double r2 = random.nextDouble();
                        stdev = Math.sqrt(-2.0 * Math.log(r1)) * Math.sin(2.0 * Math.PI * r2);
                    } while (stdev < -parameter || stdev >= parameter);
                    double r = (stdev + parameter) / (parameter * 2.0);
                    yield min + (long) (size * r);
                }
                default -> {
                    if (!(parameter >= MIN_ZIPFIAN && parameter <= MAX_ZIPFIAN)) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "random_zipfian needs a parameter from %.3f to %.0f, not %s", MIN_ZIPFIAN,
                                MAX_ZIPFIAN, parameter));
                    }
                    yield min + zipfian(size, parameter, random) - 1;
                }
            };
        }

        /** Devroye's rejection method, as pgbench's computeIterativeZipfian: 1..n, 1 the most likely. */
        private static long zipfian(long n, double s, RandomGenerator random) {
            double b = Math.pow(2.0, s - 1.0);
            while (true) {
                double u = random.nextDouble();
                double v = random.nextDouble();
                double x = Math.floor(Math.pow(u, -1.0 / (s - 1.0)));
                double t = Math.pow(1.0 + 1.0 / x, s - 1.0);
                if (v * x * (t - 1.0) / (b - 1.0) <= t / b && x <= n) {
                    return (long) x;
                }
            }
        }
    }
}
