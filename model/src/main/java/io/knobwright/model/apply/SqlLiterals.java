package io.knobwright.model.apply;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.text.ShownText;

import java.util.regex.Pattern;

/**
 * Names and values written into statement text, one rule per engine, each reading back as exactly the original
 * text (docs/decisions/0117). Names have passed the catalog before they come here; these rules are the second
 * fence, not the first.
 */
public final class SqlLiterals {

    /** PostgreSQL's quote_ident leaves these bare (the catalog holds no keyword; ApplyStatementsLiveTest checks it). */
    private static final Pattern POSTGRES_BARE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** System variable, Oracle parameter names: what the engines' own names look like. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SqlLiterals() {
    }

    /**
     * Exactly what PostgreSQL's quote_literal returns: quotes and backslashes doubled, and an E prefix when there is
     * a backslash, so the server reads it the same whatever standard_conforming_strings says.
     */
    public static String postgresLiteral(String text) {
        String doubled = text.replace("'", "''").replace("\\", "\\\\");
        return (text.indexOf('\\') >= 0 ? "E'" : "'") + doubled + "'";
    }

    /** Exactly what PostgreSQL's quote_ident returns for a catalog name: bare when plain lower case, else quoted. */
    public static String postgresIdentifier(String name) {
        return POSTGRES_BARE_IDENTIFIER.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * A MySQL/MariaDB string literal as the server reads it with its default sql_mode: backslash escaped, quote
     * doubled (a doubled quote means a quote in every sql_mode, so under NO_BACKSLASH_ESCAPES the text could differ
     * but never end early). Executed statements bind string values instead; this is the text that is shown.
     */
    public static String mysqlString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** A T-SQL Unicode string literal: the quote doubled is the only escape T-SQL has. */
    public static String sqlServerString(String text) {
        return "N'" + text.replace("'", "''") + "'";
    }

    /** An Oracle string literal: the quote doubled is the only escape; a backslash is an ordinary character. */
    public static String oracleString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A system variable or Oracle parameter name written bare; anything else is refused, never quoted. */
    public static String plainName(ParameterSpec spec) {
        if (!PLAIN_NAME.matcher(spec.name()).matches()) {
            throw UserError.input("Cannot write the parameter name '" + ShownText.escaped(spec.name()) + "' into a "
                    + spec.engine().displayName() + " statement: only letters, digits and '_' are written there."
                    + " Change it by hand on the server.");
        }
        return spec.name();
    }

    /**
     * Text values go into statements and configuration files that hold one value per line: a line break, NUL or
     * other control character (a tab is fine) is refused for every engine rather than escaped, because PostgreSQL's
     * ALTER SYSTEM refuses line breaks itself, text cannot hold NUL, and an option file would be split.
     */
    public static String requirePrintable(ParameterSpec spec, String text) {
        if (text.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
            throw UserError.input("Cannot set " + spec.name() + " on " + spec.engine().displayName() + " " + spec.version()
                    + " to '" + ShownText.escaped(text) + "': it holds a line break, NUL or another control character,"
                    + " which the server cannot store as a setting. Remove it from the value.");
        }
        return text;
    }
}
