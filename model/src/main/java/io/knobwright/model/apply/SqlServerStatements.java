package io.knobwright.model.apply;

import java.util.List;

/**
 * sp_configure + RECONFIGURE for the instance options the shipped catalogs hold (every SQL Server entry is an
 * sp_configure option; none is database scoped). Options the catalog marks "Advanced option." are only settable with
 * 'show advanced options' = 1: the statement is one batch that turns it on only when it was off and turns it off
 * again afterwards, so the server is left as it was found. Values are whole numbers (the catalog has no other type
 * for SQL Server) and names are N'' strings because they hold spaces and brackets ("max server memory (MB)").
 */
final class SqlServerStatements implements StatementWriter {

    private static final String ADVANCED_MARK = "Advanced option.";
    private static final String SHOW_ADVANCED = "show advanced options";

    @Override
    public ApplyStep write(Change change) {
        String name = change.spec().name();
        boolean advanced = change.spec().description().startsWith(ADVANCED_MARK);
        List<ApplyStatement> apply = List.of(configure(name, change.plain(change.value()), advanced));
        List<ApplyStatement> undo = List.of(configure(name, change.plain(change.requirePrior()), advanced));
        String column = change.restartNeeded() ? "value" : "value_in_use";
        String query = "SELECT " + column + " FROM sys.configurations WHERE name = %s";
        ApplyStatement verify = ApplyStatement.bound(query.formatted(SqlLiterals.sqlServerString(name)),
                query.formatted("?"), name);
        String note = change.restartNeeded()
                ? "Configured with RECONFIGURE; value_in_use changes when the instance restarts." : "";
        return new ApplyStep(change.spec(), change.plain(), ApplyStep.Delivery.SQL, apply, verify, undo, null, null,
                change.restartNeeded(), note);
    }

    private static ApplyStatement configure(String name, String number, boolean advanced) {
        String set = "EXEC sp_configure " + SqlLiterals.sqlServerString(name) + ", " + number + "; RECONFIGURE;";
        if (!advanced) {
            return ApplyStatement.text(set);
        }
        String show = SqlLiterals.sqlServerString(SHOW_ADVANCED);
        return ApplyStatement.text("DECLARE @advanced int = (SELECT CONVERT(int, value_in_use) FROM sys.configurations"
                + " WHERE name = " + show + ");\n"
                + "IF @advanced = 0 BEGIN EXEC sp_configure " + show + ", 1; RECONFIGURE; END;\n"
                + set + "\n"
                + "IF @advanced = 0 BEGIN EXEC sp_configure " + show + ", 0; RECONFIGURE; END;");
    }
}
