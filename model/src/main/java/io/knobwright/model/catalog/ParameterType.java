package io.knobwright.model.catalog;

/** The value type of a parameter, independent of engine spelling. */
public enum ParameterType {
    BOOLEAN, INTEGER, REAL, STRING, ENUM
}
