package io.knobwright.model.value;

/** An on/off setting, however the engine or the user spelled it. */
public record BooleanValue(boolean value) implements ParameterValue {

    public static final BooleanValue ON = new BooleanValue(true);
    public static final BooleanValue OFF = new BooleanValue(false);

    public static BooleanValue of(boolean value) {
        return value ? ON : OFF;
    }
}
