package io.knobwright.model.engine;

import io.knobwright.model.UserError;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The database engines Knobwright manages, with the major versions it has catalogs for. */
public enum Engine {
    POSTGRESQL("postgresql", "PostgreSQL", List.of("13", "14", "15", "16", "17", "18")),
    MYSQL("mysql", "MySQL", List.of("8.0", "8.4")),
    MARIADB("mariadb", "MariaDB", List.of("10.11", "11.4")),
    SQLSERVER("sqlserver", "SQL Server", List.of("2019", "2022")),
    ORACLE("oracle", "Oracle", List.of("19c", "23ai"));

    private final String id;
    private final String displayName;
    private final List<String> supportedVersions;

    Engine(String id, String displayName, List<String> supportedVersions) {
        this.id = id;
        this.displayName = displayName;
        this.supportedVersions = supportedVersions;
    }

    /** Lower-case identifier used in files, JSON and the CLI ("postgresql", "mariadb", ...). */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Major versions with a shipped parameter catalog, oldest first. */
    public List<String> supportedVersions() {
        return supportedVersions;
    }

    public boolean supports(String majorVersion) {
        return supportedVersions.contains(majorVersion);
    }

    /** Accepts the id, the display name or common aliases (postgres, pg, mssql), case-insensitively. */
    public static Optional<Engine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (key) {
            case "postgres", "pg", "pgsql" -> Optional.of(POSTGRESQL);
            case "mssql" -> Optional.of(SQLSERVER);
            default -> Arrays.stream(values())
                    .filter(e -> e.id.equals(key) || e.displayName.toLowerCase(Locale.ROOT).replace(" ", "").equals(key))
                    .findFirst();
        };
    }

    /** Like {@link #parse} but fails with a message listing the accepted engines. */
    public static Engine require(String text) {
        return parse(text).orElseThrow(() -> UserError.input(
                "Unknown engine '" + text + "'. Use one of: postgresql, mysql, mariadb, sqlserver, oracle."));
    }
}
