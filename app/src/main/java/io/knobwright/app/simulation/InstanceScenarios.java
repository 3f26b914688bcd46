package io.knobwright.app.simulation;

import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.calibration.ObservedScenarios;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenarios of an instance's own measured workload for callers outside this package (recommendations, the outcome of
 * an applied plan, decision 0152): its settings as the model reads them, and its stored observations as runs of that
 * workload under the settings each ran with, the way the what-if service calibrates on them.
 */
public final class InstanceScenarios {

    private InstanceScenarios() {
    }

    /** The settings of a snapshot the model reads, in base units; PostgreSQL's defaults without a snapshot. */
    public static Knobs knobs(Optional<SettingsSnapshot> snapshot) {
        return snapshot.map(ServerSettings::current).orElseGet(Knobs::postgresDefaults);
    }

    /**
     * Each observation as {@code current} (the instance's machine and measured shape) under the settings and clients it
     * ran with; one whose settings the model cannot read is left out.
     */
    public static List<InstanceModels.MeasuredRun> runs(Scenario current, List<Observation> observations) {
        List<InstanceModels.MeasuredRun> runs = new ArrayList<>();
        for (Observation o : observations) {
            try {
                Map<String, Double> values = new LinkedHashMap<>();
                o.settings().forEach((k, v) -> values.put(k, Knobs.parse(k, v)));
                // the production clients' place is unknown; an experiment's load ran here, beside a sandbox
                Scenario s = new Scenario("run " + o.id(), current.machine(), current.workload().withClients(o.clients())
                        .withClientsOnHost(ObservedScenarios.loadOnServerHost(o)), current.knobs().withAll(new Knobs(values)));
                runs.add(new InstanceModels.MeasuredRun(s, o));
            } catch (IllegalArgumentException unreadable) {
                // a setting only an external engine reads (text): the run still counts for the others
            }
        }
        return runs;
    }
}
