package io.knobwright.app.ui.template;

import io.knobwright.app.template.PlanCandidate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One instance in the plan dialog's list: who it is, what the dialog says about it ("follows · settings read
 * 2026-11-20 07:00"), and whether the user has ticked it.
 */
public final class PlanTarget {

    private final PlanCandidate candidate;
    private final String detail;
    private final String searchKey;
    private final BooleanProperty chosen;

    PlanTarget(PlanCandidate candidate, String detail, String searchKey) {
        this.candidate = candidate;
        this.detail = detail;
        this.searchKey = searchKey;
        this.chosen = new SimpleBooleanProperty(this, "chosen", candidate.follows());
    }

    public long id() {
        return candidate.instance().id();
    }

    public String name() {
        return candidate.instance().name();
    }

    public String detail() {
        return detail;
    }

    public boolean follows() {
        return candidate.follows();
    }

    public boolean settingsRead() {
        return candidate.settingsRead();
    }

    /** Whether a plan made now would have a baseline: settings read before, or read from the server first. */
    boolean hasBaseline(boolean readServersFirst) {
        return candidate.settingsRead() || readServersFirst && candidate.instance().connectable();
    }

    boolean matches(String[] words) {
        for (String w : words) {
            if (!searchKey.contains(w)) {
                return false;
            }
        }
        return true;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return name();
    }
}
