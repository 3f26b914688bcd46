package io.knobwright.app.ui.diff;

import io.knobwright.model.diff.DiffRow;

import java.util.List;
import java.util.Objects;

/**
 * One category as the viewer shows it.
 *
 * @param rows        the rows of this category that pass the current filters, in display order
 * @param differences how many of those rows are differences
 * @param parameters  how many parameters of this category the comparison holds, before filtering
 */
public record DiffGroup(String category, List<DiffRow> rows, int differences, int parameters) {

    public DiffGroup {
        Objects.requireNonNull(category, "category");
        rows = List.copyOf(rows);
        if (differences < 0 || differences > rows.size()) {
            throw new IllegalArgumentException(category + ": " + differences + " differences among " + rows.size() + " rows");
        }
    }

    /** "Resource Usage / Memory — 4 differences", or with the parameter count when identical rows show too. */
    public String label(boolean differencesOnly) {
        String diffs = differences == 0 ? "no differences"
                : differences == 1 ? "1 difference" : differences + " differences";
        if (differencesOnly) {
            return category + " — " + diffs;
        }
        return category + " — " + diffs + " · " + parameters + (parameters == 1 ? " parameter" : " parameters");
    }
}
