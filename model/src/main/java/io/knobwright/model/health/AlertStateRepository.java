package io.knobwright.model.health;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Maintenance windows and what is remembered of each alert between evaluations (first seen, notified, acknowledged). */
public interface AlertStateRepository {

    /** What is remembered of one alert, by {@link Alert#key()}. */
    record AlertState(String key, Instant firstSeen, boolean notified, Optional<String> acknowledgedBy) {
    }

    java.util.List<MaintenanceWindow> windows();

    MaintenanceWindow addWindow(MaintenanceWindow window);

    /** False when no window has that id. */
    boolean removeWindow(long id);

    Map<String, AlertState> states();

    /** Replaces the remembered states by {@code current}: alerts no longer holding are forgotten, in one unit. */
    void replaceStates(Collection<AlertState> current);

    /** False when the alert is not active now. */
    boolean acknowledge(String key, String by);
}
