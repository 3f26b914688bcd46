package io.knobwright.model.fleet.inventory;

import java.util.Locale;
import java.util.Optional;

/** The inventory file formats Knobwright imports. */
public enum InventoryFormat {
    /** A header row, then one instance per row; RFC 4180 quoting; ',' or ';' as separator. */
    CSV,
    /** An array of objects with the same keys as the CSV columns. */
    JSON;

    /** The format a file name promises (.csv, .json), if any. */
    public static Optional<InventoryFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    /** For a file without a telling extension: JSON starts with '[' or '{', anything else is read as CSV. */
    static InventoryFormat sniff(String content) {
        String start = content.stripLeading();
        return start.startsWith("[") || start.startsWith("{") ? JSON : CSV;
    }
}
