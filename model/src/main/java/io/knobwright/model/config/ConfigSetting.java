package io.knobwright.model.config;

/** One setting read from a configuration file, with where it was set (the last occurrence wins). */
public record ConfigSetting(String name, String value, String file, int line) {
}
