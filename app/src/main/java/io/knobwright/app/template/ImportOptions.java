package io.knobwright.app.template;

import io.knobwright.model.engine.Engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to import as a template and what the user said about the server it comes from; every part but the
 * file is optional. {@code engine} and {@code version} are what the user chose, {@code instance} an instance
 * (id or name) whose engine and version to use instead.
 */
public record ImportOptions(Path file, String name, Engine engine, String version, String instance, String parent) {

    public ImportOptions {
        Objects.requireNonNull(file, "file");
        name = blankToNull(name);
        version = blankToNull(version);
        instance = blankToNull(instance);
        parent = blankToNull(parent);
    }

    /** A file with only a name for the new template: the engine and version come from the file. */
    public static ImportOptions of(Path file, String name) {
        return new ImportOptions(file, name, null, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
