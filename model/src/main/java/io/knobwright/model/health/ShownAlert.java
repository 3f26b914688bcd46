package io.knobwright.model.health;

import java.util.Optional;

/**
 * An alert as listed: silenced ones stay in the list, marked with the window that silences them; acknowledged ones
 * stay too, marked with who acknowledged them.
 *
 * @param alert           the condition
 * @param silencedBy      the window silencing it, empty when active
 * @param acknowledgement who acknowledged it, when and why; empty when nobody has
 */
public record ShownAlert(Alert alert, Optional<MaintenanceWindow> silencedBy, Optional<AlertAcknowledgement> acknowledgement) {

    public ShownAlert {
        java.util.Objects.requireNonNull(alert, "alert");
        silencedBy = silencedBy == null ? Optional.empty() : silencedBy;
        acknowledgement = acknowledgement == null ? Optional.empty() : acknowledgement;
    }

    public boolean silenced() {
        return silencedBy.isPresent();
    }

    public boolean acknowledged() {
        return acknowledgement.isPresent();
    }

    /** Who acknowledged it, empty when nobody has. */
    public Optional<String> acknowledgedBy() {
        return acknowledgement.map(AlertAcknowledgement::by);
    }
}
