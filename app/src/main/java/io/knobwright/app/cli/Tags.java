package io.knobwright.app.cli;

import io.knobwright.model.UserError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated --tag KEY=VALUE options. */
final class Tags {

    private Tags() {
    }

    static Map<String, String> parse(List<String> options) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (options == null) {
            return tags;
        }
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq < 0) {
                throw UserError.input("--tag '" + option + "' must be KEY=VALUE, e.g. --tag team=payments.");
            }
            String key = option.substring(0, eq).strip();
            String value = option.substring(eq + 1).strip();
            if (key.isEmpty()) {
                throw UserError.input("--tag '" + option + "' has no key; use KEY=VALUE, e.g. --tag team=payments.");
            }
            if (value.isEmpty()) {
                throw UserError.input("--tag '" + option + "' has no value; use KEY=VALUE, e.g. --tag " + key + "=payments.");
            }
            String previous = tags.put(key, value);
            if (previous != null && !previous.equals(value)) {
                throw UserError.input("--tag " + key + " is given twice with different values ('"
                        + previous + "' and '" + value + "').");
            }
        }
        return tags;
    }
}
