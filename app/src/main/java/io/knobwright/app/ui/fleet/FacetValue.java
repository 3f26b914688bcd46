package io.knobwright.app.ui.fleet;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One choice in a filter facet ("PostgreSQL"), with how many instances the user would see if they
 * picked it given every other filter in force. {@code selected} is the user's input.
 */
public final class FacetValue {

    private final String key;
    private final String label;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    /** Tally while counting; published to {@link #count} once per pass. */
    int tally;

    FacetValue(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int count() {
        return count.get();
    }

    void publishTally() {
        count.set(tally);
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value);
    }

    /** "PostgreSQL (120)", as the filter panel lists it. */
    public String labelWithCount() {
        return label + " (" + count.get() + ")";
    }

    @Override
    public String toString() {
        return labelWithCount();
    }
}
