package io.knobwright.model.health;

import java.util.Optional;

/**
 * An alert as listed: silenced ones stay in the list, marked with the window that silences them.
 *
 * @param alert      the condition
 * @param silencedBy the window silencing it, empty when active
 * @param acknowledgedBy who acknowledged it, empty when nobody has
 */
public record ShownAlert(Alert alert, Optional<MaintenanceWindow> silencedBy, Optional<String> acknowledgedBy) {

    public ShownAlert {
        java.util.Objects.requireNonNull(alert, "alert");
        silencedBy = silencedBy == null ? Optional.empty() : silencedBy;
        acknowledgedBy = acknowledgedBy == null ? Optional.empty() : acknowledgedBy;
    }

    public boolean silenced() {
        return silencedBy.isPresent();
    }
}
