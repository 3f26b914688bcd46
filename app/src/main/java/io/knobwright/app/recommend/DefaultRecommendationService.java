package io.knobwright.app.recommend;

import io.knobwright.app.catalog.CatalogService;
import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.governance.PolicyService;
import io.knobwright.app.simulation.MeasuredWorkloads;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.policy.LockRule;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.recommend.Measurements;
import io.knobwright.simulator.recommend.PlannerEvidence;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationRequest;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.Recommender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles a {@link RecommendationRequest} from the store as decision 0149 lays out (hardware facts, the newest
 * settings snapshot, the effective catalog of the server's version, the measured workload shape, the policy's locks
 * that cover the instance) and asks the built-in recommender. Engines the recommender does not search yet get an
 * explicit "no recommendation yet" that says what evidence there was, never an error.
 */
public final class DefaultRecommendationService implements RecommendationService {

    private final FleetService fleet;
    private final WorkloadService workload;
    private final CatalogService catalogs;
    private final PolicyService policy;
    private final Recommender recommender;
    /** Null: every instance gets {@link #recommender}; else the recommender its measured outcomes taught (0152). */
    private final LearnedRecommenders learned;

    /** Every instance is answered by {@code recommender}, whatever was measured after earlier applies. */
    public DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                        PolicyService policy, Recommender recommender) {
        this(fleet, workload, catalogs, policy, Objects.requireNonNull(recommender, "recommender"), null);
    }

    /** Each instance is answered by the model its own and similar instances' measured outcomes calibrated (0152). */
    public DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                        PolicyService policy, LearnedRecommenders learned) {
        this(fleet, workload, catalogs, policy, null, Objects.requireNonNull(learned, "learned"));
    }

    private DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                         PolicyService policy, Recommender recommender, LearnedRecommenders learned) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.recommender = recommender;
        this.learned = learned;
    }

    @Override
    public Outcome recommend(Instance instance, RecommendationOptions options) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
        Optional<SettingsSnapshot> snapshot = fleet.latestSnapshot(instance.id());
        if (instance.engine() != Engine.POSTGRESQL) {
            return notSearchedYet(instance, snapshot);
        }
        if (snapshot.isEmpty()) {
            throw UserError.input("No settings have been read from " + instance.name() + " yet, and a recommendation"
                    + " starts from the settings in force: run `knobwright fleet refresh " + instance.name() + "`"
                    + (instance.connectable() ? "." : " (it needs the server's connection: `knobwright fleet add`)."));
        }
        Machine machine = machine(instance);
        ParameterCatalog catalog = catalogs.forInstance(instance.id(),
                        new EngineVersion(instance.engine(), instance.version()))
                .orElseThrow(() -> UserError.input("No parameter catalog for PostgreSQL " + instance.version()
                        + ", so the valid values are unknown: check the version with `knobwright fleet show "
                        + instance.name() + "` or read the server's own with `knobwright catalog generate`."));
        MeasuredWorkloads.Measured measured;
        try {
            measured = MeasuredWorkloads.of(workload, instance, machine, snapshot);
        } catch (SimulationException cannot) {
            throw new UserError(UserError.Kind.INPUT, cannot.getMessage(), cannot);
        }
        List<String> notes = new ArrayList<>(measured.notes());
        notes.add("settings as read " + snapshot.get().takenAt());
        notes.add("planner settings not judged: the per-query planner probe is not part of this answer yet");
        Recommender chosen = recommender;
        if (learned != null) {
            LearnedRecommenders.Learned l = learned.forInstance(instance, new io.knobwright.simulator.model.Scenario(
                    instance.name(), machine, measured.shape(),
                    io.knobwright.app.simulation.InstanceScenarios.knobs(snapshot)));
            chosen = l.recommender();
            notes.add(l.note());
        }
        RecommendationRequest request = new RecommendationRequest(instance.name(), machine,
                instance.hardware().diskBytes(), catalog, settings(snapshot.get()), measured.shape(),
                Measurements.from(measured.profile()), locks(instance), options, PlannerEvidence.NONE);
        return new Outcome(instance, chosen.recommend(request), notes);
    }

    private static Machine machine(Instance instance) {
        HardwareFacts hw = instance.hardware();
        if (hw.cpus() < 1 || hw.memoryBytes() < 64L << 20) {
            String missing = hw.cpus() < 1 && hw.memoryBytes() < 64L << 20 ? "RAM and CPU count"
                    : hw.cpus() < 1 ? "CPU count" : "RAM";
            throw UserError.input("The " + missing + " of " + instance.name() + " is not known, and a recommendation"
                    + " is sized by it: enter them with `knobwright fleet edit " + instance.name()
                    + " --ram SIZE --cpus N` (or `fleet refresh` where the server reports them).");
        }
        return new Machine(hw.cpus(), hw.memoryBytes(), DeviceProfile.of(hw.diskType()));
    }

    /** The settings as the server reports them: the value in its own unit, which the catalog's unit reads. */
    private static Map<String, String> settings(SettingsSnapshot snapshot) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LiveSetting s : snapshot.settings()) {
            if (s.value() != null) {
                out.put(s.name(), s.value());
            }
        }
        return out;
    }

    private List<LockRule> locks(Instance instance) {
        return policy.policy().policy().locks().stream()
                .filter(lock -> lock.scope().covers(instance.name(), instance)).toList();
    }

    /** "No recommendation yet for this engine", with the evidence that a later search would start from. */
    private Outcome notSearchedYet(Instance instance, Optional<SettingsSnapshot> snapshot) {
        List<String> evidence = new ArrayList<>();
        evidence.add(snapshot.map(s -> "a settings snapshot of " + s.settings().size() + " settings read "
                + s.takenAt()).orElse("no settings snapshot"));
        boolean measured;
        try {
            measured = workload.profile(instance, WorkloadService.DEFAULT_WINDOW).hasData();
        } catch (RuntimeException unreadable) {
            measured = false;
        }
        evidence.add(measured ? "a workload profile over the last " + WorkloadService.DEFAULT_WINDOW.toDays() + " days"
                : "no workload measured");
        HardwareFacts hw = instance.hardware();
        evidence.add(hw.cpus() > 0 && hw.memoryBytes() > 0 ? "CPUs and RAM known" : "CPUs or RAM unknown");
        String engine = instance.engine().displayName() + " " + instance.version();
        RecommendationSet set = new RecommendationSet(instance.name(), engine, "none", List.of(),
                "No recommendation yet for this engine: recommendations search PostgreSQL settings so far, and "
                        + engine + " is not searched yet. Evidence on hand: " + String.join(", ", evidence) + ".",
                null, List.of(), List.of());
        return new Outcome(instance, set, List.of());
    }
}
