package io.knobwright.app.ui.whatif;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of the what-if table as the user edits it: its name, the value of each tunable (base units) and settings
 * the screen has no slider for (a plan may set them; they are passed on as written). A plan's own scenario is locked:
 * it stays what the plan says, so what is attached to the plan is the plan.
 */
final class ScenarioDraft {

    final String name;
    final Map<String, Double> values;
    final Map<String, String> extra;
    final boolean locked;

    ScenarioDraft(String name, Map<String, Double> values, Map<String, String> extra, boolean locked) {
        this.name = name;
        this.values = new LinkedHashMap<>(values);
        this.extra = new LinkedHashMap<>(extra);
        this.locked = locked;
    }

    ScenarioDraft copy(String newName) {
        return new ScenarioDraft(newName, values, extra, false);
    }
}
