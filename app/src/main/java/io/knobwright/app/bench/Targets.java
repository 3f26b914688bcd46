package io.knobwright.app.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** How the benches mark a figure against its target and describe the machine, so their outputs read alike. */
final class Targets {

    private Targets() {
    }

    /** "  machine: 2 cores, load average 1.3 (times grow with load)". */
    static String machine() {
        return String.format(Locale.ROOT, "  machine: %d cores, load average %.1f (times grow with load)",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String verdict(boolean met) {
        return met ? "ok" : "MISSED";
    }
}
