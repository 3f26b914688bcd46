package io.knobwright.model.template;

/**
 * A parameter's value after resolution, with where it came from.
 *
 * @param value           in the engine's base unit and spelling (what goes into a plan or a config file)
 * @param unit            the catalog's base unit, null when unitless
 * @param template        the template that set it
 * @param templateVersion that template's version
 * @param expression      the expression evaluated, null for literals and resets
 * @param reset           true when a template reset it to the engine default
 * @param note            e.g. "clamped from 2TB to the maximum 1TB"; empty when nothing to say
 */
public record ResolvedParameter(String name, String value, String unit, String template, int templateVersion,
                                String expression, boolean reset, String note) {

    public ResolvedParameter {
        note = note == null ? "" : note;
    }

    public boolean clamped() {
        return note.startsWith("clamped");
    }
}
