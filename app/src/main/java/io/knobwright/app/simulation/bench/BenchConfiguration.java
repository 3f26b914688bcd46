package io.knobwright.app.simulation.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration the bench runs: the varied server settings (as PostgreSQL text) and the number of clients.
 *
 * @param calibration whether the model is calibrated on it (otherwise it is predicted before it is measured)
 */
record BenchConfiguration(String name, Map<String, String> settings, int clients, boolean calibration) {

    BenchConfiguration {
        Objects.requireNonNull(name, "name");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (clients < 1) {
            throw new IllegalArgumentException("A configuration runs at least one client: " + clients);
        }
    }

    BenchConfiguration asCalibration(boolean on) {
        return new BenchConfiguration(name, settings, clients, on);
    }

    /** "sb=128MB wm=4MB wal=1GB ct=300s sync=on c=4" */
    String label() {
        return "sb=" + settings.get("shared_buffers") + " wm=" + settings.get("work_mem") + " wal="
                + settings.get("max_wal_size") + " ct=" + settings.get("checkpoint_timeout") + " sync="
                + settings.get("synchronous_commit") + " c=" + clients;
    }
}
