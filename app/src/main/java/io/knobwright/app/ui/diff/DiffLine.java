package io.knobwright.app.ui.diff;

import io.knobwright.model.diff.DiffRow;

/** What one line of the viewer's tree table holds: a category header or a parameter. */
sealed interface DiffLine {

    record Header(DiffGroup group, String label) implements DiffLine {
    }

    record Parameter(DiffRow row) implements DiffLine {
    }
}
