package io.knobwright.model.value;

/**
 * One of a parameter's listed choices.
 *
 * @param value the choice as the catalog spells it ("replica", "O_DIRECT"), whatever case the user typed; may be
 *              empty where the catalog lists an empty choice (PostgreSQL's ssl_max_protocol_version: "" = no limit)
 */
public record EnumValue(String value) implements ParameterValue {

    public EnumValue {
        if (value == null) {
            throw new IllegalArgumentException("An enum value cannot be null");
        }
    }
}
