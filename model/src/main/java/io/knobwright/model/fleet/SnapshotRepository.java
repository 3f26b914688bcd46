package io.knobwright.model.fleet;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Settings snapshots per instance; the newest one stands in for the live server when it is offline. */
public interface SnapshotRepository {

    SettingsSnapshot save(SettingsSnapshot snapshot);

    Optional<SettingsSnapshot> latest(long instanceId);

    /**
     * The newest snapshot of each of these instances, by instance id, in a few queries however many there are;
     * instances without a snapshot (or unknown ids) are not in the map.
     */
    Map<Long, SettingsSnapshot> latestOf(Collection<Long> instanceIds);
}
