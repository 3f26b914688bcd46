package io.knobwright.model.config;

/**
 * A line of a configuration file that was read but deliberately not taken over, with the reason: it names one
 * server's own files, address or identity, it is a startup option rather than a setting, or the server itself
 * would ignore it. Reported to the user instead of failing the whole import.
 */
public record SkippedSetting(String name, String file, int line, String reason) {

    public SkippedSetting {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A skipped setting needs a name");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A skipped setting needs a reason");
        }
    }

    /** "my.cnf line 4" or "90-ci.conf line 2": the file's name, not its whole path. */
    public String where() {
        return ConfigText.fileName(file) + (line > 0 ? " line " + line : "");
    }
}
