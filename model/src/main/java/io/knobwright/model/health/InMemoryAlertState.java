package io.knobwright.model.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AlertStateRepository} held in memory: for tests and for a workbench without a store. */
public final class InMemoryAlertState implements AlertStateRepository {

    private final List<MaintenanceWindow> windows = new ArrayList<>();
    private final Map<String, AlertState> states = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized List<MaintenanceWindow> windows() {
        return List.copyOf(windows);
    }

    @Override
    public synchronized MaintenanceWindow addWindow(MaintenanceWindow w) {
        MaintenanceWindow stored = new MaintenanceWindow(
                nextId++, w.scope(), w.byTag(), w.from(), w.to(), w.weekly(), w.reason(), w.setBy());
        windows.add(stored);
        return stored;
    }

    @Override
    public synchronized boolean removeWindow(long id) {
        return windows.removeIf(w -> w.id() == id);
    }

    @Override
    public synchronized Map<String, AlertState> states() {
        return Map.copyOf(states);
    }

    @Override
    public synchronized boolean remember(AlertState state) {
        return states.putIfAbsent(state.key(), state) == null;
    }

    @Override
    public synchronized boolean markNotified(String key) {
        AlertState s = states.get(key);
        if (s == null || s.notified()) {
            return false;
        }
        states.put(key, new AlertState(key, s.firstSeen(), true, s.acknowledgement(), s.last(), s.source()));
        return true;
    }

    @Override
    public synchronized void refresh(String key, Alert latest, String source) {
        AlertState s = states.get(key);
        if (s != null) {
            Instant first = latest.since().isBefore(s.firstSeen()) ? latest.since() : s.firstSeen();
            states.put(key, new AlertState(key, first, s.notified(), s.acknowledgement(), latest.since(first), source));
        }
    }

    @Override
    public synchronized Optional<AlertState> forget(String key) {
        return Optional.ofNullable(states.remove(key));
    }

    @Override
    public synchronized boolean acknowledge(String key, AlertAcknowledgement acknowledgement) {
        AlertState s = states.get(key);
        if (s == null) {
            return false;
        }
        states.put(key, new AlertState(key, s.firstSeen(), s.notified(), Optional.of(acknowledgement), s.last(), s.source()));
        return true;
    }
}
