package io.knobwright.app.ui.fleet;

import io.knobwright.app.health.FleetHealthSummary;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.template.TemplateAssignment;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fleet table's state: every instance as a precomputed {@link FleetRow}, the search and facet
 * filters, grouping, counts per filter value, and which instance is selected. Synchronous and free of
 * service calls, so a keystroke costs one pass over the rows; the workbench loads the instances.
 */
public final class FleetViewModel {

    private final ObservableList<FleetRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FleetRow> filtered = new FilteredList<>(rows);
    private final FleetEntryList entries = new FleetEntryList();
    private final ObservableList<Facet> facets = FXCollections.observableArrayList();
    private final ObservableList<GroupBy> groupByOptions = FXCollections.observableArrayList(GroupBy.NONE);

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy", GroupBy.NONE);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper productionShown = new ReadOnlyIntegerWrapper(this, "productionShown");
    private final ReadOnlyIntegerWrapper demoCount = new ReadOnlyIntegerWrapper(this, "demoCount");
    private final BooleanProperty driftingOnly = new SimpleBooleanProperty(this, "driftingOnly");
    private final ReadOnlyIntegerWrapper driftingCount = new ReadOnlyIntegerWrapper(this, "driftingCount");
    private final ReadOnlyIntegerWrapper driftingShown = new ReadOnlyIntegerWrapper(this, "driftingShown");
    private final BooleanProperty withAlertsOnly = new SimpleBooleanProperty(this, "withAlertsOnly");
    private final ReadOnlyIntegerWrapper alertsCount = new ReadOnlyIntegerWrapper(this, "alertsCount");
    private final ReadOnlyIntegerWrapper alertsShown = new ReadOnlyIntegerWrapper(this, "alertsShown");
    private final ReadOnlyBooleanWrapper healthLoaded = new ReadOnlyBooleanWrapper(this, "healthLoaded");
    private final ReadOnlyBooleanWrapper templatesInUse = new ReadOnlyBooleanWrapper(this, "templatesInUse");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");
    private final ReadOnlyObjectWrapper<Instance> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    private final Set<String> collapsed = new HashSet<>();
    private Comparator<FleetRow> order = FleetRow.BY_NAME;
    private Subscription facetSubscriptions = Subscription.EMPTY;
    private boolean rebuildingFacets;
    private boolean driftMeasuring;
    /** The health cells by instance id, from the newest read of the fleet's health; empty until the first arrives. */
    private Map<Long, HealthCells> health = Map.of();

    public FleetViewModel() {
        searchText.subscribe((before, now) -> applyFilters());
        driftingOnly.subscribe((before, now) -> applyFilters());
        withAlertsOnly.subscribe((before, now) -> applyFilters());
        groupBy.subscribe((before, now) -> {
            if (now == null) {
                groupBy.set(GroupBy.NONE);
                return;
            }
            if (before == null || !before.id().equals(now.id())) {
                collapsed.clear();
            }
            layout();
        });
    }

    /**
     * The fleet turned into table rows, sorted by name: the expensive part of a reload, built off the
     * FX thread by {@link #prepare} and handed to {@link #setRows}.
     */
    public record PreparedRows(List<FleetRow> rows, List<Facet> facets) {
        public PreparedRows {
            rows = List.copyOf(rows);
            facets = List.copyOf(facets);
        }
    }

    /** Builds the rows of a fleet that follows no templates; safe on any thread. */
    public static PreparedRows prepare(List<Instance> instances) {
        return prepare(instances, Map.of(), Map.of());
    }

    /**
     * Builds the rows of a fleet with the template each instance follows and how far its newest snapshot
     * is from it; safe on any thread.
     *
     * @param assignments by instance id
     * @param drift       differences by instance id (assigned instances missing here were not compared), or
     *                    null while it is being measured: the rows then say so
     */
    public static PreparedRows prepare(List<Instance> instances, Map<Long, TemplateAssignment> assignments,
                                       Map<Long, Integer> drift) {
        return prepare(instances, assignments, drift, Map.of());
    }

    /** As above, with the class of each instance's latest workload profile (the Measured column). */
    public static PreparedRows prepare(List<Instance> instances, Map<Long, TemplateAssignment> assignments,
                                       Map<Long, Integer> drift, Map<Long, io.knobwright.model.workload.WorkloadClass> measured) {
        List<FleetRow> fresh = new ArrayList<>(instances.size());
        for (Instance i : instances) {
            fresh.add(FleetRow.of(i, assignments.get(i.id()), drift, measured));
        }
        fresh.sort(FleetRow.BY_NAME);
        // Facets hold JavaFX properties, but nothing observes them until setRows attaches them on the FX thread.
        return new PreparedRows(fresh, FleetFacets.build(fresh));
    }

