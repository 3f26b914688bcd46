package io.knobwright.app.ui.diff;

import io.knobwright.model.diff.DiffRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * State and logic of the diff viewer without any node: which rows show (differences only, search), how they
 * group by category, which groups are collapsed, the selected row and the next/previous difference.
 * Uses only javafx.beans and javafx.collections, so it is tested without a toolkit. Not thread-safe: use it
 * from the FX thread once a view shows it.
 */
public final class DiffViewModel {

    private static final Comparator<DiffRow> BY_NAME =
            Comparator.comparing(DiffRow::name, String.CASE_INSENSITIVE_ORDER);

    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final StringProperty leftTitle = new SimpleStringProperty(this, "leftTitle", "Left");
    private final StringProperty rightTitle = new SimpleStringProperty(this, "rightTitle", "Right");
    private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly", true);
    private final BooleanProperty groupedByCategory = new SimpleBooleanProperty(this, "groupedByCategory", true);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableSet<String> collapsedCategories = FXCollections.observableSet();

    private final ReadOnlyObjectWrapper<List<DiffGroup>> groups = new ReadOnlyObjectWrapper<>(this, "groups", List.of());
    private final ReadOnlyObjectWrapper<List<DiffRow>> visibleRows = new ReadOnlyObjectWrapper<>(this, "visibleRows", List.of());
    private final ReadOnlyObjectWrapper<DiffCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts", DiffCounts.of(List.of()));
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", counts.get().text());
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyObjectWrapper<DiffRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");
    private final ReadOnlyIntegerWrapper differenceCount = new ReadOnlyIntegerWrapper(this, "differenceCount");
    private final ReadOnlyIntegerWrapper currentDifference = new ReadOnlyIntegerWrapper(this, "currentDifference");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(this, "canGoNext");
    private final ReadOnlyBooleanWrapper canGoPrevious = new ReadOnlyBooleanWrapper(this, "canGoPrevious");

    /** Display position of every visible row; identity because two configurations may hold equal records. */
    private Map<DiffRow, Integer> displayIndex = new IdentityHashMap<>();
    /** Visible differences in display order, and their display positions (ascending) for the binary search. */
    private List<DiffRow> differences = List.of();
    private int[] differencePositions = new int[0];

    public DiffViewModel() {
        rows.addListener((ListChangeListener<DiffRow>) change -> {
            counts.set(DiffCounts.of(rows));
            summary.set(counts.get().text());
            refresh();
        });
        differencesOnly.addListener((obs, was, is) -> refresh());
        groupedByCategory.addListener((obs, was, is) -> refresh());
        searchText.addListener((obs, was, is) -> refresh());
        // The placeholder names both sides.
        leftTitle.addListener((obs, was, is) -> refresh());
        rightTitle.addListener((obs, was, is) -> refresh());
        refresh();
    }

    // ---- inputs -------------------------------------------------------------------------------------------

    /** The comparison to show, in the order {@code ConfigurationDiff} returns it (category, then name). */
    public ObservableList<DiffRow> rows() {
        return rows;
    }

    public void setRows(Collection<DiffRow> newRows) {
        rows.setAll(newRows);
    }

    public StringProperty leftTitleProperty() {
        return leftTitle;
    }

    public StringProperty rightTitleProperty() {
        return rightTitle;
    }

    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    public BooleanProperty groupedByCategoryProperty() {
        return groupedByCategory;
    }

    /** Case-insensitive substring of a parameter name or of either value; blank shows every row. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Categories whose group the user folded away; navigating to a row in one unfolds it. */
    public ObservableSet<String> collapsedCategories() {
        return collapsedCategories;
    }

    // ---- outputs ------------------------------------------------------------------------------------------

