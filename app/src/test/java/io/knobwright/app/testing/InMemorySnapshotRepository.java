package io.knobwright.app.testing;

import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.SnapshotRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every snapshot; can be told to fail the next save, to test all-or-nothing registration. */
public final class InMemorySnapshotRepository implements SnapshotRepository {

    private final List<SettingsSnapshot> snapshots = new ArrayList<>();
    private RuntimeException nextFailure;

    public synchronized void failNextSave(RuntimeException failure) {
        this.nextFailure = failure;
    }

    @Override
    public synchronized SettingsSnapshot save(SettingsSnapshot snapshot) {
        if (nextFailure != null) {
            RuntimeException f = nextFailure;
            nextFailure = null;
            throw f;
        }
        snapshots.add(snapshot);
        return snapshot;
    }

    @Override
    public synchronized Optional<SettingsSnapshot> latest(long instanceId) {
        return snapshots.stream().filter(s -> s.instanceId() == instanceId).reduce((a, b) -> b);
    }

    public synchronized List<SettingsSnapshot> all() {
        return List.copyOf(snapshots);
    }
}
