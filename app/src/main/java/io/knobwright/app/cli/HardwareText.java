package io.knobwright.app.cli;

import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.SettingsSnapshot;

import java.util.Locale;

/** Hardware facts as the CLI's tables and notes spell them: value and source, "16384 MB (entered)". */
final class HardwareText {

    private HardwareText() {
    }

    /** "16", "16384 MB", "nvme", "2048 GB"; "unknown" when nobody knows it. */
    static String value(HardwareFacts h, HardwareFact fact) {
        if (!h.isKnown(fact)) {
            return "unknown";
        }
        return switch (fact) {
            case CPUS -> String.valueOf(h.cpus());
            case RAM -> h.memoryBytes() / (1024 * 1024) + " MB";
            case DISK_TYPE -> h.diskType().name().toLowerCase(Locale.ROOT);
            case DISK_SIZE -> h.diskBytes() / (1024L * 1024 * 1024) + " GB";
        };
    }

    /**
     * The value with its source, and what the server reported at the latest snapshot when that differs from
     * what a user entered: "65536 MB (entered; the server reported 32768 MB)".
     */
    static String withSource(HardwareFacts h, HardwareFact fact, SettingsSnapshot latest) {
        FactSource source = h.source(fact);
        if (source == FactSource.UNKNOWN) {
            return "unknown";
        }
        String reported = latest != null && h.enteredDifferently(latest.reportedHardware()).contains(fact)
                ? "; the server reported " + value(latest.reportedHardware(), fact) : "";
        return value(h, fact) + " (" + source.label() + reported + ")";
    }
}
