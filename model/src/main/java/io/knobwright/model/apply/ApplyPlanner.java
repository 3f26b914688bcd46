package io.knobwright.model.apply;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.text.ShownText;
import io.knobwright.model.value.InvalidValueException;
import io.knobwright.model.value.ParameterValidator;
import io.knobwright.model.value.ParameterValue;
import io.knobwright.model.value.ValueParser;
import io.knobwright.model.value.Values;

import java.util.Objects;

/**
 * Turns a parameter change into the statements that apply, verify and undo it on one server, after checking the
 * name and value against that server's catalog. Pure: it reaches no server. Nothing is generated for a change the
 * catalog would refuse; see docs/decisions/0117-apply-statements-per-engine.md for what each engine can apply live.
 *
 * <pre>{@code
 * ApplyStep step = new ApplyPlanner(catalog).plan("work_mem", "64MB", PriorValue.notPersisted("4096"));
 * step.apply();        // ALTER SYSTEM SET work_mem = '64MB'; SELECT pg_reload_conf()
 * step.compensation(); // ALTER SYSTEM RESET work_mem; SELECT pg_reload_conf()
 * }</pre>
 */
public final class ApplyPlanner {

    private final ParameterCatalog catalog;
    private final ParameterValidator validator;
    private final StatementWriter writer;

    /** @param catalog the target server's own catalog (its ground truth), not merely the shipped one for its version */
    public ApplyPlanner(ParameterCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.validator = new ParameterValidator(catalog);
        this.writer = switch (catalog.engineVersion().engine()) {
            case POSTGRESQL -> new PostgresStatements();
            case MYSQL -> new MysqlStatements();
            case MARIADB -> new MariaDbStatements();
            case SQLSERVER -> new SqlServerStatements();
            case ORACLE -> new OracleStatements();
        };
    }

    /**
     * @param value the new value, in any spelling the engine reads ("1GB", "131072", "on")
     * @param prior what the server holds now, captured before the change
     * @throws InvalidValueException for a name the catalog does not know or a value it refuses
     * @throws UserError             for a parameter that cannot be changed on a running server, a value no
     *                               statement can carry, or a prior value that cannot be put back
     */
    public ApplyStep plan(String parameter, String value, PriorValue prior) {
        Objects.requireNonNull(prior, "prior");
        ParameterSpec spec = validator.spec(parameter);
        if (spec.applyMode() == ApplyMode.READ_ONLY) {
            throw UserError.input(spec.name() + " cannot be changed on " + catalog.engineVersion()
                    + ": it is fixed when the server is built or initialised. Remove it from the change.");
        }
        ParameterValue parsed = Values.parse(spec, value);
        return writer.write(new Change(spec, parsed, prior, priorValue(spec, prior)));
    }

    /** A plan's change: its target is in the engine's base unit, which {@link #plan(String, String, PriorValue)} reads. */
    public ApplyStep plan(PlannedChange change, PriorValue prior) {
        return plan(change.parameter(), change.to(), prior);
    }

    /** The server's report is read without today's range: a server may hold what the catalog would now refuse. */
    private ParameterValue priorValue(ParameterSpec spec, PriorValue prior) {
        if (prior.value() == null) {
            return null;
        }
        try {
            return ValueParser.parseIgnoringRange(spec, prior.value());
        } catch (InvalidValueException e) {
            throw UserError.input("Cannot plan how to put " + spec.name() + " back on " + catalog.engineVersion()
                    + ": the server reported '" + ShownText.escaped(prior.value()) + "', which is no value of it ("
                    + e.getMessage() + "). Read the value again before applying.");
        }
    }
}
