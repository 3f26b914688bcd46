package io.knobwright.model.template;

import java.util.Objects;

/**
 * One parameter in a template.
 *
 * @param locked    when true, templates below this one may not override the parameter
 * @param rationale one line the UI shows: why this value
 */
public record TemplateEntry(String parameter, EntryValue value, boolean locked, String rationale) {

    public TemplateEntry {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("A template entry needs a parameter name");
        }
        parameter = parameter.trim();
        Objects.requireNonNull(value, "value");
        rationale = rationale == null ? "" : rationale;
    }

    public static TemplateEntry literal(String parameter, String text, String rationale) {
        return new TemplateEntry(parameter, new EntryValue.Literal(text), false, rationale);
    }

    public static TemplateEntry expression(String parameter, String source, String rationale) {
        return new TemplateEntry(parameter, new EntryValue.Expression(source), false, rationale);
    }

    public TemplateEntry asLocked() {
        return new TemplateEntry(parameter, value, true, rationale);
    }
}
