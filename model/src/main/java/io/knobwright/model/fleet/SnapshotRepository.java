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
     * instances without a snapshot (or unknown ids) are not in the map. Each snapshot holds only the settings with
     * these names, spelled exactly as the server reports them (as the catalogs spell them): what the drift and plans
     * of a template need from thousands of snapshots, at a fraction of the reading.
     */
    Map<Long, SettingsSnapshot> latestOf(Collection<Long> instanceIds, Collection<String> names);
}
