package io.knobwright.model.health;

import java.util.ArrayList;
import java.util.Collection;
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
    public synchronized void replaceStates(Collection<AlertState> current) {
        states.clear();
        current.forEach(s -> states.put(s.key(), s));
    }

    @Override
    public synchronized boolean acknowledge(String key, String by) {
        AlertState s = states.get(key);
        if (s == null) {
            return false;
        }
        states.put(key, new AlertState(key, s.firstSeen(), s.notified(), Optional.of(by)));
        return true;
    }
}
