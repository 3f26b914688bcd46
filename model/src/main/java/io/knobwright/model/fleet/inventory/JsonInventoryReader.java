package io.knobwright.model.fleet.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.knobwright.model.text.ReadLimits;
import io.knobwright.model.text.ShownText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON inventories: an array of objects keyed like the CSV columns. Elements are read one at a time,
 * so a large file never becomes one big tree. Tags may be an object or "k=v;k=v" text.
 */
final class JsonInventoryReader {

    private final ObjectMapper mapper = JsonMapper.builder(ReadLimits.applied(new JsonFactory()))
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    List<RawRow> read(String text, String sourceName, int maxRows) {
        List<RawRow> rows = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InventoryFormatException(sourceName + " is JSON but not an array. Write the inventory as"
                        + " [ {\"name\": ..., \"engine\": ..., \"version\": ...}, ... ].");
            }
            int element = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                element++;
                if (element > maxRows) {
                    throw new InventoryFormatException(sourceName + " has more than " + maxRows
                            + " elements. Split it into smaller files and import them one by one.");
                }
                JsonNode node = mapper.readTree(parser);
                rows.add(row(node, element, sourceName));
            }
            if (parser.nextToken() != null) {
                throw new InventoryFormatException(sourceName + " has content after the closing ']'. Keep one JSON"
                        + " array in the file.");
            }
        } catch (JacksonException e) {
            throw new InventoryFormatException(ReadLimits.exceeded(e, sourceName).orElseGet(() -> sourceName
                    + " is not valid JSON: " + ShownText.excerpt(e.getOriginalMessage(), 300) + at(e) + "."), e);
        } catch (IOException e) {
            throw new InventoryFormatException("Cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String at(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static RawRow row(JsonNode node, int element, String sourceName) {
        Map<String, String> fields = new HashMap<>();
        if (node == null || !node.isObject()) {
            fields.put(NOT_AN_OBJECT, "true");
            return new RawRow(element, fields, null);
        }
        Map<String, String> tags = null;
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = InventoryColumns.canonical(property.getKey());
            JsonNode value = property.getValue();
            if (InventoryColumns.FORBIDDEN.contains(key)) {
                throw new InventoryFormatException(InventoryColumns.forbiddenMessage(key, sourceName + " (element " + element + ")"));
            }
            if (!InventoryColumns.ALL.contains(key)) {
                throw new InventoryFormatException(InventoryColumns.unknownMessage(property.getKey(),
                        sourceName + " (element " + element + ")"));
            }
            if (key.equals(InventoryColumns.TAGS) && value.isObject()) {
                tags = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> tag : value.properties()) {
                    tags.put(tag.getKey().strip(), scalar(tag.getValue()));
                }
            } else if (value.isContainerNode()) {
                fields.put(WRONG_SHAPE, key);
            } else {
                fields.put(key, scalar(value));
            }
        }
        return new RawRow(element, fields, tags);
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    /** Markers a row carries so the interpreter rejects it with a reason; no real column has these names. */
    static final String NOT_AN_OBJECT = "#not-object";
    static final String WRONG_SHAPE = "#wrong-shape";
}
