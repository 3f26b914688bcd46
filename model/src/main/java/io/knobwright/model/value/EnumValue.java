package io.knobwright.model.value;

/**
 * One of a parameter's listed choices.
 *
 * @param value the choice as the catalog spells it ("replica", "O_DIRECT"), whatever case the user typed
 */
public record EnumValue(String value) implements ParameterValue {

    public EnumValue {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("An enum value needs a name");
        }
    }
}
