package io.knobwright.connectors.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * What one parser (one thread, one byte range) met; {@link #plus} merges ranges. An entry is one log record (a
 * PostgreSQL message with its continuation lines, a csvlog or jsonlog record, a slow-log entry).
 */
public final class ImportCounts {

    /** Malformed entries are counted all, and the first few are kept as examples for the user. */
    static final int EXAMPLES = 5;

    long entries;
    long statements;
    long skipped;
    long malformed;
    final List<String> examples = new ArrayList<>();

    void malformed(long offset, String reason, byte[] b, int from, int to) {
        malformed++;
        if (examples.size() < EXAMPLES) {
            int end = Math.min(to, from + 120);
            String text = new String(b, from, Math.max(0, end - from), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
            examples.add("at byte " + offset + ": " + reason + ": " + text + (end < to ? "..." : ""));
        }
    }

    /** Log records read (statements, other messages and malformed ones). */
    public long entries() {
        return entries;
    }

    /** Statements delivered to the sink. */
    public long statements() {
        return statements;
    }

    /** Well-formed records that are not statements: checkpoints, errors, parse/bind steps, parameters. */
    public long skipped() {
        return skipped;
    }

    /** Records that could not be read, skipped. */
    public long malformed() {
        return malformed;
    }

    /** Up to five malformed records, with their byte offset and why. */
    public List<String> malformedExamples() {
        return List.copyOf(examples);
    }

    ImportCounts plus(ImportCounts other) {
        ImportCounts sum = new ImportCounts();
        sum.entries = entries + other.entries;
        sum.statements = statements + other.statements;
        sum.skipped = skipped + other.skipped;
        sum.malformed = malformed + other.malformed;
        sum.examples.addAll(examples);
        for (String e : other.examples) {
            if (sum.examples.size() < EXAMPLES) {
                sum.examples.add(e);
            }
        }
        return sum;
    }
}
