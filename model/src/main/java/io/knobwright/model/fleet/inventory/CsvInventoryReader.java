package io.knobwright.model.fleet.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.knobwright.model.text.ReadLimits;
import io.knobwright.model.text.ShownText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV inventories with Jackson's RFC 4180 parser (quoted commas, doubled quotes, line breaks inside
 * quotes). The first row is the header; ',' ';' or tab separate, whichever the header uses (Excel writes
 * ';' in many locales).
 */
final class CsvInventoryReader {

    private final CsvMapper mapper = new CsvMapper(ReadLimits.applied(new CsvFactory()));

    List<RawRow> read(String text, String sourceName, int maxRows) {
        char separator = separator(text);
        List<RawRow> rows = new ArrayList<>();
        List<String> header = null;
        List<String> fields = null;
        int line = -1;
        try (CsvParser parser = (CsvParser) mapper.getFactory().createParser(text)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    fields = new ArrayList<>();
                    line = -1;
                } else if (token == JsonToken.VALUE_STRING && fields != null) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY && fields != null) {
                    if (fields.stream().anyMatch(f -> !f.isBlank())) {
                        if (header == null) {
                            header = header(fields, sourceName);
                        } else {
                            if (rows.size() >= maxRows) {
                                throw new InventoryFormatException(sourceName + " has more than " + maxRows
                                        + " rows. Split it into smaller files and import them one by one.");
                            }
                            rows.add(row(header, fields, line));
                        }
                    }
                    fields = null;
                }
            }
        } catch (JacksonException e) {
            boolean inRow = fields != null && line > 0;
            int at = inRow ? line : e.getLocation() == null ? 0 : Math.min(e.getLocation().getLineNr(), lineCount(text));
            int unclosed = unclosedQuoteLine(text, separator);
            String where = unclosed > 0 ? " (the quoted value opened on line " + unclosed + " is never closed)"
                    : at <= 0 ? "" : inRow ? " (in the row starting on line " + at + ")" : " (line " + at + ")";
            throw new InventoryFormatException(ReadLimits.exceeded(e, sourceName).orElseGet(() -> sourceName
                    + " is not a readable CSV file: " + ShownText.excerpt(e.getOriginalMessage(), 300) + where + "."), e);
        } catch (IOException e) {
            throw new InventoryFormatException("Cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new InventoryFormatException(sourceName + " is empty. An inventory needs a header row (name,engine,version,...)"
                    + " and one row per instance.");
        }
        return rows;
    }

    /**
     * Lines as an editor numbers them: LF, CRLF and CR each end one, and a last line without an ending counts.
     * The parser reports the end of the file as the line after the last: no line a user can find.
     */
    static int lineCount(String text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        boolean unterminated = !text.isEmpty() && text.charAt(text.length() - 1) != '\n' && text.charAt(text.length() - 1) != '\r';
        return Math.max(1, lines + (unterminated ? 1 : 0));
    }

    /**
     * The line on which a quoted value opens that the file never closes (0 when every one closes): the parser only
     * notices at the end of the file, which is no place to look for the mistake.
     */
    static int unclosedQuoteLine(String text, char separator) {
        int line = 1;
        int opened = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (quoted && c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else {
                    quoted = false;
                }
            } else if (!quoted && c == '"' && fieldStart) {
                quoted = true;
                opened = line;
            }
            if (!quoted) {
                fieldStart = c == separator || lineEnd;
            }
            if (lineEnd) {
                line++;
            }
        }
        return quoted ? opened : 0;
    }

    private static List<String> header(List<String> fields, String sourceName) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            String column = InventoryColumns.canonical(field);
            if (InventoryColumns.FORBIDDEN.contains(column)) {
                throw new InventoryFormatException(InventoryColumns.forbiddenMessage(column, sourceName));
            }
            if (column.isEmpty()) {
                throw new InventoryFormatException(sourceName + " has a column without a name in its header row."
                        + " Name it, or remove the column.");
            }
            if (!InventoryColumns.ALL.contains(column)) {
                throw new InventoryFormatException(InventoryColumns.unknownMessage(field, sourceName)
                        + " Is the first row a header row?");
            }
            if (!seen.add(column)) {
                throw new InventoryFormatException(sourceName + " has the column '" + column + "' twice in its header row.");
            }
            columns.add(column);
        }
        for (String required : InventoryColumns.REQUIRED) {
            if (!seen.contains(required)) {
                throw new InventoryFormatException(sourceName + " has no '" + required + "' column. The header row needs"
                        + " at least name, engine and version.");
            }
        }
        return columns;
    }

    /** A row with more fields than the header is kept with a marker so it is rejected with a reason, not dropped. */
    private static RawRow row(List<String> header, List<String> fields, int line) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), fields.size()); i++) {
            values.put(header.get(i), fields.get(i));
        }
        if (fields.size() > header.size() && fields.subList(header.size(), fields.size()).stream().anyMatch(f -> !f.isBlank())) {
            values.put(EXTRA_FIELDS, fields.size() + " fields, but the header has " + header.size()
                    + " columns. Quote values that contain the separator.");
        }
        return new RawRow(line, values, null);
    }

    /** Key under which a row carries its "too many fields" problem; no real column has this name. */
    static final String EXTRA_FIELDS = "#extra";

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
