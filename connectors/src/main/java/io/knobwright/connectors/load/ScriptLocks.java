package io.knobwright.connectors.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows a script's transactions lock and hold until they commit, and how few there are to pick from: a write
 * whose WHERE fixes a key to a {@code \set} variable ({@code UPDATE pgbench_branches ... WHERE bid = :bid}) locks
 * the row that variable picked. How many rows that is, in effect, is measured by drawing the script's variables as
 * a client would: 1 / Σ p², the inverse of the chance that two transactions pick the same row, so a uniform
 * {@code random(1, :scale)} counts {@code scale} rows and a skewed one fewer, whatever function drew it.
 *
 * <p>Inside BEGIN ... END the lock is held from its statement through the commit; without an explicit transaction
 * each statement commits on its own and holds its row for that statement alone. In a mix, a row locked by an
 * alternative chosen with probability w collides w² as often, so it counts as rows / w² (decision 0158).
 */
public final class ScriptLocks {

    /**
     * @param statement      the locking statement as written
     * @param rows           the effective number of rows picked from (1 / Σ p²)
     * @param statementsHeld statements sent while the row is held, the locking one and the commit included
     */
    public record Locked(String statement, double rows, int statementsHeld) {
    }

    /** Transactions drawn per alternative; enough to see collisions among up to some million rows. */
    static final int DRAWS = 20_000;
    /** Fewer pairs than this that picked the same row and the set is too large to matter, or to measure. */
    static final int MIN_COLLISIONS = 10;

    private static final Pattern KEY = Pattern.compile(
            "\\bwhere\\s+(?:[\\w\"]+\\.)?\"?\\w+\"?\\s*=\\s*:(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCKING_SELECT = Pattern.compile("\\bfor\\s+(?:no\\s+key\\s+)?update\\b",
            Pattern.CASE_INSENSITIVE);

    private ScriptLocks() {
    }

    /** The hot sets of every alternative of {@code script}, evaluated at {@code scale}. */
    public static List<Locked> of(LoadScript script, int scale) {
        double total = script.transactions().stream().mapToDouble(LoadScript.Transaction::weight).sum();
        List<Locked> out = new ArrayList<>();
        for (LoadScript.Transaction t : script.transactions()) {
            double share = t.weight() / total;
            for (Locked l : of(t, scale)) {
                out.add(new Locked(l.statement(), l.rows() / (share * share), l.statementsHeld()));
            }
        }
        return out;
    }

    private static List<Locked> of(LoadScript.Transaction t, int scale) {
        List<LoadScript.Sql> statements = new ArrayList<>();
        boolean explicit = false;
        for (LoadScript.Command c : t.commands()) {
            if (c instanceof LoadScript.Sql sql) {
                if (isTransactionControl(sql.text())) {
                    explicit |= sql.text().strip().toLowerCase(Locale.ROOT).matches("(begin|start\\s+transaction)\\b.*");
                } else {
                    statements.add(sql);
                }
            }
        }
        // the locking statements and the variable that picks each one's row
        Map<Integer, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            String text = statements.get(i).text();
            Matcher m = KEY.matcher(text);
            if (locksRows(text) && m.find() && !LoadScript.PREDEFINED.contains(m.group(1))) {
                keys.put(i, m.group(1)); // a key per client (client_id) shares nothing
            }
        }
        Map<String, Double> rows = effectiveRows(t, new HashSet<>(keys.values()), scale);
        List<Locked> out = new ArrayList<>();
        for (Map.Entry<Integer, String> key : keys.entrySet()) {
            int i = key.getKey();
            double r = rows.getOrDefault(key.getValue(), Double.POSITIVE_INFINITY);
            if (Double.isFinite(r)) {
                out.add(new Locked(statements.get(i).text(), r, explicit ? statements.size() - i + 1 : 1));
            }
        }
        return out;
    }

    static boolean locksRows(String sql) {
        String s = sql.stripLeading().toLowerCase(Locale.ROOT);
        return s.startsWith("update") || s.startsWith("delete")
                || (s.startsWith("select") && LOCKING_SELECT.matcher(s).find());
    }

    private static boolean isTransactionControl(String sql) {
        return sql.strip().toLowerCase(Locale.ROOT)
                .matches("(begin|start\\s+transaction|end|commit|rollback|abort)\\b.*");
    }

    /**
     * 1 / Σ p² of each variable's values over {@value #DRAWS} draws of the transaction's {@code \set} lines (the
     * unbiased estimate from the pairs that collide); infinite when too few collide to tell, or when the variable
     * is not set by the transaction. One pass of draws serves every variable.
     */
    static Map<String, Double> effectiveRows(LoadScript.Transaction t, Set<String> variables, int scale) {
        Map<String, Double> out = new HashMap<>();
        if (variables.isEmpty()) {
            return out;
        }
        SplittableRandom random = new SplittableRandom(variables.stream().sorted().toList().hashCode());
        Map<String, Map<Long, Integer>> counts = new HashMap<>();
        for (int d = 0; d < DRAWS; d++) {
            Map<String, Number> values = LoadScript.startingVariables(scale, 0);
            for (LoadScript.Command c : t.commands()) {
                if (c instanceof LoadScript.SetVariable set) {
                    try {
                        values.put(set.name(), set.expression().evaluate(values, random));
                    } catch (RuntimeException e) {
                        return out; // the run would stop here too, with the driver's message
                    }
                }
            }
            for (String v : variables) {
                Number value = values.get(v);
                if (value != null) {
                    counts.computeIfAbsent(v, k -> new HashMap<>())
                            .merge(Double.doubleToLongBits(value.doubleValue()), 1, Integer::sum);
                }
            }
        }
        counts.forEach((v, byValue) -> {
            double pairs = 0;
            for (int c : byValue.values()) {
                pairs += (double) c * (c - 1);
            }
            out.put(v, pairs / 2 < MIN_COLLISIONS ? Double.POSITIVE_INFINITY : (double) DRAWS * (DRAWS - 1) / pairs);
        });
        return out;
    }
}
