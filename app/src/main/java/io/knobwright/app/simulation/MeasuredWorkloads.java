package io.knobwright.app.simulation;

import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measured workload of an instance as the simulator's shape, built the way the what-if baseline builds it
 * (profile and top fingerprints, access skew fitted to the measured hit ratio), for callers outside this package
 * such as recommendations.
 */
public final class MeasuredWorkloads {

    private MeasuredWorkloads() {
    }

    /**
     * @param profile the profile the shape was built from (its figures are the recommendations' evidence)
     * @param notes   what was assumed, in words
     */
    public record Measured(WorkloadShape shape, WorkloadProfile profile, List<String> notes) {
        public Measured {
            java.util.Objects.requireNonNull(shape, "shape");
            java.util.Objects.requireNonNull(profile, "profile");
            notes = List.copyOf(notes);
        }
    }

    /**
     * @throws SimulationException when nothing was measured in the default window, saying what to run
     */
    public static Measured of(WorkloadService workload, Instance instance, Machine machine,
                              Optional<SettingsSnapshot> snapshot) {
        WorkloadProfile profile = workload.profile(instance, WorkloadService.DEFAULT_WINDOW);
        if (!profile.hasData()) {
            String measured = "No workload measured for " + instance.name() + " in the last "
                    + WorkloadService.DEFAULT_WINDOW.toDays() + " days";
            throw new SimulationException(instance.connectable()
                    ? measured + ": run `knobwright monitor collect --instance " + instance.name()
                            + "` while the application runs, then ask again."
                    : measured + ", and it has no connection to collect from (an inventory-only instance): register its"
                            + " server with `knobwright fleet add`, then run `knobwright monitor collect --instance "
                            + instance.name() + "` while the application runs.");
        }
        Knobs knobs = snapshot.map(ServerSettings::current).orElseGet(Knobs::postgresDefaults);
        MeasuredShapes.Built built = MeasuredShapes.of(instance.name(), profile,
                workload.top(instance, WorkloadService.By.TOTAL, MeasuredShapes.TOP), false, 0, knobs.get("work_mem"));
        List<String> notes = new ArrayList<>(built.notes());
        WorkloadShape shape = SkewFit.fit(built.shape(), machine, knobs, profile.workingSet() != null
                        ? profile.workingSet().hitRatio() : Double.NaN,
                () -> new BuiltInModel(BuiltInModel.defaultParameters()), notes);
        return new Measured(shape, profile, notes);
    }
}
