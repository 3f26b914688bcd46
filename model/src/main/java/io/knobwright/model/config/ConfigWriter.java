package io.knobwright.model.config;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ResolvedParameter;

import java.util.List;

/**
 * Writes a resolved configuration in the formats DBAs deploy: postgresql.conf, my.cnf, and a SQL script
 * (ALTER SYSTEM for PostgreSQL, SET PERSIST for MySQL, SET GLOBAL for MariaDB which has no SET PERSIST).
 * Values are written in the engine's base unit, so reading the file back gives exactly the resolved values.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    public static String postgresqlConf(String header, List<ResolvedParameter> parameters) {
        StringBuilder sb = comment(header, "#");
        for (ResolvedParameter p : parameters) {
            sb.append(p.name()).append(" = ").append(pgQuote(p.value()));
            appendProvenance(sb, p, "#");
        }
        return sb.toString();
    }

    public static String myCnf(String header, List<ResolvedParameter> parameters) {
        StringBuilder sb = comment(header, "#").append("[mysqld]\n");
        for (ResolvedParameter p : parameters) {
            sb.append(p.name()).append(" = ").append(cnfQuote(p.value()));
            appendProvenance(sb, p, "#");
        }
        return sb.toString();
    }

    public static String sqlScript(Engine engine, String header, List<ResolvedParameter> parameters) {
        StringBuilder sb = comment(header, "--");
        for (ResolvedParameter p : parameters) {
            switch (engine) {
                case POSTGRESQL -> sb.append("ALTER SYSTEM SET ").append(identifier(p.name())).append(" = ").append(sqlString(p.value())).append(';');
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

    private static String pgQuote(String value) {
        if (value.matches("-?[0-9]+(\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*")) {
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
