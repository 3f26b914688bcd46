package io.knobwright.app.ui.instance;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The right-hand pane: facts of the selected instance and its settings next to the catalog defaults.
 * Loading and "Refresh from server" run through {@link BackgroundWork}; a late answer for an instance
 * the user already left is dropped.
 */
public final class InstanceDetailViewModel {

    public static final String NO_SNAPSHOT = "No settings read yet. Connect it to a live server, or Refresh.";
    private static final DateTimeFormatter READ_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final FleetService fleet;
    private final CatalogLookup catalogs;
    private final BackgroundWork work;
    private final ZoneId zone;
    private final SettingComparison comparison = new SettingComparison();

    private final ReadOnlyObjectWrapper<Instance> instance = new ReadOnlyObjectWrapper<>(this, "instance");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<SettingRow> allSettings = FXCollections.observableArrayList();
    private final FilteredList<SettingRow> settings = new FilteredList<>(allSettings);
    private final StringProperty settingsSearch = new SimpleStringProperty(this, "settingsSearch", "");
    private final BooleanProperty onlyChanged = new SimpleBooleanProperty(this, "onlyChanged");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyBooleanWrapper canRefresh = new ReadOnlyBooleanWrapper(this, "canRefresh");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper catalogNote = new ReadOnlyStringWrapper(this, "catalogNote", "");
    private final ReadOnlyStringWrapper snapshotInfo = new ReadOnlyStringWrapper(this, "snapshotInfo", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");

    /** Bumped for every instance shown, so answers for an earlier one are recognised and dropped. */
    private long generation;
    private SettingsTable table;

    public InstanceDetailViewModel(FleetService fleet, CatalogLookup catalogs, BackgroundWork work, ZoneId zone) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        settingsSearch.subscribe((a, b) -> applySettingsFilter());
        onlyChanged.subscribe((a, b) -> applySettingsFilter());
    }

    /** Shows an instance (null clears the pane) and starts loading its newest snapshot. */
    public void show(Instance selected) {
        long gen = ++generation;
        instance.set(selected);
        error.set("");
        refreshing.set(false);
        table = null;
        allSettings.clear();
        catalogNote.set("");
        snapshotInfo.set("");
        summary.set("");
        if (selected == null) {
            facts.clear();
            canRefresh.set(false);
            loading.set(false);
            placeholder.set("");
            return;
        }
        facts.setAll(InstanceFacts.of(selected));
        canRefresh.set(selected.connectable());
        loading.set(true);
        placeholder.set("Loading settings…");
        work.io("Load settings of " + selected.name(),
                () -> SettingsTable.build(fleet.latestSnapshot(selected.id()), findCatalog(selected), comparison),
                loaded -> {
                    if (gen == generation) {
                        loading.set(false);
                        present(loaded);
                    }
                },
                message -> {
                    if (gen == generation) {
                        loading.set(false);
                        placeholder.set("");
                        error.set(message);
                    }
                });
    }

    /** Reads live settings from the server and shows them; failures appear in {@link #errorProperty()}. */
    public void refreshFromServer() {
        Instance current = instance.get();
        if (current == null || !canRefresh.get()) {
            return;
        }
        long gen = generation;
        refreshing.set(true);
        canRefresh.set(false);
        error.set("");
        work.io("Refresh from server",
                () -> {
                    SettingsSnapshot fresh = fleet.refresh(current.id());
                    return SettingsTable.build(Optional.of(fresh), findCatalog(current), comparison);
                },
                loaded -> {
                    if (gen == generation) {
                        finishRefresh(current);
                        present(loaded);
                    }
                },
                message -> {
                    if (gen == generation) {
                        finishRefresh(current);
                        error.set(message);
                    }
                });
    }

    private void finishRefresh(Instance current) {
        refreshing.set(false);
        canRefresh.set(current.connectable());
    }

    public void dismissError() {
        error.set("");
    }

    private Optional<io.knobwright.model.catalog.ParameterCatalog> findCatalog(Instance i) {
        return catalogs.find(i.id(), new EngineVersion(i.engine(), i.version()));
    }

    private void present(SettingsTable loaded) {
        table = loaded;
        Instance i = instance.get();
        catalogNote.set(loaded.catalog().isPresent() ? ""
                : "No catalog for " + i.engine().displayName() + " " + i.version()
                + ": defaults are not shown and nothing is marked as changed.");
        snapshotInfo.set(loaded.snapshot().map(s -> "Read " + READ_AT.format(s.takenAt().atZone(zone))
                + (s.serverVersion() == null || s.serverVersion().isBlank() ? "" : " · server " + s.serverVersion()))
                .orElse(""));
        allSettings.setAll(loaded.rows());
        applySettingsFilter();
    }

    private void applySettingsFilter() {
        String words = settingsSearch.get() == null ? "" : settingsSearch.get().trim().toLowerCase(Locale.ROOT);
        boolean changedOnly = onlyChanged.get();
        settings.setPredicate(r -> (!changedOnly || r.changed()) && r.matches(words));
        if (table == null) {
            return;
        }
        if (table.snapshot().isEmpty()) {
            placeholder.set(NO_SNAPSHOT);
            summary.set("");
            return;
        }
        long changed = table.changedCount();
        summary.set(table.rows().size() + " settings · " + changed + (changed == 1 ? " differs" : " differ")
                + " from default"
                + (settings.size() == table.rows().size() ? "" : " · " + settings.size() + " shown"));
        placeholder.set(changedOnly && changed == 0 && words.isEmpty()
                ? "Every setting has its default value." : "No setting matches the search.");
    }

    public ReadOnlyObjectProperty<Instance> instanceProperty() {
        return instance.getReadOnlyProperty();
    }

    public ObservableList<Fact> facts() {
        return FXCollections.unmodifiableObservableList(facts);
    }

    /** Settings after search and the "only non-default" toggle. */
    public ObservableList<SettingRow> settings() {
        return FXCollections.unmodifiableObservableList(settings);
    }

    public List<SettingRow> allSettings() {
        return List.copyOf(allSettings);
    }

    public StringProperty settingsSearchProperty() {
        return settingsSearch;
    }

    public BooleanProperty onlyChangedProperty() {
        return onlyChanged;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRefreshProperty() {
        return canRefresh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty catalogNoteProperty() {
        return catalogNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty snapshotInfoProperty() {
        return snapshotInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the settings table says when it has no rows. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
