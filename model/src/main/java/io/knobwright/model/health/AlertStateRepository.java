package io.knobwright.model.health;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Maintenance windows and what is remembered of each alert between evaluations (first seen, notified, acknowledged,
 * how it looked last). Every change of an alert's state is a compare-and-set on its row: two evaluators sharing a
 * store (the CLI and the workbench) may both try, and exactly one succeeds.
 */
public interface AlertStateRepository {

    /**
     * What is remembered of one alert, by {@link Alert#key()}.
     *
     * @param notified whether its raise was announced (it was active at some evaluation since it began)
     * @param last     the alert as last written (its cleared announcement tells this); null for a state kept by
     *                 schema 21, which did not keep it
     * @param source   the name of the source that reported it; null when unknown. While that source fails, the alert
     *                 is not taken as cleared
     */
    record AlertState(String key, Instant firstSeen, boolean notified, Optional<AlertAcknowledgement> acknowledgement,
                      Alert last, String source) {
        public AlertState {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(firstSeen, "firstSeen");
            acknowledgement = acknowledgement == null ? Optional.empty() : acknowledgement;
        }

        /** Who acknowledged it, empty when nobody has. */
        public Optional<String> acknowledgedBy() {
            return acknowledgement.map(AlertAcknowledgement::by);
        }
    }

    java.util.List<MaintenanceWindow> windows();

    MaintenanceWindow addWindow(MaintenanceWindow window);

    /** False when no window has that id. */
    boolean removeWindow(long id);

    Map<String, AlertState> states();

    /** Remembers an alert seen for the first time; false (and nothing changes) when its key is already remembered. */
    boolean remember(AlertState state);

    /** Marks the alert's raise as announced; false when it already was, or is not remembered (someone else won). */
    boolean markNotified(String key);

    /** Keeps the alert's latest look (severity, title, evidence) and an earlier first sighting; the flags stay. */
    void refresh(String key, Alert latest, String source);

    /** Forgets the alert (it no longer holds): the state removed by this call, empty when someone else removed it. */
    Optional<AlertState> forget(String key);

    /** Records the acknowledgement on an alert that holds now; false when no alert of that key is remembered. */
    boolean acknowledge(String key, AlertAcknowledgement acknowledgement);
}
