package io.knobwright.connectors.logs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A log file as the importer will read it: its format (given or detected), whether it is gzip-compressed (told by
 * its first bytes, whatever its name), and for a stderr log the log_line_prefix (given, one of the common ones
 * detected, or inferred from the lines).
 *
 * @param prefixHow "given", "detected" or "inferred" for a stderr log, "" otherwise
 */
public record LogSource(Path file, long size, boolean gzip, LogFormat format, boolean formatDetected, String prefix,
                        String prefixHow) {

    /** One line for the user: "a PostgreSQL stderr log (detected), log_line_prefix '%m [%p] ' (detected)". */
    public String describe() {
        return format.description() + (formatDetected ? " (detected)" : "") + (gzip ? ", gzip-compressed" : "")
                + (format == LogFormat.STDERR ? ", log_line_prefix '" + prefix + "' (" + prefixHow + ")" : "");
    }

    public Optional<String> stderrPrefix() {
        return format == LogFormat.STDERR ? Optional.of(prefix) : Optional.empty();
    }
}
