package io.knobwright.model.value;

/**
 * A parameter value after parsing: typed, in the parameter's base unit, independent of how it was spelled.
 * Two values of one parameter are the same setting exactly when they are {@code equals}; compare values of
 * different parameters (or across catalog versions whose base unit changed) with {@link Values#same}.
 */
public sealed interface ParameterValue permits BooleanValue, NumericValue, EnumValue, TextValue {
}
