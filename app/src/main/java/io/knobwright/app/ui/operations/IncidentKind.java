package io.knobwright.app.ui.operations;

import java.util.Map;

/** Which audit actions are incidents on the dashboard, in an operator's words, and which of them ask for action. */
record IncidentKind(String words, boolean alarm) {

    private static final Map<String, IncidentKind> KINDS = Map.ofEntries(
            Map.entry("override.applied", new IncidentKind("override applied", false)),
            Map.entry("override.restored", new IncidentKind("restored", false)),
            Map.entry("override.extended", new IncidentKind("override extended", false)),
            Map.entry("override.cancelled", new IncidentKind("cancelled, value kept", false)),
            Map.entry("override.restore-failed", new IncidentKind("restore failed", true)),
            Map.entry("override.attention", new IncidentKind("needs a decision", true)),
            Map.entry("override.failed", new IncidentKind("override failed", true)),
            Map.entry("plan.bypassed", new IncidentKind("glass broken", true)),
            Map.entry("plan.rolled-back", new IncidentKind("apply rolled back", true)),
            Map.entry("plan.needs-attention", new IncidentKind("apply needs attention", true)));

    /** The kind of an audit action, or null when it is not an incident. A refused override is one (someone tried). */
    static IncidentKind of(String action) {
        IncidentKind kind = KINDS.get(action);
        if (kind == null && action.startsWith("override.") && action.endsWith(".refused")) {
            return new IncidentKind("override refused", true);
        }
        return kind;
    }
}
