package io.knobwright.app.ui.common;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How sizes, hardware and tags read on screen. Pure functions, shared by views and view-models. */
public final class Formats {

    /** Shown wherever a fact is not known (zero in {@link HardwareFacts}). */
    public static final String UNKNOWN = "—";

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private Formats() {
    }

    /**
     * Binary sizes the way DBAs say them: "64 GB", "1.5 TB", "512 MB". Whole numbers drop the decimal
     * because machine sizes almost always are whole.
     */
    public static String bytes(long bytes) {
        if (bytes <= 0) {
            return UNKNOWN;
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        boolean whole = Math.abs(value - Math.rint(value)) < 0.05;
        String number = whole ? String.valueOf((long) Math.rint(value)) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }

    public static String cpus(int cpus) {
        return cpus <= 0 ? UNKNOWN : String.valueOf(cpus);
    }

    /** "500 GB NVMe"; the disk type alone when the size is unknown. */
    public static String disk(HardwareFacts hw) {
        String type = diskType(hw.diskType());
        if (hw.diskBytes() <= 0) {
            return type.isEmpty() ? UNKNOWN : type;
        }
        return type.isEmpty() ? bytes(hw.diskBytes()) : bytes(hw.diskBytes()) + " " + type;
    }

    public static String diskType(DiskType type) {
        return switch (type) {
            case HDD -> "HDD";
            case SSD -> "SSD";
            case NVME -> "NVMe";
            case SAN -> "SAN";
            case UNKNOWN -> "";
        };
    }

    /** "16 vCPU · 64 GB RAM · 500 GB NVMe", leaving out what is unknown. */
    public static String hardware(HardwareFacts hw) {
        StringBuilder text = new StringBuilder();
        if (hw.cpus() > 0) {
            text.append(hw.cpus()).append(" vCPU");
        }
        if (hw.memoryBytes() > 0) {
            text.append(text.isEmpty() ? "" : " · ").append(bytes(hw.memoryBytes())).append(" RAM");
        }
        String disk = disk(hw);
        if (!disk.equals(UNKNOWN)) {
            text.append(text.isEmpty() ? "" : " · ").append(disk);
        }
        return text.isEmpty() ? "Not known yet" : text.toString();
    }

    /** "region=eu-west-1, team=payments" (tags are already sorted by key). */
    public static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "1 instance", "243 instances". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
