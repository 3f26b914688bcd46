package io.knobwright.model.fleet;

import java.util.Optional;

/** Settings snapshots per instance; the newest one stands in for the live server when it is offline. */
public interface SnapshotRepository {

    SettingsSnapshot save(SettingsSnapshot snapshot);

    Optional<SettingsSnapshot> latest(long instanceId);
}
