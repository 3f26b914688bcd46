package io.knobwright.app.ui.fleet;

import atlantafx.base.controls.Spacer;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The left filter panel: one section per facet, one checkbox per value with the number of instances
 * the user would see after ticking it. Rebuilt only when the fleet's facets change, not per keystroke.
 */
final class FilterPanel extends ScrollPane {

    private final VBox sections = new VBox();
    private final ObservableList<Facet> facets;
    private final Subscription subscription;

    FilterPanel(ObservableList<Facet> facets) {
        this.facets = facets;
        getStyleClass().add("filter-panel");
        sections.getStyleClass().add("filter-sections");
        setContent(sections);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        subscription = facets.subscribe(this::rebuild);
        rebuild();
    }

    private void rebuild() {
        sections.getChildren().clear();
        for (Facet facet : facets) {
            if (!facet.filterable() || facet.values().isEmpty()) {
                continue;
            }
            Label title = new Label(facet.title());
            title.getStyleClass().add("filter-title");
            VBox section = new VBox(title);
            section.getStyleClass().add("filter-section");
            for (FacetValue value : facet.values()) {
                section.getChildren().add(choice(facet, value));
            }
            sections.getChildren().add(section);
        }
    }

    private static HBox choice(Facet facet, FacetValue value) {
        CheckBox box = new CheckBox(value.label());
        box.setId("filter-" + facet.id().replace(':', '-') + "-" + value.key());
        box.selectedProperty().bindBidirectional(value.selectedProperty());
        box.setMnemonicParsing(false);
        Label count = new Label();
        count.textProperty().bind(value.countProperty().asString());
        count.getStyleClass().add("filter-count");
        HBox line = new HBox(box, new Spacer(), count);
        line.getStyleClass().add("filter-choice");
        line.setPadding(Insets.EMPTY);
        // A value nobody would match is shown dimmed, but stays clickable when ticked so it can be unticked.
        line.disableProperty().bind(Bindings.and(value.countProperty().isEqualTo(0), value.selectedProperty().not()));
        return line;
    }

    void dispose() {
        subscription.unsubscribe();
    }
}
