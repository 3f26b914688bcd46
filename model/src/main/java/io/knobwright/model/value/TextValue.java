package io.knobwright.model.value;

import java.util.Objects;

/**
 * A free-text setting (search_path, log_line_prefix). Compared exactly: whitespace and case can matter here.
 */
public record TextValue(String value) implements ParameterValue {

    public TextValue {
        Objects.requireNonNull(value, "value");
    }
}
