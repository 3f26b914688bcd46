package io.knobwright.model.apply;

import io.knobwright.model.config.ConfigWriter;
import io.knobwright.model.value.ParameterValue;

import java.util.List;

/**
 * MariaDB has no SET PERSIST: SET GLOBAL changes a dynamic variable until the next restart, and a variable that is
 * not dynamic can only be set in the option file before a start. Those are returned as option-file lines with
 * "cannot be applied live", never attempted as SQL. A SET GLOBAL change also lasts only until the restart unless
 * the option file says the same; the note says so.
 */
final class MariaDbStatements implements StatementWriter {

    static final String SECTION = "[mariadbd]";

    @Override
    public ApplyStep write(Change change) {
        String name = SqlLiterals.plainName(change.spec());
        ApplyStatement verify = ApplyStatement.text("SELECT @@GLOBAL." + name);
        if (change.restartNeeded()) {
            OptionFileChange undo = change.prior().persisted()
                    ? new OptionFileChange(SECTION, name, line(change, change.requirePrior()))
                    : new OptionFileChange(SECTION, name, null);
            return new ApplyStep(change.spec(), change.readable(), ApplyStep.Delivery.OPTION_FILE, List.of(), verify,
                    List.of(), new OptionFileChange(SECTION, name, line(change, change.value())), undo, true,
                    name + " cannot be applied live on MariaDB: write the line into the " + SECTION
                            + " section of its option file and restart the server.");
        }
        List<ApplyStatement> apply = List.of(MysqlStatements.assignment("SET GLOBAL " + name, change, change.value()));
        List<ApplyStatement> undo = List.of(MysqlStatements.assignment("SET GLOBAL " + name, change, change.requirePrior()));
        return new ApplyStep(change.spec(), change.readable(), ApplyStep.Delivery.SQL, apply, verify, undo, null, null,
                false, "SET GLOBAL lasts until the server restarts; write " + name + " into its option file to keep it.");
    }

    /** The my.cnf export's spelling and quoting ("1G", "\"a b\""), which mysys reads back as the same value. */
    private static String line(Change change, ParameterValue value) {
        return change.spec().name() + " = " + ConfigWriter.optionFileValue(change.readable(value));
    }
}
