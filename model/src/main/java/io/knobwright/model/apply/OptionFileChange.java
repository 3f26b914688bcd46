package io.knobwright.model.apply;

import java.util.Objects;

/**
 * A change that only the server's option file can make (MariaDB's restart-only variables): a person or a
 * deployment tool writes it, then restarts the server. Never executed as SQL.
 *
 * @param section the option-file group, "[mariadbd]"
 * @param line    the line to have in that section ("innodb_log_file_size = 1G"); null means: remove the
 *                parameter's line from the section, so the built-in default applies again
 */
public record OptionFileChange(String section, String parameter, String line) {

    public OptionFileChange {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(parameter, "parameter");
    }

    public boolean removesLine() {
        return line == null;
    }

    /** As a person is told to edit the file. */
    public String instruction() {
        return line == null
                ? "remove the line for " + parameter + " from the " + section + " section"
                : "in the " + section + " section write: " + line;
    }
}
