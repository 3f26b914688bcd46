package io.knobwright.model.apply;

import io.knobwright.model.value.BooleanValue;
import io.knobwright.model.value.EnumValue;
import io.knobwright.model.value.ParameterValue;
import io.knobwright.model.value.TextValue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * MySQL 8 persists a change itself: SET PERSIST for dynamic variables (now and at the next start), SET PERSIST_ONLY
 * for those read-only at runtime (mysqld-auto.cnf only, after a restart). Compensation for a variable that had no
 * persisted entry sets the runtime value back and removes the entry (RESET PERSIST), so the server is not left
 * pinned to today's value.
 */
final class MysqlStatements implements StatementWriter {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    @Override
    public ApplyStep write(Change change) {
        String name = SqlLiterals.plainName(change.spec());
        boolean restart = change.restartNeeded();
        String set = restart ? "SET PERSIST_ONLY " : "SET PERSIST ";
        List<ApplyStatement> apply = List.of(assignment(set + name, change, change.value()));
        List<ApplyStatement> undo;
        if (change.prior().persisted()) {
            undo = List.of(assignment(set + name, change, change.requirePrior()));
        } else if (restart) {
            undo = List.of(resetPersist(name));
        } else {
            undo = List.of(assignment("SET GLOBAL " + name, change, change.requirePrior()), resetPersist(name));
        }
        String note = restart ? "Written to mysqld-auto.cnf (SET PERSIST_ONLY); takes effect when the server restarts." : "";
        return new ApplyStep(change.spec(), change.readable(), ApplyStep.Delivery.SQL, apply, verify(name, restart),
                undo, null, null, restart, note);
    }

    private static ApplyStatement resetPersist(String name) {
        return ApplyStatement.text("RESET PERSIST IF EXISTS " + name);
    }

    /** "SET GLOBAL name = value": numbers (and numeric choices) bare, booleans as the keywords ON/OFF, text bound (quoted by the driver). */
    static ApplyStatement assignment(String target, Change change, ParameterValue value) {
        return switch (value) {
            case TextValue t -> bound(target, change.plain(t));
            // innodb_flush_log_at_trx_commit's choices are numbers: the server refuses them as strings
            case EnumValue e when NUMBER.matcher(e.value()).matches() -> ApplyStatement.text(target + " = " + e.value());
            case EnumValue e -> bound(target, change.plain(e));
            case BooleanValue b -> ApplyStatement.text(target + " = " + (b.value() ? "ON" : "OFF"));
            default -> ApplyStatement.text(target + " = " + change.plain(value));
        };
    }

    private static ApplyStatement bound(String target, String text) {
        return ApplyStatement.bound(target + " = " + SqlLiterals.mysqlString(text), target + " = ?", text);
    }

    private static ApplyStatement verify(String name, boolean restart) {
        if (restart) {
            String query = "SELECT VARIABLE_VALUE FROM performance_schema.persisted_variables WHERE VARIABLE_NAME = %s";
            return ApplyStatement.bound(query.formatted(SqlLiterals.mysqlString(name)), query.formatted("?"), name);
        }
        return ApplyStatement.text("SELECT @@GLOBAL." + name);
    }
}
