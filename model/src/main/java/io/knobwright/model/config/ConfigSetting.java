package io.knobwright.model.config;

/** One setting read from a configuration file, with where it was set (the last occurrence wins). */
public record ConfigSetting(String name, String value, String file, int line) {

    /** "postgresql.conf line 12" or "90-ci.conf line 2": the file that really set it, by name. */
    public String where() {
        return ConfigText.fileName(file) + (line > 0 ? " line " + line : "");
    }
}
