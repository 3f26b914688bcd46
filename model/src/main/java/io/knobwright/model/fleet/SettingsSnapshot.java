package io.knobwright.model.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every setting of one instance as read at one moment; what drift and plans compare against when offline. */
public record SettingsSnapshot(long instanceId, Instant takenAt, String serverVersion, List<LiveSetting> settings) {

    public SettingsSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        settings = List.copyOf(settings);
    }

    public Map<String, LiveSetting> byName() {
        Map<String, LiveSetting> map = new LinkedHashMap<>();
        settings.forEach(s -> map.put(s.name(), s));
        return map;
    }

    public Optional<LiveSetting> find(String name) {
        return settings.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
