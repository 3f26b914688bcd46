package io.knobwright.model.template;

import io.knobwright.model.catalog.ParameterSpec;

/**
 * A parameter's value after resolution, with where it came from.
 *
 * @param value           in the engine's base unit and spelling (what goes into a plan or a config file)
 * @param unit            the catalog's base unit, null when unitless
 * @param template        the template that set it
 * @param templateVersion that template's version
 * @param expression      the expression evaluated, null for literals and resets
 * @param reset           true when a template reset it to the engine default
 * @param note            e.g. "clamped from 2TB to the maximum 1TB", "default depends on the host name: not
 *                        compared"; empty when nothing to say
 */
public record ResolvedParameter(String name, String value, String unit, String template, int templateVersion,
                                String expression, boolean reset, String note) {

    public ResolvedParameter {
        note = note == null ? "" : note;
    }

    public boolean clamped() {
        return note.startsWith("clamped");
    }

    /**
     * False for a reset to a default that differs from server to server (the host name, the CPU count, the
     * distribution's build): the catalog's value is one server's example, so what an instance runs with is neither
     * drift nor a change to plan.
     *
     * @param spec this parameter's catalog entry, null when the catalog does not know it
     */
    public boolean comparable(ParameterSpec spec) {
        return !(reset && spec != null && spec.defaultIsHostDependent());
    }

    /** The note of a reset that {@link #comparable} excludes, saying why. */
    static String notComparedNote(ParameterSpec spec) {
        return "default depends on " + spec.defaultDependsOn() + ": not compared";
    }
}
