package io.knobwright.app.ui.plan;

import io.knobwright.app.plan.PlanService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The stored change plans, newest first, filtered by a search text, and the one being read with its
 * changes. Plans are read and spelled out off the FX thread; {@link #select(long)} may be called right
 * after {@link #refresh()} (the Templates screen does, after creating plans) and takes effect once the
 * plans are in.
 */
public final class PlansViewModel {

    public static final String NO_PLANS = "No plans yet: open Templates and create plans for instances.";
    public static final String NO_MATCH = "No plan matches the search.";
    public static final String LOADING = "Loading plans…";
    public static final String NO_CHANGES = "Nothing to change: the instance already matches the template.";

    /** Newest first, as the repository also returns them; the id breaks ties between plans made in one batch. */
    static final Comparator<PlanRow> NEWEST_FIRST = Comparator
            .comparing((PlanRow r) -> r.plan().createdAt()).reversed()
            .thenComparing(Comparator.comparingLong(PlanRow::id).reversed());

    private final PlanService plans;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final FilteredList<PlanRow> filtered = new FilteredList<>(rows);
    private final ObservableList<PlanChangeRow> changes = FXCollections.observableArrayList();
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyObjectWrapper<PlanRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", LOADING);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle", "");
    private final ReadOnlyStringWrapper detailTemplate = new ReadOnlyStringWrapper(this, "detailTemplate", "");
    private final ReadOnlyStringWrapper detailBaseline = new ReadOnlyStringWrapper(this, "detailBaseline", "");
    private final ReadOnlyBooleanWrapper detailHasBaseline = new ReadOnlyBooleanWrapper(this, "detailHasBaseline", true);
    private final ReadOnlyStringWrapper detailBaselineWarning = new ReadOnlyStringWrapper(this, "detailBaselineWarning", "");
    private final ReadOnlyStringWrapper detailCounts = new ReadOnlyStringWrapper(this, "detailCounts", "");
    private final ReadOnlyStringWrapper detailCreated = new ReadOnlyStringWrapper(this, "detailCreated", "");

    /** Which load is the newest: an older one finishing late must not overwrite it. */
    private int generation;
    /** A plan asked for while its load was still running; -1 for none. */
    private long pendingSelection = -1;
    private boolean loaded;
    /** Opens the review panel on a plan; set by the main window. */
    private java.util.function.LongConsumer review = id -> { };
    /** Opens a plan on the What-if screen; set by the main window. */
    private java.util.function.LongConsumer simulate = id -> { };

    public PlansViewModel(PlanService plans, BackgroundWork work, ZoneId zone) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        searchText.subscribe((before, now) -> applyFilter());
    }

    /** Reads the stored plans again, off the FX thread; the selected plan stays selected if it still exists. */
    public void refresh() {
        int mine = ++generation;
        loading.set(true);
        updatePlaceholder();
        work.io("Load the plans", this::load, fresh -> {
            if (mine == generation) {
                loaded(fresh);
            }
        }, error -> {
            if (mine == generation) {
                loading.set(false);
                updatePlaceholder();
                message.set(error);
            }
        });
    }

    /** Reads and spells out every plan; runs off the FX thread. The instances' catalogs are read in one batch. */
    private List<PlanRow> load() {
        List<ChangePlan> stored = plans.plans();
        Map<Long, ParameterCatalog> catalogs = plans.catalogsOf(stored.stream().map(ChangePlan::instanceId).toList());
        List<PlanRow> fresh = new ArrayList<>(stored.size());
        for (ChangePlan plan : stored) {
            ParameterCatalog catalog = catalogs.get(plan.instanceId());
            List<PlanChangeRow> spelled = new ArrayList<>(plan.changes().size());
            for (PlannedChange c : plan.changes()) {
                spelled.add(PlanChangeRow.of(c, catalog == null ? null : catalog.find(c.parameter()).orElse(null)));
            }
            fresh.add(PlanRow.of(plan, spelled, zone));
        }
        fresh.sort(NEWEST_FIRST);
        return fresh;
    }

    private void loaded(List<PlanRow> fresh) {
        loading.set(false);
        loaded = true;
        message.set("");
        PlanRow before = selected.get();
        rows.setAll(fresh);
        applyFilter();
        if (pendingSelection >= 0) {
            long wanted = pendingSelection;
            pendingSelection = -1;
            select(wanted);
        } else {
            show(before == null ? null : find(before.id()));
        }
    }

    /**
     * Selects a plan by its id, e.g. one just created. Called while the plans are loading, it waits for them.
     * A plan the search hides clears the search. Returns false when no such plan is known (yet).
     */
    public boolean select(long planId) {
        if (loading.get() || !loaded) {
            pendingSelection = planId;
            return false;
        }
        PlanRow row = find(planId);
        if (row != null && !filtered.contains(row)) {
            searchText.set("");
        }
        show(row);
        return row != null;
    }

    /** Selects a row of the table; null (the table lost its selection while filtering) keeps the detail. */
    public void select(PlanRow row) {
        if (row != null) {
            show(row);
        }
    }

    private PlanRow find(long id) {
        for (PlanRow r : rows) {
            if (r.id() == id) {
                return r;
            }
        }
        return null;
    }

    private void show(PlanRow row) {
        selected.set(row);
        if (row == null) {
            changes.clear();
            detailTitle.set("");
            detailTemplate.set("");
            detailBaseline.set("");
            detailHasBaseline.set(true);
            detailBaselineWarning.set("");
            detailCounts.set("");
            detailCreated.set("");
            return;
        }
        ChangePlan plan = row.plan();
        changes.setAll(row.changes());
        detailTitle.set("Plan #" + plan.id() + " for " + plan.instanceName());
        detailTemplate.set(plan.template() + " v" + plan.templateVersion());
        detailBaseline.set(baselineText(plan, zone));
        detailHasBaseline.set(plan.hasBaseline());
        detailBaselineWarning.set(plan.hasBaseline() ? "" : "Every \"from\" is unknown: no settings were read from "
                + plan.instanceName() + " before planning, so every value the template sets is listed as a change."
                + " Refresh it from its server and create the plan again.");
        detailCreated.set(row.created() + (plan.author().isEmpty() ? "" : " by " + plan.author()) + " · " + row.status());
        detailCounts.set(counts(row));
    }

    /** Where the from-values came from; without any, what that means for the plan and what to do. */
    static String baselineText(ChangePlan plan, ZoneId zone) {
        if (plan.baseline().isEmpty()) {
            return "not recorded";
        }
        if (!plan.hasBaseline()) {
            return "none: no settings read before planning";
        }
        return PlanRow.baselineInZone(plan.baseline(), zone);
    }

    /** "14 changes · 3 need a restart", "1 change · no restart needed". */
    static String counts(PlanRow row) {
        if (row.changeCount() == 0) {
            return "No changes";
        }
        String restarts = row.restartCount() == 0 ? "no restart needed"
                : row.restartCount() == 1 ? "1 needs a restart" : row.restartCount() + " need a restart";
        return Formats.count(row.changeCount(), "change", "changes") + " · " + restarts;
    }

    private void applyFilter() {
        String text = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        filtered.setPredicate(words.length == 0 ? null : r -> {
            for (String w : words) {
                if (!r.searchKey().contains(w)) {
                    return false;
                }
            }
            return true;
        });
        statusText.set(rows.isEmpty() ? "" : Formats.count(rows.size(), "plan", "plans")
                + (words.length == 0 ? "" : " · " + filtered.size() + " shown"));
        updatePlaceholder();
    }

    private void updatePlaceholder() {
        placeholder.set(loading.get() && rows.isEmpty() ? LOADING : rows.isEmpty() ? NO_PLANS : NO_MATCH);
    }

    public void dismissMessage() {
        message.set("");
    }

    /** What {@link #reviewSelected} does with the selected plan's id: the main window opens its review panel on it. */
    public void onReview(java.util.function.LongConsumer action) {
        this.review = Objects.requireNonNull(action, "action");
    }

    /** What {@link #simulateSelected} does with the selected plan's id: the main window opens it on the What-if screen. */
    public void onSimulate(java.util.function.LongConsumer action) {
        this.simulate = Objects.requireNonNull(action, "action");
    }

    /** "Simulate this plan": the plan's to-values as a what-if scenario beside today's, to attach to the plan. */
    public void simulateSelected() {
        PlanRow row = selected.get();
        if (row != null) {
            simulate.accept(row.id());
        }
    }

    /** Opens the selected plan in the review panel: its risk, approval chain and decisions. */
    public void reviewSelected() {
        PlanRow row = selected.get();
        if (row != null) {
            review.accept(row.id());
        }
    }

    /** The plans that pass the search, newest first. */
    public ObservableList<PlanRow> plans() {
        return FXCollections.unmodifiableObservableList(filtered);
    }

    /** The changes of the selected plan, in the order the template lists them. */
    public ObservableList<PlanChangeRow> changes() {
        return FXCollections.unmodifiableObservableList(changes);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyObjectProperty<PlanRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the plans table says when it shows nothing. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "12 plans · 3 shown". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Why the plans could not be read; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailTemplateProperty() {
        return detailTemplate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailBaselineProperty() {
        return detailBaseline.getReadOnlyProperty();
    }

    /** False when the selected plan was made without reading the instance's settings. */
    public ReadOnlyBooleanProperty detailHasBaselineProperty() {
        return detailHasBaseline.getReadOnlyProperty();
    }

    /** What a plan without a baseline means and what to do about it; empty for a plan with one. */
    public ReadOnlyStringProperty detailBaselineWarningProperty() {
        return detailBaselineWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailCountsProperty() {
        return detailCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailCreatedProperty() {
        return detailCreated.getReadOnlyProperty();
    }
}
