package io.knobwright.app.ui.recommend;

import io.knobwright.app.recommend.AcceptedRecommendations;
import io.knobwright.simulator.recommend.Recommendation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Objects;

/**
 * One recommendation on the screen: the recommendation itself and whether the DBA accepts it. A supporting change
 * (it makes room, keeps memory safe or keeps latency) says which role ties it to the others.
 */
public final class RecommendationCard {

    private final Recommendation recommendation;
    private final BooleanProperty accepted = new SimpleBooleanProperty(this, "accepted");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    RecommendationCard(Recommendation recommendation) {
        this.recommendation = Objects.requireNonNull(recommendation, "recommendation");
    }

    public Recommendation recommendation() {
        return recommendation;
    }

    public String parameter() {
        return recommendation.parameter();
    }

    /** True when it goes with any other accepted change (decision 0151). */
    public boolean supporting() {
        return AcceptedRecommendations.supporting(recommendation);
    }

    /** Checked: it goes into the plan. Checking another change may check this one too (the partner rule). */
    public BooleanProperty acceptedProperty() {
        return accepted;
    }

    /** What the partner rule did to this card, in words; empty when it did nothing. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void note(String text) {
        note.set(text);
    }
}
