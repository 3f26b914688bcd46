package io.knobwright.model.config;

/** A configuration file that cannot be read; the message names the file, the line and the problem. */
public class ConfigFileException extends RuntimeException {

    public ConfigFileException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }
}
