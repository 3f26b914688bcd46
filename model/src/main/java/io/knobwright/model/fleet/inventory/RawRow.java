package io.knobwright.model.fleet.inventory;

import java.util.Map;

/**
 * One record of an inventory file before interpretation: canonical column name to text (blank for absent).
 *
 * @param tags tags given as a JSON object; null when they come as "k=v;k=v" text in the tags field
 */
record RawRow(int row, Map<String, String> fields, Map<String, String> tags) {

    String get(String column) {
        String value = fields.get(column);
        return value == null ? "" : value.strip();
    }
}
