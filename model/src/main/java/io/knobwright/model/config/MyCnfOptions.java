package io.knobwright.model.config;

import io.knobwright.model.catalog.ParameterCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a server's my.cnf options mean for one MySQL/MariaDB version, decided like mysqld's option parser: a name
 * the server knows is that variable ({@code skip-name-resolve} is skip_name_resolve = ON, a variable of its own);
 * only otherwise {@code skip-x} / {@code disable-x} mean x = OFF and {@code enable-x} x = ON. Startup options
 * that are no variables ({@code user}) and unknown {@code loose-} options are skipped with the reason. Anything
 * else is passed on under its name for the caller to check against the catalog.
 */
public final class MyCnfOptions {

    /** Options of another name that set a variable; used only when the catalog lacks the option's own name. */
    private static final Map<String, String> SETS_VARIABLE = Map.of(
            "default_time_zone", "time_zone",
            "transaction_isolation", "tx_isolation",
            "transaction_read_only", "tx_read_only",
            "memlock", "locked_in_memory");

    /** Startup options that are no system variable, so no template entry can hold them. */
    private static final Map<String, String> STARTUP_ONLY = Map.of(
            "user", "the operating-system account the server runs as: a startup option, not a setting",
            "log_basename", "the base name of this server's own log files: a startup option, not a setting",
            "plugin_load", "plugins to load at startup: a startup option, not a setting",
            "plugin_load_add", "plugins to load at startup: a startup option, not a setting",
            "chroot", "a directory of this server's host: a startup option, not a setting");

    private static final Set<String> BOOLEAN_WORDS = Set.of("on", "off", "true", "false", "yes", "no", "1", "0");

    /** Settings by canonical name (the last option of a name wins) and what was left out. */
    public record Resolution(Map<String, ConfigSetting> settings, List<SkippedSetting> skipped) {
    }

    private MyCnfOptions() {
    }

    public static Resolution resolve(List<MyCnfOption> options, ParameterCatalog catalog) {
        Map<String, ConfigSetting> settings = new LinkedHashMap<>();
        Map<String, SkippedSetting> skipped = new LinkedHashMap<>();
        for (MyCnfOption o : options) {
            String name = o.name();
            String bare = o.value() == null ? "ON" : o.value();
            String switched = o.value() == null ? prefixed(name, catalog) : null;
            if (catalog.contains(name)) {
                if (name.equals("log_bin") && !BOOLEAN_WORDS.contains(bare.toLowerCase(Locale.ROOT))) {
                    // log-bin=NAME switches the binary log on and names its files: the switch is a setting, the name is not
                    put(settings, skipped, new ConfigSetting(name, "ON", o.file(), o.line()));
                    skip(settings, skipped, new SkippedSetting("log_bin_basename", o.file(), o.line(),
                            "log-bin = " + bare + " names this server's own binary log files; imported as log_bin = ON"));
                } else {
                    put(settings, skipped, new ConfigSetting(name, bare, o.file(), o.line()));
                }
            } else if (switched != null) {
                put(settings, skipped, new ConfigSetting(switched, name.startsWith("enable_") ? "ON" : "OFF", o.file(), o.line()));
            } else if (name.startsWith("maximum_") && catalog.contains(name.substring("maximum_".length()))) {
                skip(settings, skipped, new SkippedSetting(name, o.file(), o.line(), "the highest value a session may SET "
                        + name.substring("maximum_".length()) + " to: a startup option, not a setting"));
            } else if (SETS_VARIABLE.containsKey(name) && catalog.contains(SETS_VARIABLE.get(name))) {
                put(settings, skipped, new ConfigSetting(SETS_VARIABLE.get(name), bare, o.file(), o.line()));
            } else if (STARTUP_ONLY.containsKey(name)) {
                skip(settings, skipped, new SkippedSetting(name, o.file(), o.line(), STARTUP_ONLY.get(name)));
            } else if (o.loose()) {
                skip(settings, skipped, new SkippedSetting(name, o.file(), o.line(), "written with loose-, and "
                        + catalog.engineVersion() + " does not know it: the server ignores it too"));
            } else {
                put(settings, skipped, new ConfigSetting(name, bare, o.file(), o.line()));
            }
        }
        return new Resolution(settings, List.copyOf(skipped.values()));
    }

    /** skip_x, disable_x or enable_x for a variable x the catalog knows; null otherwise. */
    private static String prefixed(String name, ParameterCatalog catalog) {
        for (String prefix : List.of("skip_", "disable_", "enable_")) {
            if (name.startsWith(prefix) && catalog.contains(name.substring(prefix.length()))) {
                return name.substring(prefix.length());
            }
        }
        return null;
    }

    private static void put(Map<String, ConfigSetting> settings, Map<String, SkippedSetting> skipped, ConfigSetting s) {
        String key = ParameterCatalog.canonicalName(s.name());
        skipped.remove(key);
        settings.remove(key);
        settings.put(key, s);
    }

    private static void skip(Map<String, ConfigSetting> settings, Map<String, SkippedSetting> skipped, SkippedSetting s) {
        String key = ParameterCatalog.canonicalName(s.name());
        settings.remove(key);
        skipped.remove(key);
        skipped.put(key, s);
    }
}
