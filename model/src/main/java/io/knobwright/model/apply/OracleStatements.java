package io.knobwright.model.apply;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.value.BooleanValue;
import io.knobwright.model.value.EnumValue;
import io.knobwright.model.value.ParameterValue;
import io.knobwright.model.value.TextValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ALTER SYSTEM SET ... SCOPE=BOTH for dynamic parameters (memory and spfile), DEFERRED SCOPE=BOTH for those that
 * reach new sessions only, SCOPE=SPFILE for static ones (after a restart). ALTER SYSTEM takes no bind parameters:
 * numbers are written plain in the base unit, booleans as TRUE/FALSE, choices bare when they are plain words, text
 * as an Oracle string literal (the quote doubled; a backslash is an ordinary character there).
 */
final class OracleStatements implements StatementWriter {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");

    @Override
    public ApplyStep write(Change change) {
        String name = SqlLiterals.plainName(change.spec());
        String scope = scope(change.mode());
        List<ApplyStatement> apply = List.of(set(name, change, change.value(), scope));
        List<ApplyStatement> undo = new ArrayList<>();
        if (change.prior().persisted()) {
            undo.add(set(name, change, change.requirePrior(), scope));
        } else {
            // No spfile entry before: remove the one written; a dynamic parameter also gets its running value back.
            undo.add(ApplyStatement.text("ALTER SYSTEM RESET " + name + " SCOPE=SPFILE"));
            if (!change.restartNeeded()) {
                String memory = change.mode() == ApplyMode.NEW_SESSIONS ? "DEFERRED SCOPE=MEMORY" : "SCOPE=MEMORY";
                undo.add(set(name, change, change.requirePrior(), memory));
            }
        }
        String view = change.restartNeeded() ? "v$spparameter" : "v$parameter";
        String query = "SELECT value FROM " + view + " WHERE name = %s";
        String lower = name.toLowerCase(Locale.ROOT);
        ApplyStatement verify = ApplyStatement.bound(query.formatted(SqlLiterals.oracleString(lower)),
                query.formatted("?"), lower);
        String note = switch (change.mode()) {
            case RESTART -> "Written to the spfile (SCOPE=SPFILE); takes effect when the instance restarts.";
            case NEW_SESSIONS -> "DEFERRED: sessions opened from now on get the new value, open ones keep theirs.";
            default -> "";
        };
        return new ApplyStep(change.spec(), change.readable(), ApplyStep.Delivery.SQL, apply, verify, List.copyOf(undo),
                null, null, change.restartNeeded(), note);
    }

    private static String scope(ApplyMode mode) {
        return switch (mode) {
            case RESTART -> "SCOPE=SPFILE";
            case NEW_SESSIONS -> "DEFERRED SCOPE=BOTH";
            case ONLINE, RELOAD -> "SCOPE=BOTH";
            case READ_ONLY -> throw new IllegalStateException("read-only parameters are refused before");
        };
    }

    private static ApplyStatement set(String name, Change change, ParameterValue value, String scope) {
        return ApplyStatement.text("ALTER SYSTEM SET " + name + " = " + literal(change, value) + " " + scope);
    }

    private static String literal(Change change, ParameterValue value) {
        return switch (value) {
            case TextValue t -> SqlLiterals.oracleString(change.plain(t));
            case EnumValue e -> WORD.matcher(e.value()).matches() ? e.value() : SqlLiterals.oracleString(e.value());
            case BooleanValue b -> b.value() ? "TRUE" : "FALSE";
            default -> change.plain(value);
        };
    }
}
