package io.knobwright.app.ui.fleet;

import atlantafx.base.controls.CustomTextField;
import io.knobwright.app.ui.common.Theme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.List;

/** The fleet browser: search and grouping above the table, facet filters on the left. */
public final class FleetView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(FleetView.class, "fleet.css");
    /**
     * Below this width the filter panel starts hidden: beside a 1280-pixel window's detail pane the table needs
     * the room to show Name to Drift without scrolling (a 1366-pixel one has room for both).
     */
    static final double NARROW = 900;
    /** From this width the search bar has room for "Clear filters" in words beside a readable search field. */
    static final double ROOMY_BAR = 1040;
    /** Short enough to read in full in a 170-pixel field; the tooltip says the rest. */
    static final String SEARCH_PROMPT = "Search name, tag…";

    private final FleetViewModel vm;
    private final CustomTextField search = new CustomTextField();
    private final ToggleButton drifting = new ToggleButton();
    private final ToggleButton withAlerts = new ToggleButton();
    private final TableView<FleetEntry> table;
    private final FilterPanel filters;
    private Subscription subscriptions = Subscription.EMPTY;
    /** True while the view itself moves the table selection, so it does not echo back to the view-model. */
    private boolean syncing;

    public FleetView(FleetViewModel vm) {
        this.vm = vm;
        getStyleClass().add("fleet-view");
        table = FleetTable.create(vm);
        filters = new FilterPanel(vm.facets());
        setTop(searchBar());
        setLeft(filters);
        setCenter(table);
        subscriptions = Subscription.combine(
                table.getSelectionModel().selectedItemProperty().subscribe(entry -> {
                    if (!syncing) {
                        vm.select(entry);
                    }
                }),
                vm.entries().subscribe(this::restoreSelection),
                vm.selectedProperty().subscribe(i -> restoreSelection()));
    }

    private HBox searchBar() {
        search.setId("fleet-search");
        search.setTooltip(new Tooltip("Words in the name, engine, version or tags (team=payments); all must match"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        FontIcon clear = new FontIcon(MaterialDesignC.CLOSE);
        clear.setId("fleet-search-clear");
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<GroupBy> group = new ComboBox<>(vm.groupByOptions());
        group.setId("fleet-group-by");
        group.valueProperty().bindBidirectional(vm.groupByProperty());
        Label groupLabel = new Label("Group by");
        groupLabel.setLabelFor(group);

        Button clearFilters = new Button("Clear filters", new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clearFilters.setId("fleet-clear-filters");
        clearFilters.disableProperty().bind(vm.filtersActiveProperty().not());
        clearFilters.setOnAction(e -> vm.clearFilters());

        drifting.setGraphic(new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        drifting.setId("fleet-drifting-only");
        drifting.textProperty().bind(vm.driftingCountProperty().asString("Drifting only (%d)"));
        drifting.setTooltip(new Tooltip("Only instances whose newest snapshot differs from their template"));
        drifting.selectedProperty().bindBidirectional(vm.driftingOnlyProperty());
        drifting.visibleProperty().bind(vm.templatesInUseProperty());
        drifting.managedProperty().bind(drifting.visibleProperty());

        withAlerts.setGraphic(new FontIcon(MaterialDesignB.BELL_ALERT_OUTLINE));
        withAlerts.setId("fleet-with-alerts");
        withAlerts.textProperty().bind(Bindings.when(vm.healthLoadedProperty())
                .then(vm.alertsCountProperty().asString("With alerts (%d)")).otherwise("With alerts (…)"));
        withAlerts.setTooltip(new Tooltip("Only instances with an active alert (silenced ones do not count)"));
        withAlerts.selectedProperty().bindBidirectional(vm.withAlertsOnlyProperty());

        ToggleButton showFilters = new ToggleButton("Filters", new FontIcon(MaterialDesignF.FILTER_VARIANT));
        showFilters.setId("fleet-show-filters");
        showFilters.setSelected(true);
        filters.visibleProperty().bind(showFilters.selectedProperty());
        filters.managedProperty().bind(filters.visibleProperty());
        // On a small window the table needs the room more than the facets do; the toggle brings them back.
        Subscription[] firstLayout = new Subscription[1];
        firstLayout[0] = widthProperty().subscribe(width -> {
            if (width.doubleValue() > 0) {
                showFilters.setSelected(width.doubleValue() >= NARROW);
                firstLayout[0].unsubscribe();
            }
        });
        for (var fixed : List.of(showFilters, drifting, withAlerts, groupLabel, group, clearFilters)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        search.setMinWidth(140);

        HBox bar = new HBox(showFilters, search, drifting, withAlerts, groupLabel, group, clearFilters);
        bar.getStyleClass().add("fleet-search-bar");
        // Beside a 1280-pixel window's detail pane the two switches leave the search field too little room for its
        // prompt: there the buttons for the filter panel keep only their icons (and say what they do on hover), and the
        // prompt its first word (the field's tooltip says the rest).
        var narrow = bar.widthProperty().lessThan(ROOMY_BAR);
        search.promptTextProperty().bind(Bindings.when(narrow).then("Search…").otherwise(SEARCH_PROMPT));
        showFilters.setTooltip(new Tooltip("Show or hide the filter panel"));
        clearFilters.setTooltip(new Tooltip("Clear the search, the switches and every filter"));
        for (var iconWhenNarrow : List.of(showFilters, clearFilters)) {
            iconWhenNarrow.contentDisplayProperty().bind(Bindings.when(narrow)
                    .then(ContentDisplay.GRAPHIC_ONLY).otherwise(ContentDisplay.LEFT));
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Puts the table selection back on the selected instance after a re-filter replaced the rows. */
    private void restoreSelection() {
        var selected = vm.selectedProperty().get();
        var model = table.getSelectionModel();
        if (selected == null) {
            return;
        }
        FleetEntry current = model.getSelectedItem();
        if (current instanceof FleetRow row && row.id() == selected.id()) {
            return;
        }
        var entries = vm.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof FleetRow row && row.id() == selected.id()) {
                syncing = true;
                try {
                    model.clearAndSelect(i);
                } finally {
                    syncing = false;
                }
                return;
            }
        }
    }

    public void focusSearch() {
        Platform.runLater(() -> {
            search.requestFocus();
            search.selectAll();
        });
    }

    public TextField searchField() {
        return search;
    }

    public TableView<FleetEntry> table() {
        return table;
    }

    /** Releases listeners on the view-model; call when the window closes. */
    public void dispose() {
        subscriptions.unsubscribe();
        filters.dispose();
        search.textProperty().unbindBidirectional(vm.searchTextProperty());
        drifting.selectedProperty().unbindBidirectional(vm.driftingOnlyProperty());
        withAlerts.selectedProperty().unbindBidirectional(vm.withAlertsOnlyProperty());
    }
}
