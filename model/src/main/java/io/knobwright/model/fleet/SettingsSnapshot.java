package io.knobwright.model.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of one instance as read at one moment; what drift and plans compare against when offline.
 *
 * @param reportedHardware what the probe found about the server's machine at that moment (UNKNOWN where it found
 *                         nothing); the instance's own facts may differ where a user entered them
 */
public record SettingsSnapshot(long instanceId, Instant takenAt, String serverVersion, List<LiveSetting> settings,
                               HardwareFacts reportedHardware) {

    public SettingsSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        settings = List.copyOf(settings);
        reportedHardware = reportedHardware == null ? HardwareFacts.UNKNOWN : reportedHardware;
    }

    /** A snapshot that recorded nothing about the server's hardware. */
    public SettingsSnapshot(long instanceId, Instant takenAt, String serverVersion, List<LiveSetting> settings) {
        this(instanceId, takenAt, serverVersion, settings, HardwareFacts.UNKNOWN);
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
