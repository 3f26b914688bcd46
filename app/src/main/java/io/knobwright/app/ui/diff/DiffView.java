package io.knobwright.app.ui.diff;

import io.knobwright.model.diff.DiffRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Side-by-side comparison of two configurations (template vs template, version vs version, template vs live
 * settings, instance vs instance): parameter | left value | right value | apply mode | restart, grouped by
 * catalog category, with "differences only", search, a summary and next/previous difference
 * (F7 / Shift+F7, Alt+Down / Alt+Up).
 *
 * <p>The control is a thin face over a {@link DiffViewModel}, which holds all state and logic; pass one in to
 * share it with a screen's view-model, or let the control make its own. Needs an AtlantaFX theme (or any
 * stylesheet that defines its looked-up colours such as {@code -color-success-muted}).
 */
public class DiffView extends Control {

    public static final String STYLE_CLASS = "diff-view";

    private static final String STYLESHEET =
            Objects.requireNonNull(DiffView.class.getResource("diff-view.css"), "diff-view.css").toExternalForm();

    private final DiffViewModel model;

    public DiffView() {
        this(new DiffViewModel());
    }

    public DiffView(DiffViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add(STYLE_CLASS);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DiffViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    public DiffViewModel getModel() {
        return model;
    }

    /** The comparison to show, as {@code ConfigurationDiff.compare} returns it. */
    public ObservableList<DiffRow> getRows() {
        return model.rows();
    }

    public void setRows(Collection<DiffRow> rows) {
        model.setRows(rows);
    }

    /** Column header of the left side, e.g. "postgresql-oltp v3". */
    public StringProperty leftTitleProperty() {
        return model.leftTitleProperty();
    }

    public String getLeftTitle() {
        return model.leftTitleProperty().get();
    }

    public void setLeftTitle(String title) {
        model.leftTitleProperty().set(title);
    }

    /** Column header of the right side, e.g. "pg-payments-prod-01 (live)". */
    public StringProperty rightTitleProperty() {
        return model.rightTitleProperty();
    }

    public String getRightTitle() {
        return model.rightTitleProperty().get();
    }

    public void setRightTitle(String title) {
        model.rightTitleProperty().set(title);
    }

    /** On by default. */
    public BooleanProperty differencesOnlyProperty() {
        return model.differencesOnlyProperty();
    }

    /** On by default. */
    public BooleanProperty groupedByCategoryProperty() {
        return model.groupedByCategoryProperty();
    }

    public StringProperty searchTextProperty() {
        return model.searchTextProperty();
    }

    public ReadOnlyObjectProperty<DiffRow> selectedRowProperty() {
        return model.selectedRowProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return model.summaryProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return model.positionProperty();
    }

    public Optional<DiffRow> selectNextDifference() {
        return model.nextDifference();
    }

    public Optional<DiffRow> selectPreviousDifference() {
        return model.previousDifference();
    }
}
