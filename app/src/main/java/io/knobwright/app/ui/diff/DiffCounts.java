package io.knobwright.app.ui.diff;

import io.knobwright.model.diff.DiffRow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How many parameters differ, and how, across a whole comparison (not only the rows a search shows). */
public record DiffCounts(int changed, int added, int removed, int restartNeeded, int parameters) {

    public DiffCounts {
        if (changed < 0 || added < 0 || removed < 0 || restartNeeded < 0 || parameters < 0) {
            throw new IllegalArgumentException("Diff counts cannot be negative");
        }
    }

    public static DiffCounts of(Collection<DiffRow> rows) {
        int changed = 0;
        int added = 0;
        int removed = 0;
        int restart = 0;
        for (DiffRow row : rows) {
            switch (row.change()) {
                case CHANGED -> changed++;
                case ADDED -> added++;
                case REMOVED -> removed++;
                case SAME -> { }
            }
            if (row.restartNeeded()) {
                restart++;
            }
        }
        return new DiffCounts(changed, added, removed, restart, rows.size());
    }

    public int differences() {
        return changed + added + removed;
    }

    /** "12 changed · 3 added · 1 removed · 2 need a restart"; kinds that do not occur are left out. */
    public String text() {
        if (parameters == 0) {
            return "Nothing to compare";
        }
        if (differences() == 0) {
            return "No differences · " + parameters + (parameters == 1 ? " parameter" : " parameters") + " compared";
        }
        List<String> parts = new ArrayList<>(4);
        if (changed > 0) {
            parts.add(changed + " changed");
        }
        if (added > 0) {
            parts.add(added + " added");
        }
        if (removed > 0) {
            parts.add(removed + " removed");
        }
        parts.add(switch (restartNeeded) {
            case 0 -> "no restart needed";
            case 1 -> "1 needs a restart";
            default -> restartNeeded + " need a restart";
        });
        return String.join(" · ", parts);
    }
}
