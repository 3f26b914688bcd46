package io.knobwright.model.fleet.inventory;

import io.knobwright.model.text.ShownText;

import java.util.List;
import java.util.Locale;

/** The columns (CSV) or keys (JSON) an inventory may have. */
final class InventoryColumns {

    static final String NAME = "name";
    static final String ENGINE = "engine";
    static final String VERSION = "version";
    static final String FULL_VERSION = "full_version";
    static final String JDBC_URL = "jdbc_url";
    static final String USER = "user";
    static final String PASSWORD_ENV = "password_env";
    static final String TIER = "tier";
    static final String CRITICALITY = "criticality";
    static final String WORKLOAD = "workload";
    static final String TAGS = "tags";
    static final String CPUS = "cpus";
    static final String MEMORY = "memory";
    static final String DISK_TYPE = "disk_type";
    static final String DISK = "disk";

    static final List<String> ALL = List.of(NAME, ENGINE, VERSION, FULL_VERSION, JDBC_URL, USER, PASSWORD_ENV, TIER,
            CRITICALITY, WORKLOAD, TAGS, CPUS, MEMORY, DISK_TYPE, DISK);
    static final List<String> REQUIRED = List.of(NAME, ENGINE, VERSION);

    /** Columns that would carry a clear-text password: refused for the whole file, never read. */
    static final List<String> FORBIDDEN = List.of("password", "passwd", "pwd", "secret");

    private InventoryColumns() {
    }

    /** "Disk Type", "disk-type" and "DISK_TYPE" all name disk_type. */
    static String canonical(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    static String forbiddenMessage(String column, String where) {
        return where + " has a '" + column + "' " + "column: Knobwright never imports clear-text passwords. Remove it and"
                + " name an environment variable in password_env instead (or register the server to seal its password).";
    }

    static String unknownMessage(String column, String where) {
        return where + " has an unknown column '" + abbreviate(column) + "'. Known columns: " + String.join(", ", ALL)
                + ". Rename or remove it.";
    }

    /** A value from the file as a reason quotes it: escaped ({@link ShownText}), at most 60 characters. */
    static String abbreviate(String text) {
        return ShownText.excerpt(text, ShownText.EXCERPT);
    }
}
