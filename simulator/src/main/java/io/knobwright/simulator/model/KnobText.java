package io.knobwright.simulator.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a setting's text into the base unit {@link Knobs} keeps, the way postgresql.conf reads it. */
final class KnobText {

    private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z]*)\\s*");

    /** The unit of a bare number, for the settings that have one: bytes per unit, or seconds per unit. */
    private static final Map<String, Double> BARE_BYTES = Map.of(
            "shared_buffers", 8192.0, "effective_cache_size", 8192.0, "wal_buffers", 8192.0,
            "work_mem", 1024.0, "maintenance_work_mem", 1024.0, "autovacuum_work_mem", 1024.0,
            "max_wal_size", 1024.0 * 1024, "min_wal_size", 1024.0 * 1024, "temp_buffers", 8192.0);
    private static final Map<String, Double> BARE_SECONDS = Map.of(
            "checkpoint_timeout", 1.0, "statement_timeout", 0.001, "commit_delay", 0.000001,
            "bgwriter_delay", 0.001, "wal_writer_delay", 0.001);
    private static final Map<String, Double> BYTE_UNITS = Map.of(
            "b", 1.0, "kb", 1024.0, "mb", 1024.0 * 1024, "gb", 1024.0 * 1024 * 1024, "tb", 1024.0 * 1024 * 1024 * 1024);
    private static final Map<String, Double> TIME_UNITS = Map.of(
            "us", 0.000001, "ms", 0.001, "s", 1.0, "min", 60.0, "h", 3600.0, "d", 86400.0);
    private static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("on", 1.0), Map.entry("off", 0.0), Map.entry("true", 1.0), Map.entry("false", 0.0),
            Map.entry("yes", 1.0), Map.entry("no", 0.0),
            // synchronous_commit: every value but off waits for the local flush
            Map.entry("local", 1.0), Map.entry("remote_write", 1.0), Map.entry("remote_apply", 1.0));

    private KnobText() {
    }

    static double parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No value was given for " + name);
        }
        String clean = text.strip().replaceAll("^'(.*)'$", "$1").toLowerCase(Locale.ROOT);
        Double word = WORDS.get(clean);
        if (word != null) {
            return word;
        }
        Matcher m = NUMBER_UNIT.matcher(clean);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a value for " + name
                    + ": give a number with an optional unit (256MB, 30s, 0.9) or on/off");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return number * BARE_BYTES.getOrDefault(name, BARE_SECONDS.getOrDefault(name, 1.0));
        }
        Double bytes = BYTE_UNITS.get(unit);
        if (bytes != null) {
            return number * bytes;
        }
        Double seconds = TIME_UNITS.get(unit);
        if (seconds != null) {
            return number * seconds;
        }
        throw new IllegalArgumentException("\"" + unit + "\" is not a unit PostgreSQL knows (in " + name + " = " + text
                + "): use B, kB, MB, GB, TB for memory and us, ms, s, min, h, d for time");
    }
}