    /** Replaces the fleet (after a load, import or edit); keeps filters, grouping and the selection where they still apply. */
    public void setInstances(List<Instance> instances) {
        setRows(prepare(instances));
    }

    /**
     * Replaces the fleet's rows. The health read for the previous load stays on the instances it knows until the
     * reload's own arrives ({@link #setHealth}); instances it does not know show that their health is being read.
     */
    public void setRows(PreparedRows prepared) {
        List<FleetRow> fresh = new ArrayList<>(prepared.rows().size());
        for (FleetRow r : prepared.rows()) {
            fresh.add(r.withHealth(health.getOrDefault(r.id(), HealthCells.LOADING)));
        }
        if (order != FleetRow.BY_NAME) {
            fresh.sort(order);
        }
        rebuildFacets(prepared.facets());
        install(fresh);
    }

    /**
     * Fills the health columns from a read of the fleet's health (after the fleet itself has shown); keeps filters,
     * grouping, sort order and the selection.
     */
    public void setHealth(FleetHealthSummary.FleetHealth read) {
        Map<Long, HealthCells> cells = new HashMap<>();
        List<FleetRow> fresh = new ArrayList<>(rows.size());
        for (FleetRow r : rows) {
            HealthCells c = HealthCells.of(read.of(r.id()));
            cells.put(r.id(), c);
            fresh.add(r.withHealth(c));
        }
        health = Map.copyOf(cells);
        if (order != FleetRow.BY_NAME) {
            fresh.sort(order);
        }
        install(fresh);
    }

    /** Puts rows in place (already sorted) and recounts what the status line and the switches show. */
    private void install(List<FleetRow> fresh) {
        int demo = 0;
        int drifting = 0;
        int withAlerts = 0;
        boolean withTemplate = false;
        boolean measuring = false;
        boolean healthRead = !fresh.isEmpty();
        for (FleetRow r : fresh) {
            demo += r.instance().demo() ? 1 : 0;
            drifting += r.drifting() ? 1 : 0;
            withAlerts += r.health().hasActiveAlerts() ? 1 : 0;
            withTemplate |= r.hasTemplate();
            measuring |= r.drift() == FleetRow.MEASURING;
            healthRead &= r.health().loaded();
        }
        filtered.setPredicate(null);
        rows.setAll(fresh);
        totalCount.set(fresh.size());
        demoCount.set(demo);
        driftingCount.set(drifting);
        alertsCount.set(withAlerts);
        healthLoaded.set(healthRead);
        templatesInUse.set(withTemplate);
        driftMeasuring = measuring;
        Instance current = selected.get();
        selected.set(current == null ? null : find(current.id()));
        applyFilters();
    }

    private void rebuildFacets(List<Facet> built) {
        FleetFacets.keepSelections(facets, built);
        facetSubscriptions.unsubscribe();
        Subscription subs = Subscription.EMPTY;
        for (Facet f : built) {
            for (FacetValue v : f.values()) {
                subs = subs.and(v.selectedProperty().subscribe((before, now) -> applyFilters()));
            }
        }
        facetSubscriptions = subs;
        String groupId = groupBy.get().id();
        List<GroupBy> options = new ArrayList<>();
        options.add(GroupBy.NONE);
        built.forEach(f -> options.add(GroupBy.of(f)));
        rebuildingFacets = true;
        try {
            facets.setAll(built);
            groupByOptions.setAll(options);
            groupBy.set(options.stream().filter(o -> o.id().equals(groupId)).findFirst().orElse(GroupBy.NONE));
        } finally {
            rebuildingFacets = false;
        }
    }

    private void applyFilters() {
        if (rebuildingFacets) {
            return;
        }
        FleetFilter filter = new FleetFilter(searchText.get(), facets, driftingOnly.get(), withAlertsOnly.get());
        filtered.setPredicate(filter);
        FacetCounter.count(rows, facets, filter);
        filtersActive.set(!filter.isEmpty());
        layout();
    }

    private void layout() {
        if (rebuildingFacets) {
            return;
        }
        int production = 0;
        int drifting = 0;
        int withAlerts = 0;
        for (FleetRow r : filtered) {
            production += r.instance().tier() == Tier.PRODUCTION ? 1 : 0;
            drifting += r.drifting() ? 1 : 0;
            withAlerts += r.health().hasActiveAlerts() ? 1 : 0;
        }
        entries.update(FleetGrouping.layout(filtered, groupBy.get(), collapsed));
        shownCount.set(filtered.size());
        productionShown.set(production);
        driftingShown.set(drifting);
        alertsShown.set(withAlerts);
        // Drift means nothing in a fleet that follows no template: the status line stays as it was.
        statusText.set(Formats.count(totalCount.get(), "instance", "instances") + " · " + filtered.size()
                + " shown · " + production + " production" + driftStatus(drifting) + alertStatus(withAlerts));
    }

