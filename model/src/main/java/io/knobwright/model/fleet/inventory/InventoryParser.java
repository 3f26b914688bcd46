package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an inventory file (CSV or JSON) into instances, row by row: a bad row is rejected with its reason
 * and the others still count. A file that cannot be read as a whole fails with one
 * {@link InventoryFormatException}. Stores nothing; see {@link InventoryImport}.
 *
 * <p>Columns / keys: name, engine, version (required); full_version, jdbc_url, user, password_env, tier,
 * criticality, workload, tags ("team=payments;region=eu", or an object in JSON), cpus, memory (64GB, 65536MB,
 * or bytes), disk_type, disk (size). Thread-safe.
 */
public final class InventoryParser {

    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;

    private final CsvInventoryReader csv = new CsvInventoryReader();
    private final JsonInventoryReader json = new JsonInventoryReader();
    private final RowInterpreter interpreter = new RowInterpreter();
    private final int maxRows;

    public InventoryParser() {
        this(MAX_ROWS);
    }

    /** A lower row limit, so tests need not build 100,000-row files. */
    InventoryParser(int maxRows) {
        this.maxRows = maxRows;
    }

    public ParsedInventory parse(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InventoryFormatException("There is no file " + file + ". Check the path.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InventoryFormatException(source + " is " + (size / (1024 * 1024)) + " MB; Knobwright imports"
                        + " inventories up to " + (MAX_FILE_BYTES / (1024 * 1024)) + " MB. Split it into smaller files.");
            }
            return parse(Files.readAllBytes(file), InventoryFormat.fromFileName(source).orElse(null), source);
        } catch (IOException e) {
            throw new InventoryFormatException("Cannot read " + file + ": " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
    }

    /**
     * @param format     null to decide from the content ('[' or '{' first means JSON)
     * @param sourceName how messages name the file
     */
    public ParsedInventory parse(byte[] content, InventoryFormat format, String sourceName) {
        if (content.length > MAX_FILE_BYTES) {
            throw new InventoryFormatException(sourceName + " is larger than " + (MAX_FILE_BYTES / (1024 * 1024))
                    + " MB. Split it into smaller files.");
        }
        return parse(decode(content, sourceName), format, sourceName);
    }

    public ParsedInventory parse(String text, InventoryFormat format, String sourceName) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) {
            throw new InventoryFormatException(sourceName + " is empty. An inventory is a CSV file with a header row"
                    + " (name,engine,version,...) or a JSON array of objects.");
        }
        InventoryFormat actual = format != null ? format : InventoryFormat.sniff(content);
        List<RawRow> raw = actual == InventoryFormat.JSON
                ? json.read(content, sourceName, maxRows)
                : csv.read(content, sourceName, maxRows);
        return interpret(raw);
    }

    private ParsedInventory interpret(List<RawRow> raw) {
        List<ParsedInventory.Row> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> firstRowByName = new HashMap<>();
        for (RawRow row : raw) {
            try {
                Instance instance = interpreter.interpret(row);
                Integer first = firstRowByName.putIfAbsent(instance.name(), row.row());
                if (first != null) {
                    rejected.add(new RejectedRow(row.row(), "Duplicate name '" + InventoryColumns.abbreviate(instance.name())
                            + "' in this file (first on row " + first + ")."));
                } else {
                    rows.add(new ParsedInventory.Row(row.row(), instance));
                }
            } catch (RowInterpreter.Rejected e) {
                rejected.add(new RejectedRow(row.row(), e.getMessage()));
            }
        }
        return new ParsedInventory(rows, rejected);
    }

    private static String decode(byte[] content, String sourceName) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            throw new InventoryFormatException(sourceName + " is UTF-16 text. Save it as UTF-8 (in Excel: \"CSV UTF-8\")"
                    + " and import it again.");
        }
        for (byte b : content) {
            if (b == 0) {
                throw new InventoryFormatException(sourceName + " is a binary file, not CSV or JSON text. Export the"
                        + " inventory as CSV (with a header row) or as a JSON array.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InventoryFormatException(sourceName + " is not UTF-8 text. Save it as UTF-8 (in Excel: \"CSV UTF-8\")"
                    + " and import it again.", e);
        }
    }
}
