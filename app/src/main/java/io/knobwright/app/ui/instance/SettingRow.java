package io.knobwright.app.ui.instance;

import io.knobwright.app.ui.instance.SettingComparison.Verdict;

import java.util.Locale;

/**
 * One line of the settings table: the live value next to the catalog default.
 *
 * @param defaultValue catalog default, empty when there is no catalog or it states none
 * @param restart      true when the catalog says a change needs a restart
 */
public record SettingRow(String name, String current, String defaultValue, String unit, String source,
                         boolean pendingRestart, boolean restart, Verdict verdict, String description) {

    public SettingRow {
        defaultValue = defaultValue == null ? "" : defaultValue;
        unit = unit == null ? "" : unit;
        source = source == null ? "" : source;
        description = description == null ? "" : description;
        current = current == null ? "" : current;
    }

    public boolean changed() {
        return verdict == Verdict.CHANGED;
    }

    boolean matches(String lowerCaseWords) {
        if (lowerCaseWords.isEmpty()) {
            return true;
        }
        String key = (name + " " + current + " " + source).toLowerCase(Locale.ROOT);
        for (String w : lowerCaseWords.split("\\s+")) {
            if (!key.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
