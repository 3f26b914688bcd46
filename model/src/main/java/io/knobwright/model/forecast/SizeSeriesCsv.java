package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.UserError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a size series from CSV lines {@code timestamp,bytes}: the timestamp ISO-8601 (with an offset, or a date-time
 * or date taken as UTC) or epoch seconds; bytes a whole non-negative number. A header line whose second field is not
 * a number is skipped, as are blank lines and lines starting with {@code #}. Any malformed line rejects the whole file,
 * naming up to {@link #MAX_REPORTED} bad lines by number, so nothing half-read is ever stored.
 */
public final class SizeSeriesCsv {

    static final int MAX_REPORTED = 10;

    private SizeSeriesCsv() {
    }

    public static SizeSeries read(Reader reader, String source) {
        List<SizePoint> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int badLines = 0;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("[,;\\t]", -1);
                if (points.isEmpty() && badLines == 0 && fields.length == 2 && !fields[1].strip().matches("[-+]?[0-9.eE]+")
                        && !fields[0].strip().matches("[0-9].*")) {
                    continue; // header such as "timestamp,bytes"
                }
                String problem;
                if (fields.length != 2) {
                    problem = "expected 2 fields (timestamp,bytes), found " + fields.length;
                } else {
                    problem = null;
                    Instant at = null;
                    long bytes = -1;
                    try {
                        at = timestamp(fields[0].strip());
                    } catch (DateTimeParseException | NumberFormatException e) {
                        problem = "'" + clip(fields[0].strip()) + "' is not a timestamp (ISO-8601 such as 2026-03-01T12:00:00Z, or epoch seconds)";
                    }
                    if (problem == null) {
                        try {
                            bytes = Long.parseLong(fields[1].strip());
                            if (bytes < 0) {
                                problem = "bytes " + bytes + " is negative";
                            }
                        } catch (NumberFormatException e) {
                            problem = "'" + clip(fields[1].strip()) + "' is not a whole number of bytes";
                        }
                    }
                    if (problem == null) {
                        points.add(new SizePoint(at, bytes));
                    }
                }
                if (problem != null) {
                    badLines++;
                    if (problems.size() < MAX_REPORTED) {
                        problems.add("line " + lineNumber + ": " + problem);
                    }
                }
            }
        } catch (IOException e) {
            throw UserError.input("Cannot read " + source + ": " + e.getMessage());
        }
        if (badLines > 0) {
            throw UserError.input(source + " has " + badLines + " malformed line" + (badLines == 1 ? "" : "s")
                    + "; nothing was imported. " + String.join("; ", problems) + (badLines > problems.size() ? "; ..." : "")
                    + ". Each line is timestamp,bytes.");
        }
        if (points.isEmpty()) {
            throw UserError.input(source + " has no sizes; each line is timestamp,bytes (e.g. 2026-03-01T00:00:00Z,53687091200).");
        }
        return SizeSeries.of(points);
    }

    static Instant timestamp(String text) {
        if (text.matches("[0-9]{1,11}")) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
