package io.knobwright.model.config;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.text.ShownText;
import io.knobwright.model.value.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a resolved configuration in the formats DBAs deploy: postgresql.conf, my.cnf, and a SQL script
 * (ALTER SYSTEM for PostgreSQL, SET PERSIST for MySQL, SET GLOBAL for MariaDB which has no SET PERSIST).
 * Values are written as a DBA writes them where the statement takes a unit or suffix ("18512808kB", "0700",
 * "1G"), else as the plain number in the parameter's base unit that means the same (SET GLOBAL takes no suffix);
 * either way reading the file back gives exactly the resolved values.
 * Imports refuse values with a line break; should a stored one reach a file it is written as the escape \n, which
 * postgresql.conf and my.cnf (mysys) read back as the same value: a file is never split over lines.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    /** @param catalog the target's catalog, for the units values are written in */
    public static String postgresqlConf(String header, List<ResolvedParameter> parameters, ParameterCatalog catalog) {
        StringBuilder sb = comment(header, "#");
        for (ResolvedParameter p : parameters) {
            sb.append(settingName(p)).append(" = ").append(pgQuote(readable(catalog, p)));
            appendProvenance(sb, p, "#", "");
        }
        return sb.toString();
    }

    /** @param catalog the target's catalog, for the suffixes values are written with */
    public static String myCnf(String header, List<ResolvedParameter> parameters, ParameterCatalog catalog) {
        StringBuilder sb = comment(header, "#").append("[mysqld]\n");
        parameters.forEach(p -> cnfLine(sb, "", p, catalog));
        return sb.toString();
    }

    /**
     * A script for the running server holding only statements it accepts. Settings that belong to one server
     * ({@link ServerLocalSettings}) and read-only ones are listed in comments, not set. Restart-only settings:
     * PostgreSQL takes them with ALTER SYSTEM (said to need a restart), MySQL with SET PERSIST_ONLY (applied at the
     * next start); MariaDB has neither and SET GLOBAL refuses them, so they end the script as a commented [mysqld]
     * section to paste into my.cnf. See docs/decisions/0107-server-configuration-files-in-and-out.md.
     *
     * @param catalog the target server's catalog: it says which parameters are read-only or restart-only
     */
    public static String sqlScript(ParameterCatalog catalog, String header, List<ResolvedParameter> parameters) {
        Engine engine = catalog.engineVersion().engine();
        StringBuilder sb = comment(header, "--");
        List<String> restart = new ArrayList<>();
        List<ResolvedParameter> cnfOnly = new ArrayList<>();
        for (ResolvedParameter p : parameters) {
            ApplyMode mode = catalog.find(p.name()).map(ParameterSpec::applyMode).orElse(ApplyMode.ONLINE);
            Optional<String> local = ServerLocalSettings.reason(engine, p.name());
            if (local.isPresent()) {
                sb.append("-- not set: ").append(settingName(p)).append(' ').append(local.get())
                        .append("; it stays in that server's own configuration file\n");
            } else if (mode == ApplyMode.READ_ONLY) {
                sb.append("-- not set: ").append(settingName(p)).append(" cannot be changed on ").append(catalog.engineVersion())
                        .append(" (fixed when the server is built or initialised)\n");
            } else if (mode == ApplyMode.RESTART && engine == Engine.MARIADB) {
                cnfOnly.add(p);
            } else {
                sb.append(statement(engine, mode, p, catalog));
                if (mode == ApplyMode.RESTART) {
                    restart.add(p.name());
                }
                appendProvenance(sb, p, "--", mode == ApplyMode.RESTART ? "takes effect after a restart" : "");
            }
        }
        switch (engine) {
            case POSTGRESQL -> sb.append("SELECT pg_reload_conf();\n");
            case SQLSERVER -> sb.append("RECONFIGURE;\n");
            case MARIADB -> sb.append("-- SET GLOBAL lasts until the server restarts: deploy the my.cnf export too.\n");
            case MYSQL, ORACLE -> { }
        }
        if (!restart.isEmpty()) {
            sb.append("-- Restart the server for these to take effect: ").append(String.join(", ", restart)).append('\n');
        }
        if (!cnfOnly.isEmpty()) {
            sb.append("-- SET GLOBAL cannot change these while the server runs: add them to its my.cnf and restart it.\n")
                    .append("-- [mysqld]\n");
            cnfOnly.forEach(p -> cnfLine(sb, "-- ", p, catalog));
        }
        return sb.toString();
    }

    private static String statement(Engine engine, ApplyMode mode, ResolvedParameter p, ParameterCatalog catalog) {
        return switch (engine) {
            case POSTGRESQL -> "ALTER SYSTEM SET " + identifier(p.name()) + " = " + sqlString(readable(catalog, p)) + ";";
            case MYSQL -> (mode == ApplyMode.RESTART ? "SET PERSIST_ONLY " : "SET PERSIST ") + identifier(p.name()) + " = "
                    + mysqlValue(p.value()) + ";";
            case MARIADB -> "SET GLOBAL " + identifier(p.name()) + " = " + mysqlValue(p.value()) + ";";
            // sp_configure names have spaces ("max degree of parallelism"): passed as a string, not an identifier
            case SQLSERVER -> "EXEC sp_configure " + sqlString(p.name()) + ", " + sqlString(p.value()) + ";";
            case ORACLE -> "ALTER SYSTEM SET " + identifier(p.name()) + " = " + sqlString(p.value()) + " SCOPE=SPFILE;";
        };
    }

    private static void cnfLine(StringBuilder sb, String prefix, ResolvedParameter p, ParameterCatalog catalog) {
        sb.append(prefix).append(settingName(p)).append(" = ").append(cnfQuote(readable(catalog, p)));
        appendProvenance(sb, p, "#", "");
    }

    /** The resolved value (in the base unit) as the engine's configuration files write it. */
    private static String readable(ParameterCatalog catalog, ResolvedParameter p) {
        return Values.readable(catalog, p.name(), p.value());
    }

    /**
     * A name is written as it is into the setting's line (or a comment): one with a line break or another control
     * character would split the line or hide what follows, so it is refused rather than written.
     */
    private static String settingName(ResolvedParameter p) {
        if (p.name().chars().anyMatch(Character::isISOControl)) {
            throw UserError.input("Cannot export the parameter name '" + oneLine(p.name()) + "' (from " + oneLine(p.template())
                    + "): it holds a line break or another control character. Remove that entry from the template.");
        }
        return p.name();
    }

    /** Text of a comment on a setting's line: line breaks and other control characters become spaces. */
    private static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.chars().forEach(c -> sb.append(Character.isISOControl(c) ? ' ' : (char) c));
        return sb.toString();
    }

    private static StringBuilder comment(String header, String marker) {
        StringBuilder sb = new StringBuilder();
        header.lines().forEach(l -> sb.append(marker).append(' ').append(l).append('\n'));
        return sb.append('\n');
    }

    private static void appendProvenance(StringBuilder sb, ResolvedParameter p, String marker, String remark) {
        sb.append("  ").append(marker).append(' ').append(oneLine(p.template())).append(" v").append(p.templateVersion());
        if (p.expression() != null) {
            sb.append(": ").append(oneLine(p.expression()));
        }
        if (!p.note().isEmpty()) {
            sb.append(" (").append(oneLine(p.note())).append(')');
        }
        if (!remark.isEmpty()) {
            sb.append("; ").append(oneLine(remark));
        }
        sb.append('\n');
    }

    /**
     * Parameter names come from the catalog, but a template may carry one it does not know (an extension's, or a file
     * edited by hand): anything that is not a plain identifier is refused rather than written into SQL.
     */
    private static String identifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new UserError(UserError.Kind.INPUT, "Cannot write the parameter name '" + ShownText.escaped(name)
                    + "' into SQL: only letters, digits, '_' and '.' are written there. Remove or rename that entry,"
                    + " or export a configuration file instead.");
        }
        return name;
    }

    /** Unquoted as postgresql.conf's lexer reads numbers with units (128MB, 0700, 1.5e+300) and plain names. */
    private static String pgQuote(String value) {
        if (value.matches("-?[0-9]+[A-Za-z]*|-?[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?[A-Za-z]*|[A-Za-z_][A-Za-z0-9_]*")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    /**
     * Plain when mysys reads it back as it is, else double-quoted with mysys's escapes (my_default.c): a backslash,
     * a double quote and a line break are written as \\, \" and \n / \r, so the value stays on its line and
     * reads back unchanged ({@link MyCnfParser} reads them as the server does).
     */
    private static String cnfQuote(String value) {
        return optionFileValue(value);
    }

    /** A value as an option-file line writes it: {@link #cnfQuote}'s rule, for other writers of my.cnf lines. */
    public static String optionFileValue(String value) {
        if (value.matches("[A-Za-z0-9_.,/:+\\-]+")) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    private static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String mysqlValue(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?|ON|OFF") ? value : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
