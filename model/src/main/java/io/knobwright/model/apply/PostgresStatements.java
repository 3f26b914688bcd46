package io.knobwright.model.apply;

import java.util.List;

/**
 * ALTER SYSTEM writes postgresql.auto.conf and pg_reload_conf() makes the server read it: online, reload and
 * new-session parameters take effect, postmaster ones are written and wait for a restart (pending_restart).
 * ALTER SYSTEM takes no bind parameters and cannot run inside a function, so the text carries the value, quoted
 * exactly as quote_literal would (proved against real servers by the connectors' ApplyStatementsLiveTest).
 */
final class PostgresStatements implements StatementWriter {

    private static final ApplyStatement RELOAD = ApplyStatement.text("SELECT pg_reload_conf()");

    @Override
    public ApplyStep write(Change change) {
        String name = SqlLiterals.postgresIdentifier(change.spec().name());
        String value = change.readable();
        List<ApplyStatement> apply = List.of(set(name, change.readable(change.value())), RELOAD);
        List<ApplyStatement> undo = change.prior().persisted()
                ? List.of(set(name, change.readable(change.requirePrior())), RELOAD)
                : List.of(ApplyStatement.text("ALTER SYSTEM RESET " + name), RELOAD);
        String note = change.restartNeeded()
                ? "Written to postgresql.auto.conf; takes effect when the server restarts (pg_settings.pending_restart)."
                : "";
        return new ApplyStep(change.spec(), value, ApplyStep.Delivery.SQL, apply, verify(change), undo, null, null,
                change.restartNeeded(), note);
    }

    private static ApplyStatement set(String name, String value) {
        return ApplyStatement.text("ALTER SYSTEM SET " + name + " = " + SqlLiterals.postgresLiteral(value));
    }

    /**
     * pg_settings shows a postmaster parameter's old value until the restart; pg_file_settings shows what the last
     * configuration line now says, postgresql.auto.conf being read last.
     */
    private static ApplyStatement verify(Change change) {
        String name = change.spec().name();
        String literal = SqlLiterals.postgresLiteral(name);
        if (change.restartNeeded()) {
            String query = "SELECT setting FROM pg_file_settings WHERE lower(name) = lower(%s) ORDER BY seqno DESC LIMIT 1";
            return ApplyStatement.bound(query.formatted(literal), query.formatted("?"), name);
        }
        String query = "SELECT setting FROM pg_settings WHERE name = %s";
        return ApplyStatement.bound(query.formatted(literal), query.formatted("?"), name);
    }
}
