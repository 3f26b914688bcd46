package io.knobwright.model.fleet;

/**
 * A setting as a server reports it right now.
 *
 * @param value          current value in the server's own spelling and base unit (pg_settings.setting)
 * @param unit           the server's base unit for the value ("8kB", "ms"), null when unitless
 * @param source         where the value comes from (default, configuration file, command line, ...)
 * @param pendingRestart true when a changed value waits for a restart to take effect
 */
public record LiveSetting(String name, String value, String unit, String source, boolean pendingRestart) {

    public LiveSetting {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A setting needs a name");
        }
        source = source == null ? "" : source;
    }
}
