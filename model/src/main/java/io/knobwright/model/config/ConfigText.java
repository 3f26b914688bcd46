package io.knobwright.model.config;

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
