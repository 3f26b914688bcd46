package io.knobwright.model.config;

import io.knobwright.model.UserError;

/** A configuration file that cannot be read; the message names the file, the line and the problem. */
public class ConfigFileException extends UserError {

    public ConfigFileException(String file, int line, String problem) {
        super(Kind.INPUT, file + (line > 0 ? " line " + line : "") + ": " + problem);
    }
}
