package io.knobwright.connectors.load;

import io.knobwright.model.UserError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A workload transaction in pgbench's script language: SQL statements, {@code \set} and {@code \sleep}, with
 * {@code :name} variables substituted into the SQL as number literals. A script may also be a weighted mix of
 * scripts (as pgbench's {@code -b name@weight}): each transaction picks one of them at random by weight, which is
 * how a replay of an instance's top fingerprints keeps their measured proportions.
 *
 * <p>Parsing follows pgbench 10 and later: a SQL statement ends at a semicolon outside quotes, comments and
 * dollar-quoted strings, and may span lines; a statement left without one ends at the next meta-command or at the
 * end of the script. {@code :scale} and {@code :client_id} are predefined. Unlike pgbench, which substitutes
 * anywhere and leaves unknown names alone for the server to trip over, variables are substituted only outside
 * quoted text, every {@code :name} must be set by an earlier line (checked when the script is read), and negative
 * values are written in parentheses so that {@code a -:v} can never turn into a {@code --} comment.
 */
public final class LoadScript {

    /** The variables every client starts with. */
    public static final Set<String> PREDEFINED = Set.of("scale", "client_id");

    /** The names {@link #builtin} knows, as pgbench's {@code -b}. */
    public static final List<String> BUILTINS = List.of("tpcb-like", "simple-update", "select-only");

    /** One line (or statement) of a script; {@code line} is where it starts, 1-based. */
    public sealed interface Command permits Sql, SetVariable, Sleep {
        int line();
    }

    /**
     * A SQL statement, split around its variable references: {@code pieces} has one more element than
     * {@code variables}, and the text sent is pieces[0] value(variables[0]) pieces[1] ...
     *
     * @param text the statement as written, without its final semicolon
     */
    public record Sql(int line, String text, List<String> pieces, List<String> variables) implements Command {
        public Sql {
            Objects.requireNonNull(text, "text");
            pieces = List.copyOf(pieces);
            variables = List.copyOf(variables);
            if (pieces.size() != variables.size() + 1) {
                throw new IllegalArgumentException("A statement has one more piece than variables");
            }
        }

        /** The statement with every variable's value in place. */
        public String render(Map<String, Number> values) {
            StringBuilder sql = new StringBuilder(text.length() + 16 * variables.size());
            for (int i = 0; i < variables.size(); i++) {
                sql.append(pieces.get(i));
                Number value = values.get(variables.get(i));
                if (value == null) {
                    throw new IllegalArgumentException("variable :" + variables.get(i) + " has no value");
                }
                sql.append(literal(value));
            }
            return sql.append(pieces.getLast()).toString();
        }
    }

    /** {@code \set name expression}. */
    public record SetVariable(int line, String name, Expression expression) implements Command {
        public SetVariable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * {@code \sleep amount [us|ms|s]}.
     *
     * @param microsPerUnit 1, 1000 or 1000000
     */
    public record Sleep(int line, Expression amount, long microsPerUnit) implements Command {
        public Sleep {
            Objects.requireNonNull(amount, "amount");
            if (microsPerUnit != 1 && microsPerUnit != 1_000 && microsPerUnit != 1_000_000) {
                throw new IllegalArgumentException("A sleep's unit is us, ms or s");
            }
        }
    }

    /** One alternative of a script: the commands of a transaction and how often it is chosen, relative to the rest. */
    public record Transaction(String name, double weight, List<Command> commands) {
        public Transaction {
            Objects.requireNonNull(name, "name");
            commands = List.copyOf(commands);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("A transaction's weight is positive and finite: " + name);
            }
            if (commands.stream().noneMatch(c -> c instanceof Sql)) {
                throw new IllegalArgumentException("A transaction runs at least one SQL statement: " + name);
            }
        }
    }

    /** A script and its weight in a {@link #mix}. */
    public record Weighted(LoadScript script, double weight) {
        public Weighted {
            Objects.requireNonNull(script, "script");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("A script's weight in a mix is positive and finite, not " + weight);
            }
        }
    }

    private final String name;
    private final List<Transaction> transactions;
    private final double[] cumulative;

    private LoadScript(String name, List<Transaction> transactions) {
        this.name = Objects.requireNonNull(name, "name");
        this.transactions = List.copyOf(transactions);
        if (this.transactions.isEmpty()) {
            throw new IllegalArgumentException("A script has at least one transaction");
        }
        cumulative = new double[this.transactions.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += this.transactions.get(i).weight();
            cumulative[i] = sum;
        }
    }

    /**
     * Reads a script; a line Knobwright cannot run is a {@link UserError} naming the script, the line and what to
     * change.
     */
    public static LoadScript parse(String name, String text) {
        return new LoadScript(name, List.of(new Transaction(name, 1, ScriptParser.parse(name, text))));
    }

    /**
     * Reads a script file (UTF-8), named after the file; a file that cannot be read or a line that cannot be run is a
     * {@link UserError}.
     */
    public static LoadScript read(java.nio.file.Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new UserError(UserError.Kind.INPUT, "Cannot read the script " + file + " (" + e.getMessage()
                    + "): give a readable UTF-8 text file in pgbench's script format.", e);
        }
        return parse(String.valueOf(file.getFileName()), text);
    }

    /** A script of one transaction made of commands built in code (a replay's statement, say). */
    public static LoadScript of(String name, List<Command> commands) {
        return new LoadScript(name, List.of(new Transaction(name, 1, commands)));
    }

    /** pgbench's built-in scripts by name: tpcb-like (the default), simple-update, select-only. */
    public static LoadScript builtin(String name) {
        String text = switch (name.toLowerCase(Locale.ROOT)) {
            case "tpcb-like" -> BuiltinScripts.TPCB_LIKE;
            case "simple-update" -> BuiltinScripts.SIMPLE_UPDATE;
            case "select-only" -> BuiltinScripts.SELECT_ONLY;
            default -> throw UserError.input("No built-in script '" + name + "'. The built-in scripts are "
                    + String.join(", ", BUILTINS) + "; or give a script file.");
        };
        return parse(name.toLowerCase(Locale.ROOT), text);
    }

    /** pgbench's default transaction (five statements in BEGIN/END on the four pgbench tables). */
    public static LoadScript tpcbLike() {
        return builtin("tpcb-like");
    }

    /** One primary-key lookup on pgbench_accounts. */
    public static LoadScript selectOnly() {
        return builtin("select-only");
    }

    /** Each transaction runs one of the scripts, chosen at random with probability proportional to its weight. */
    public static LoadScript mix(String name, List<Weighted> scripts) {
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("A mix holds at least one script");
        }
        List<Transaction> all = new ArrayList<>();
        for (Weighted w : scripts) {
            double total = w.script().cumulative[w.script().cumulative.length - 1];
            for (Transaction t : w.script().transactions) {
                all.add(new Transaction(t.name(), w.weight() * t.weight() / total, t.commands()));
            }
        }
        return new LoadScript(name, all);
    }

    public String name() {
        return name;
    }

    /** The alternatives, each with its weight (one, of weight 1, for a parsed script). */
    public List<Transaction> transactions() {
        return transactions;
    }

    /** Every SQL statement of every alternative, in order. */
    public List<Sql> statements() {
        List<Sql> all = new ArrayList<>();
        for (Transaction t : transactions) {
            for (Command c : t.commands()) {
                if (c instanceof Sql sql) {
                    all.add(sql);
                }
            }
        }
        return all;
    }

    /** The next transaction's alternative, drawn by weight. */
    public Transaction pick(RandomGenerator random) {
        if (cumulative.length == 1) {
            return transactions.getFirst();
        }
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return transactions.get(i);
            }
        }
        return transactions.getLast();
    }

    /** A client's variables, starting with the predefined ones. */
    public static Map<String, Number> startingVariables(int scale, int clientId) {
        Map<String, Number> variables = new HashMap<>();
        variables.put("scale", (long) scale);
        variables.put("client_id", (long) clientId);
        return variables;
    }

    /** A value as a SQL literal: a plain number, negative ones in parentheses, non-finite doubles as float8 text. */
    static String literal(Number value) {
        if (value instanceof Long l) {
            return l < 0 ? "(" + l + ")" : Long.toString(l);
        }
        double d = value.doubleValue();
        if (Double.isNaN(d)) {
            return "'NaN'::float8";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
        }
        return d < 0 || (d == 0 && 1 / d < 0) ? "(" + d + ")" : Double.toString(d);
    }

    @Override
    public String toString() {
        return "LoadScript[" + name + ", " + transactions.size() + " alternative" + (transactions.size() == 1 ? "" : "s")
                + "]";
    }
}
