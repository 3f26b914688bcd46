package io.knobwright.app.ui.operations;

import java.util.Optional;

/** The questions the Operations screen asks, behind an interface so its view-model is tested with scripted answers. */
public interface OperationsDialogs {

    /**
     * Asks why before an action on an override; the answer goes to the audit trail.
     *
     * @param action the button that confirms ("Extend", "Restore now")
     * @return the reason, not blank; empty when the user cancelled
     */
    Optional<String> reason(String title, String question, String action);

    /** Shows the quick override form for one instance until it is applied or closed. */
    void quickOverride(QuickOverrideViewModel form);

    /** For windows that ask nothing (tests of other screens): every question is cancelled. */
    OperationsDialogs CANCEL_ALL = new OperationsDialogs() {
        @Override
        public Optional<String> reason(String title, String question, String action) {
            return Optional.empty();
        }

        @Override
        public void quickOverride(QuickOverrideViewModel form) {
        }
    };
}
