package io.knobwright.app.template;

import io.knobwright.model.engine.EngineVersion;

import java.util.Objects;

/**
 * The engine version an imported configuration file was checked against, and why that one.
 *
 * @param basis   "as given", "of instance orders-1", "named by the file's groups", or why the newest was taken
 * @param guessed true when nothing said which version: the newest catalog was used
 */
public record CheckedAgainst(EngineVersion version, String basis, boolean guessed) {

    public CheckedAgainst {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(basis, "basis");
    }

    /** "MariaDB 10.11 (named by the file's groups)". */
    public String describe() {
        return version + " (" + basis + ")";
    }
}
