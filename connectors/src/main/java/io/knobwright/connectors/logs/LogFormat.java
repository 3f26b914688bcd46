package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The log formats Knobwright reads, by the names the CLI's --format takes. */
public enum LogFormat {
    STDERR("stderr", "a PostgreSQL stderr log (log_destination = stderr)"),
    CSVLOG("csvlog", "a PostgreSQL csvlog (log_destination = csvlog)"),
    JSONLOG("jsonlog", "a PostgreSQL jsonlog (log_destination = jsonlog, PostgreSQL 15 and later)"),
    MYSQL_SLOW("mysql-slow", "a MySQL or MariaDB slow query log");

    private final String cliName;
    private final String description;

    LogFormat(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    public static LogFormat of(String name) {
        for (LogFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw UserError.input("Unknown log format '" + name + "': use one of "
                + Arrays.stream(values()).map(LogFormat::cliName).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
