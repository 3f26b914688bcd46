package io.knobwright.model.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.Locale;
import java.util.Optional;

/**
 * How deep and how long the JSON, YAML and CSV files users give Knobwright (templates, inventories) may be.
 * Jackson checks these while it reads ({@link StreamReadConstraints}); its own defaults (nesting 500, strings
 * of 20 million characters) are far above anything such a file holds, and the exception it throws carries no
 * location, which readers used to dereference. {@link #exceeded} turns it into a sentence naming the limit and
 * the file.
 */
public final class ReadLimits {

    /** Arrays and objects inside each other: a template is 3 levels deep, an inventory 3 with tags. */
    public static final int MAX_NESTING = 64;
    /** Characters in one value or name: a parameter value, a description, a JDBC URL are far below. */
    public static final int MAX_STRING = 1_000_000;
    /**
     * Characters in a whole YAML file. SnakeYAML reads a value before Jackson could check its length, so for
     * YAML this also bounds every value.
     */
    public static final int MAX_YAML = MAX_STRING;
    /** Digits in one number. */
    public static final int MAX_NUMBER = 100;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_STRING)
            .maxNameLength(MAX_STRING)
            .maxNumberLength(MAX_NUMBER)
            .build();

    private ReadLimits() {
    }

    /** The factory, reading with these limits. */
    public static <F extends JsonFactory> F applied(F factory) {
        factory.setStreamReadConstraints(CONSTRAINTS);
        return factory;
    }

    /** SnakeYAML's own limits (it builds the YAML events Jackson reads): the same nesting, {@link #MAX_YAML}. */
    public static LoaderOptions yamlLoader() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_YAML);
        return options;
    }

    /**
     * The limit {@code failure} ran into, as a sentence naming {@code file}; empty when it is no limit.
     * SnakeYAML reports its nesting and size limits as plain parse errors, recognised by their text.
     */
    public static Optional<String> exceeded(Throwable failure, String file) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof StreamConstraintsException || message.contains("nesting depth") || message.contains("exceeds the limit")) {
                return Optional.of(file + near(t) + ": " + what(message)
                        + " That is no template or inventory Knobwright wrote; check that this is the file you meant.");
            }
        }
        return Optional.empty();
    }

    private static String what(String message) {
        if (message.contains("nesting depth")) {
            return "arrays and objects are nested more than " + MAX_NESTING + " levels deep, the limit.";
        }
        if (message.contains("number value length")) {
            return "a number is longer than " + MAX_NUMBER + " digits, the limit.";
        }
        if (message.contains("exceeds the limit") && message.contains("code points")) {
            return "the file is longer than " + String.format(Locale.ROOT, "%,d", MAX_YAML) + " characters, the limit for a YAML file.";
        }
        return "a value or key is longer than " + String.format(Locale.ROOT, "%,d", MAX_STRING) + " characters, the limit.";
    }

    private static String near(Throwable t) {
        if (t instanceof StreamConstraintsException e && e.getProcessor() instanceof JsonParser parser) {
            JsonLocation at = parser.currentLocation();
            if (at != null && at.getLineNr() > 0) {
                return " line " + at.getLineNr();
            }
        }
        return "";
    }
}
