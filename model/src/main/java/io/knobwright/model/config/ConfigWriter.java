package io.knobwright.model.config;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.value.Values;

import java.util.List;

/**
 * Writes a resolved configuration in the formats DBAs deploy: postgresql.conf, my.cnf, and a SQL script
 * (ALTER SYSTEM for PostgreSQL, SET PERSIST for MySQL, SET GLOBAL for MariaDB which has no SET PERSIST).
 * Values are written as a DBA writes them where the statement takes a unit or suffix ("18512808kB", "0700",
 * "1G"), else as the plain number in the parameter's base unit that means the same (SET GLOBAL takes no suffix);
 * either way reading the file back gives exactly the resolved values.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    /** @param catalog the target's catalog, for the units values are written in */
    public static String postgresqlConf(String header, List<ResolvedParameter> parameters, ParameterCatalog catalog) {
        StringBuilder sb = comment(header, "#");
        for (ResolvedParameter p : parameters) {
            sb.append(p.name()).append(" = ").append(pgQuote(readable(catalog, p)));
            appendProvenance(sb, p, "#");
        }
        return sb.toString();
    }

    /** @param catalog the target's catalog, for the suffixes values are written with */
    public static String myCnf(String header, List<ResolvedParameter> parameters, ParameterCatalog catalog) {
        StringBuilder sb = comment(header, "#").append("[mysqld]\n");
        for (ResolvedParameter p : parameters) {
            sb.append(p.name()).append(" = ").append(cnfQuote(readable(catalog, p)));
            appendProvenance(sb, p, "#");
        }
        return sb.toString();
    }

    /** @param catalog the target's catalog, for the units PostgreSQL's values are written in */
    public static String sqlScript(Engine engine, String header, List<ResolvedParameter> parameters, ParameterCatalog catalog) {
        StringBuilder sb = comment(header, "--");
        for (ResolvedParameter p : parameters) {
            switch (engine) {
                case POSTGRESQL -> sb.append("ALTER SYSTEM SET ").append(identifier(p.name())).append(" = ").append(sqlString(readable(catalog, p))).append(';');
                case MYSQL -> sb.append("SET PERSIST ").append(identifier(p.name())).append(" = ").append(mysqlValue(p.value())).append(';');
                case MARIADB -> sb.append("SET GLOBAL ").append(identifier(p.name())).append(" = ").append(mysqlValue(p.value())).append(';');
                case SQLSERVER -> sb.append("EXEC sp_configure ").append(sqlString(p.name())).append(", ").append(sqlString(p.value())).append(';');
                case ORACLE -> sb.append("ALTER SYSTEM SET ").append(identifier(p.name())).append(" = ").append(sqlString(p.value())).append(" SCOPE=SPFILE;");
            }
            appendProvenance(sb, p, "--");
        }
        if (engine == Engine.POSTGRESQL) {
            sb.append("SELECT pg_reload_conf();\n");
        } else if (engine == Engine.SQLSERVER) {
            sb.append("RECONFIGURE;\n");
        }
        return sb.toString();
    }

    /** The resolved value (in the base unit) as the engine's configuration files write it. */
    private static String readable(ParameterCatalog catalog, ResolvedParameter p) {
        return Values.readable(catalog, p.name(), p.value());
    }

    private static StringBuilder comment(String header, String marker) {
        StringBuilder sb = new StringBuilder();
        header.lines().forEach(l -> sb.append(marker).append(' ').append(l).append('\n'));
        return sb.append('\n');
    }

    private static void appendProvenance(StringBuilder sb, ResolvedParameter p, String marker) {
        sb.append("  ").append(marker).append(' ').append(p.template()).append(" v").append(p.templateVersion());
        if (p.expression() != null) {
            sb.append(": ").append(p.expression().replace('\n', ' '));
        }
        if (!p.note().isEmpty()) {
            sb.append(" (").append(p.note()).append(')');
        }
        sb.append('\n');
    }

    /** Parameter names come from the catalog, but a file may have been tampered with: refuse anything odd. */
    private static String identifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Refusing to write parameter name '" + name + "' into SQL");
        }
        return name;
    }

    /** Unquoted as postgresql.conf's lexer reads numbers with units (128MB, 0700, 1.5e+300) and plain names. */
    private static String pgQuote(String value) {
        if (value.matches("-?[0-9]+[A-Za-z]*|-?[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?[A-Za-z]*|[A-Za-z_][A-Za-z0-9_]*")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String cnfQuote(String value) {
        if (value.matches("[A-Za-z0-9_.,/:+\\-]+")) {
            return value;
        }
        if (value.contains("\n") || (value.contains("\"") && value.contains("'"))) {
            throw new IllegalArgumentException("A my.cnf value cannot hold a line break or both quote kinds: " + value);
        }
        return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
    }

    private static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String mysqlValue(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?|ON|OFF") ? value : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
