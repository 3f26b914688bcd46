package io.knobwright.app.ui.instance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the tags field of the editor: "team=payments, region=eu-west-1" (commas or new lines). */
final class TagsText {

    /** The parsed tags, or the first problem as a sentence the user can act on. */
    record Parsed(Map<String, String> tags, String error) {
        boolean ok() {
            return error.isEmpty();
        }
    }

    private TagsText() {
    }

    static Parsed parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Parsed(tags, "");
        }
        for (String raw : text.split("[,;\\n]")) {
            String pair = raw.trim();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return new Parsed(Map.of(), "Tags are key=value pairs separated by commas; '" + pair
                        + "' has no key=value.");
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (key.chars().anyMatch(Character::isWhitespace)) {
                return new Parsed(Map.of(), "Tag key '" + key + "' contains a space; use region or team_name.");
            }
            if (value.isEmpty()) {
                return new Parsed(Map.of(), "Tag '" + key + "' has no value; write " + key + "=something.");
            }
            if (tags.put(key, value) != null) {
                return new Parsed(Map.of(), "Tag '" + key + "' is given twice; keep one value.");
            }
        }
        return new Parsed(tags, "");
    }
}
