package io.knobwright.app.template;

import io.knobwright.model.UserError;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats templates come in and resolved configurations go out as. */
public enum ConfigFormat {
    POSTGRESQL_CONF("postgresql.conf"),
    MY_CNF("my.cnf"),
    YAML("yaml"),
    JSON("json"),
    SQL("sql");

    private final String label;

    ConfigFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From the CLI's --format value. */
    public static ConfigFormat parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (ConfigFormat f : values()) {
            if (f.label.equals(key) || f.name().toLowerCase(Locale.ROOT).equals(key)) {
                return f;
            }
        }
        return switch (key) {
            case "conf", "pg", "postgres" -> POSTGRESQL_CONF;
            case "cnf", "mycnf", "ini" -> MY_CNF;
            case "yml" -> YAML;
            default -> throw UserError.input("Unknown format '" + text
                    + "'. Use one of: postgresql.conf, my.cnf, yaml, json, sql.");
        };
    }

    /** From a file name: *.conf is postgresql.conf, *.cnf / *.ini is my.cnf, *.yaml / *.yml, *.json. */
    public static ConfigFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".conf")) {
            return POSTGRESQL_CONF;
        }
        if (name.endsWith(".cnf") || name.endsWith(".ini")) {
            return MY_CNF;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw UserError.input("Cannot tell the format of '" + file.getFileName()
                + "'. Name it *.conf (postgresql.conf), *.cnf (my.cnf), *.yaml or *.json.");
    }
}
