package io.knobwright.model.config;

import io.knobwright.model.text.ShownText;

import java.nio.file.Path;

/** What both configuration-file readers check before they read a file's lines. */
final class ConfigText {

    /** Deeper include chains are a loop or a mistake; the servers themselves stop at about this depth. */
    static final int MAX_INCLUDE_DEPTH = 10;

    private ConfigText() {
    }

    static String read(FileSource files, Path file) {
        return files.read(file).orElseThrow(() -> new ConfigFileException(file.toString(), 0, "file not found"));
    }

    /** The last part of a path as written in a setting's origin: "90-ci.conf" for ".../conf.d/90-ci.conf". */
    static String fileName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    /**
     * What a message about an included file says instead of the line's text. Only the file the user named is
     * quoted: an include can point anywhere ({@code include '/etc/shadow'}), and an error must not print a
     * file the user never chose to show.
     */
    static final String NOT_QUOTED = " (the line is not quoted: the file was included, not named for the import)";

    /** The text as a message may quote it from the file the user named: escaped, at most a short excerpt. */
    static String quoted(String text) {
        return "'" + ShownText.excerpt(text, ShownText.EXCERPT) + "'";
    }

    static void check(Path file, String text, int depth) {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new ConfigFileException(file.toString(), 0,
                    "includes nest deeper than " + MAX_INCLUDE_DEPTH + " levels (an include loop?)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ConfigFileException(file.toString(), 0, "not a text file");
        }
    }
}
