package io.knobwright.connectors.load;

import io.knobwright.model.UserError;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One client's variables and random generator while it runs a script: evaluates {@code \set} and {@code \sleep}
 * and renders statements. A value the script cannot compute (division by zero, an overflow, a bad distribution
 * parameter) is a {@link UserError} naming the line, since it would fail the same way on every transaction.
 */
final class ClientVariables {

    private final String script;
    private final Map<String, Number> values;
    private final RandomGenerator random;

    ClientVariables(String script, int scale, int clientId, RandomGenerator random) {
        this.script = script;
        this.values = LoadScript.startingVariables(scale, clientId);
        this.random = random;
    }

    void set(LoadScript.SetVariable command) {
        values.put(command.name(), evaluate(command.line(), command.expression()));
    }

    /** How long the sleep lasts, in microseconds (a negative amount sleeps not at all, as pgbench). */
    long sleepMicros(LoadScript.Sleep command) {
        Number amount = evaluate(command.line(), command.amount());
        if (!(amount instanceof Long)) {
            throw error(command.line(), "\\sleep needs a whole number, not " + amount);
        }
        long a = amount.longValue();
        long unit = command.microsPerUnit();
        return a <= 0 ? 0 : a > Long.MAX_VALUE / unit ? Long.MAX_VALUE : a * unit;
    }

    String render(LoadScript.Sql command) {
        try {
            return command.render(values);
        } catch (IllegalArgumentException e) {
            throw error(command.line(), e.getMessage());
        }
    }

    RandomGenerator random() {
        return random;
    }

    Map<String, Number> values() {
        return values;
    }

    private Number evaluate(int line, Expression expression) {
        try {
            return expression.evaluate(values, random);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(line, e.getMessage());
        }
    }

    private UserError error(int line, String what) {
        return UserError.input("Script '" + script + "', line " + line + ": " + what
                + ". Change the script so that the value can be computed.");
    }
}