    /** Visible groups in display order; empty when {@link #groupedByCategoryProperty()} is off. */
    public ReadOnlyObjectProperty<List<DiffGroup>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    /** Every row that passes the filters, in display order (also the rows inside collapsed groups). */
    public ReadOnlyObjectProperty<List<DiffRow>> visibleRowsProperty() {
        return visibleRows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DiffCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** "12 changed · 3 added · 1 removed · 2 need a restart" over the whole comparison. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What to say where no row shows. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DiffRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    /** Differences among the visible rows. */
    public ReadOnlyIntegerProperty differenceCountProperty() {
        return differenceCount.getReadOnlyProperty();
    }

    /** 1-based number of the selected difference among the visible ones; 0 when the selection is not one. */
    public ReadOnlyIntegerProperty currentDifferenceProperty() {
        return currentDifference.getReadOnlyProperty();
    }

    /** "Difference 3 of 16", or "16 differences" while no difference is selected. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoPreviousProperty() {
        return canGoPrevious.getReadOnlyProperty();
    }

    // ---- commands -----------------------------------------------------------------------------------------

    /**
     * Selects a row (null clears). A row that the filters hide clears the selection too, so the selection
     * is always something the user can see; its group unfolds.
     */
    public void select(DiffRow row) {
        DiffRow visible = row != null && displayIndex.containsKey(row) ? row : null;
        if (visible != null) {
            collapsedCategories.remove(visible.category());
        }
        selectedRow.set(visible);
        updateNavigation();
    }

    /** Selects the first difference below the selection (the first one when nothing is selected). */
    public Optional<DiffRow> nextDifference() {
        Optional<DiffRow> target = differenceAfter(anchor(-1));
        target.ifPresent(this::select);
        return target;
    }

    /** Selects the last difference above the selection (the last one when nothing is selected). */
    public Optional<DiffRow> previousDifference() {
        Optional<DiffRow> target = differenceBefore(anchor(Integer.MAX_VALUE));
        target.ifPresent(this::select);
        return target;
    }

    // ---- derivation ---------------------------------------------------------------------------------------

    private void refresh() {
        String needle = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        boolean onlyDifferences = differencesOnly.get();
        List<DiffRow> shown = new ArrayList<>();
        if (groupedByCategory.get()) {
            Map<String, List<DiffRow>> byCategory = new LinkedHashMap<>();
            Map<String, Integer> totals = new LinkedHashMap<>();
            for (DiffRow row : rows) {
                totals.merge(row.category(), 1, Integer::sum);
                if (passes(row, onlyDifferences, needle)) {
                    byCategory.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row);
                }
            }
            List<DiffGroup> built = new ArrayList<>(byCategory.size());
            byCategory.forEach((category, members) -> {
                int diffs = (int) members.stream().filter(DiffRow::isDifference).count();
                built.add(new DiffGroup(category, members, diffs, totals.get(category)));
                shown.addAll(members);
            });
            groups.set(List.copyOf(built));
        } else {
            for (DiffRow row : rows) {
                if (passes(row, onlyDifferences, needle)) {
                    shown.add(row);
                }
            }
            // Without category headers a list in category order looks unsorted: sort it the way people scan it.
            shown.sort(BY_NAME);
            groups.set(List.of());
        }
        index(shown);
        visibleRows.set(List.copyOf(shown));
        placeholder.set(placeholderText(needle, onlyDifferences));
        if (selectedRow.get() != null && !displayIndex.containsKey(selectedRow.get())) {
            selectedRow.set(null);
        }
        updateNavigation();
    }

    private static boolean passes(DiffRow row, boolean onlyDifferences, String needle) {
        if (onlyDifferences && !row.isDifference()) {
            return false;
        }
        return needle.isEmpty() || contains(row.name(), needle) || contains(row.left(), needle) || contains(row.right(), needle);
    }

    private static boolean contains(String text, String lowerNeedle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private void index(List<DiffRow> shown) {
        Map<DiffRow, Integer> positions = new IdentityHashMap<>(shown.size() * 2);
        List<DiffRow> diffs = new ArrayList<>();
        int[] diffPositions = new int[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            DiffRow row = shown.get(i);
            positions.put(row, i);
            if (row.isDifference()) {
                diffPositions[diffs.size()] = i;
                diffs.add(row);
            }
        }
        displayIndex = positions;
        differences = List.copyOf(diffs);
        differencePositions = Arrays.copyOf(diffPositions, diffs.size());
    }

    private String placeholderText(String needle, boolean onlyDifferences) {
        if (rows.isEmpty()) {
            return "Nothing to compare";
        }
        if (!needle.isEmpty()) {
            return "No " + (onlyDifferences ? "difference" : "parameter") + " has a name or value containing “"
                    + searchText.get().trim() + "”";
        }
        return onlyDifferences ? "No differences: " + leftTitle.get() + " and " + rightTitle.get() + " are equivalent" : "";
    }

    private int anchor(int whenNothingSelected) {
        DiffRow selected = selectedRow.get();
        return selected == null ? whenNothingSelected : displayIndex.get(selected);
    }

    private Optional<DiffRow> differenceAfter(int displayPosition) {
        int i = Arrays.binarySearch(differencePositions, displayPosition);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < differences.size() ? Optional.of(differences.get(next)) : Optional.empty();
    }

    private Optional<DiffRow> differenceBefore(int displayPosition) {
        int i = Arrays.binarySearch(differencePositions, displayPosition);
        int previous = i >= 0 ? i - 1 : -i - 2;
        return previous >= 0 ? Optional.of(differences.get(previous)) : Optional.empty();
    }

    private void updateNavigation() {
        DiffRow selected = selectedRow.get();
        int count = differences.size();
        int current = 0;
        if (selected != null && selected.isDifference()) {
            current = Arrays.binarySearch(differencePositions, displayIndex.get(selected)) + 1;
        }
        differenceCount.set(count);
        currentDifference.set(current);
        position.set(count == 0 ? "No differences"
                : current > 0 ? "Difference " + current + " of " + count
                : count == 1 ? "1 difference" : count + " differences");
        canGoNext.set(differenceAfter(anchor(-1)).isPresent());
        canGoPrevious.set(differenceBefore(anchor(Integer.MAX_VALUE)).isPresent());
    }
}