    /** Like drift: said once the health is read and some instance has an active alert; a healthy fleet's line stays short. */
    private String alertStatus(int withAlerts) {
        return healthLoaded.get() && alertsCount.get() > 0 ? " · " + withAlerts + " with alerts" : "";
    }

    private String driftStatus(int drifting) {
        if (!templatesInUse.get()) {
            return "";
        }
        return driftMeasuring ? " · measuring template drift…" : " · " + drifting + " drifting";
    }

    /** Sort order chosen in the table header; null restores the default (by name). */
    public void setOrder(Comparator<FleetRow> comparator) {
        order = comparator == null ? FleetRow.BY_NAME : comparator.thenComparing(FleetRow.BY_NAME);
        List<FleetRow> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        rows.setAll(sorted);
        layout();
    }

    /** Shows or hides the rows of one group; the header stays with its count. */
    public void toggleGroup(FleetGroupHeader header) {
        if (!collapsed.remove(header.key())) {
            collapsed.add(header.key());
        }
        layout();
    }

    public void clearFilters() {
        rebuildingFacets = true;
        try {
            searchText.set("");
            driftingOnly.set(false);
            withAlertsOnly.set(false);
            facets.forEach(f -> f.values().forEach(v -> v.setSelected(false)));
        } finally {
            rebuildingFacets = false;
        }
        applyFilters();
    }

    /**
     * Selects the instance of a table row. Group headers and "nothing" are ignored: the table loses its
     * selection whenever a keystroke re-filters it, and the detail pane should not go blank for that.
     */
    public void select(FleetEntry entry) {
        if (entry instanceof FleetRow row) {
            selected.set(row.instance());
        }
    }

    public void select(long instanceId) {
        selected.set(find(instanceId));
    }

    private Instance find(long id) {
        for (FleetRow r : rows) {
            if (r.id() == id) {
                return r.instance();
            }
        }
        return null;
    }

    /** Lower-case names in use, for the editor's uniqueness check. */
    public Set<String> namesInUse() {
        Set<String> names = new HashSet<>();
        rows.forEach(r -> names.add(r.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    /** The facet with this id ("engine", "tag:team"), for tests and the filter panel. */
    public Facet facet(String id) {
        return facets.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No facet " + id));
    }

    /** The rows that pass the filters, in table order, without group headers. */
    public List<FleetRow> shownRows() {
        return List.copyOf(filtered);
    }

    public ObservableList<FleetEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ObservableList<Facet> facets() {
        return FXCollections.unmodifiableObservableList(facets);
    }

    public ObservableList<GroupBy> groupByOptions() {
        return FXCollections.unmodifiableObservableList(groupByOptions);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    /** Picks the grouping whose facet has this id ("" for none). */
    public void groupBy(String facetId) {
        groupBy.set(groupByOptions.stream().filter(o -> Objects.equals(o.id(), facetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot group by " + facetId)));
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty productionShownProperty() {
        return productionShown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty demoCountProperty() {
        return demoCount.getReadOnlyProperty();
    }

    /** The user's "Drifting only" switch: instances whose newest snapshot differs from their template. */
    public BooleanProperty driftingOnlyProperty() {
        return driftingOnly;
    }

    /** Instances in the whole fleet whose newest snapshot differs from their template. */
    public ReadOnlyIntegerProperty driftingCountProperty() {
        return driftingCount.getReadOnlyProperty();
    }

    /** Drifting instances among those the filters let through. */
    public ReadOnlyIntegerProperty driftingShownProperty() {
        return driftingShown.getReadOnlyProperty();
    }

    /** The user's "With alerts" switch: instances with at least one active (not silenced) alert. */
    public BooleanProperty withAlertsOnlyProperty() {
        return withAlertsOnly;
    }

    /** Instances in the whole fleet with an active alert (0 until the fleet's health has been read). */
    public ReadOnlyIntegerProperty alertsCountProperty() {
        return alertsCount.getReadOnlyProperty();
    }

    /** Instances with an active alert among those the filters let through. */
    public ReadOnlyIntegerProperty alertsShownProperty() {
        return alertsShown.getReadOnlyProperty();
    }

    /** True once every row's health has been read (the health columns are filled). */
    public ReadOnlyBooleanProperty healthLoadedProperty() {
        return healthLoaded.getReadOnlyProperty();
    }

    /** True when at least one instance follows a template, so drift is worth a column and a switch. */
    public ReadOnlyBooleanProperty templatesInUseProperty() {
        return templatesInUse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filtersActiveProperty() {
        return filtersActive.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instance> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
