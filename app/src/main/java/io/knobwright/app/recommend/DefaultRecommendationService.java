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
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.recommend.Measurement;
import io.knobwright.simulator.recommend.Measurements;
import io.knobwright.simulator.recommend.PlannerEvidence;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationRequest;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.Recommender;
import io.knobwright.simulator.recommend.WindowedRecommender;
import io.knobwright.simulator.recommend.WorkloadWindow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles a {@link RecommendationRequest} from the store as decision 0149 lays out (hardware facts, the newest
 * settings snapshot, the effective catalog of the server's version, the measured workload shape, the policy's locks
 * that cover the instance) and asks the built-in recommender. MySQL, MariaDB, SQL Server and Oracle are answered from
 * the profile's measurements and the instance's facts (decision 0153).
 */
public final class DefaultRecommendationService implements RecommendationService {

    private final FleetService fleet;
    private final WorkloadService workload;
    private final CatalogService catalogs;
    private final PolicyService policy;
    private final Recommender recommender;
    /** Splits the day into time windows (decision 0154); null: the whole day is one workload. */
    private final MeasuredWindows windows;
    /** Null where no planner can be asked (then planner settings are not judged, and the notes say so). */
    private final PlannerProbing planner;
    /** Null: every instance gets {@link #recommender}; else the recommender its measured outcomes taught (0152). */
    private final LearnedRecommenders learned;

    /** Every instance is answered by {@code recommender}, whatever was measured after earlier applies. */
    public DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                        PolicyService policy, Recommender recommender) {
        this(fleet, workload, catalogs, policy, recommender, null);
    }

    /** Each instance is answered by the model its own and similar instances' measured outcomes calibrated (0152). */
    public DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                        PolicyService policy, LearnedRecommenders learned) {
        this(fleet, workload, catalogs, policy, Recommender.builtIn(), null, null,
                Objects.requireNonNull(learned, "learned"));
    }

    /** @param windows splits the measured day into time windows and resolves their conflicts; null for none */
    public DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                        PolicyService policy, Recommender recommender, MeasuredWindows windows) {
        this(fleet, workload, catalogs, policy, recommender, windows, null, null);
    }

    private DefaultRecommendationService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                         PolicyService policy, Recommender recommender, MeasuredWindows windows,
                                         PlannerProbing planner, LearnedRecommenders learned) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.recommender = Objects.requireNonNull(recommender, "recommender");
        this.windows = windows;
        this.planner = planner;
        this.learned = learned;
    }

    /** The same service, with the measured day split into time windows whose conflicts are resolved (0154). */
    public DefaultRecommendationService withWindows(MeasuredWindows measuredWindows) {
        return new DefaultRecommendationService(fleet, workload, catalogs, policy, recommender,
                Objects.requireNonNull(measuredWindows, "measuredWindows"), planner, learned);
    }

    /** The same service that also asks the instance's planner in {@link #recommendProbingPlanner}. */
    public DefaultRecommendationService withPlanner(PlannerProbing probing) {
        return new DefaultRecommendationService(fleet, workload, catalogs, policy, recommender, windows,
                Objects.requireNonNull(probing, "probing"), learned);
    }

    @Override
    public Outcome recommend(Instance instance, RecommendationOptions options) {
        return recommend(instance, options, false);
    }

    @Override
    public Outcome recommendProbingPlanner(Instance instance, RecommendationOptions options) {
        return recommend(instance, options, true);
    }

    private Outcome recommend(Instance instance, RecommendationOptions options, boolean probe) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
        Optional<SettingsSnapshot> snapshot = fleet.latestSnapshot(instance.id());
        if (snapshot.isEmpty()) {
            throw UserError.input("No settings have been read from " + instance.name() + " yet, and a recommendation"
                    + " starts from the settings in force: run `knobwright fleet refresh " + instance.name() + "`"
                    + (instance.connectable() ? "." : " (it needs the server's connection: `knobwright fleet add`)."));
        }
        Machine machine = machine(instance);
        ParameterCatalog catalog = catalogs.forInstance(instance.id(),
                        new EngineVersion(instance.engine(), instance.version()))
                .orElseThrow(() -> UserError.input("No parameter catalog for " + instance.engine().displayName()
                        + " " + instance.version()
                        + ", so the valid values are unknown: check the version with `knobwright fleet show "
                        + instance.name() + "` or read the server's own with `knobwright catalog generate`."));
        if (instance.engine() != Engine.POSTGRESQL) {
            return otherEngine(instance, options, snapshot.get(), machine, catalog);
        }
        MeasuredWorkloads.Measured measured;
        try {
            measured = MeasuredWorkloads.of(workload, instance, machine, snapshot);
        } catch (SimulationException cannot) {
            throw new UserError(UserError.Kind.INPUT, cannot.getMessage(), cannot);
        }
        List<String> notes = new ArrayList<>(measured.notes());
        notes.add("settings as read " + snapshot.get().takenAt());
        PlannerEvidence evidence = PlannerEvidence.NONE;
        if (probe && planner != null) {
            PlannerProbing.Probed probed = planner.probe(instance, snapshot.get());
            evidence = probed.evidence();
            notes.addAll(probed.notes());
        } else {
            notes.add("planner settings not judged: their per-query probe asks the server's planner, one instance at"
                    + " a time (`knobwright recommend --instance " + instance.name() + "`)");
        }
        RecommendationRequest request = new RecommendationRequest(instance.name(), machine,
                instance.hardware().diskBytes(), catalog, settings(snapshot.get()), measured.shape(),
                Measurements.from(measured.profile()), locks(instance), options, evidence);
        List<WorkloadWindow> day = windows == null ? List.of() : windows.windows(instance, machine, snapshot, notes);
        Recommender chosen = recommender;
        if (learned != null) {
            LearnedRecommenders.Learned taught = learned.forInstance(instance, new io.knobwright.simulator.model.Scenario(
                    instance.name(), machine, measured.shape(),
                    io.knobwright.app.simulation.InstanceScenarios.knobs(snapshot)));
            chosen = taught.recommender();
            notes.add(taught.note());
        }
        RecommendationSet set = day.size() < 2 ? chosen.recommend(request)
                : new WindowedRecommender(chosen).recommend(request, day);
        return new Outcome(instance, set, notes);
    }

    /**
     * MySQL, MariaDB, SQL Server and Oracle (decision 0153): the recommender reads the profile's measurements (global
     * status counters) and the instance's facts, not a statement mix; a profile with nothing in it is no error here,
     * the answer says it had the instance's facts only.
     */
    private Outcome otherEngine(Instance instance, RecommendationOptions options, SettingsSnapshot snapshot,
                                Machine machine, ParameterCatalog catalog) {
        List<String> notes = new ArrayList<>();
        WorkloadProfile profile = null;
        try {
            profile = workload.profile(instance, WorkloadService.DEFAULT_WINDOW);
        } catch (RuntimeException unreadable) {
            notes.add("the workload profile could not be read: " + unreadable.getMessage());
        }
        boolean measured = profile != null && profile.hasData();
        List<Measurement> measurements = measured ? Measurements.from(profile) : List.of();
        notes.add(measured ? "workload measured over the last " + WorkloadService.DEFAULT_WINDOW.toDays() + " days"
                : "no workload measured in the last " + WorkloadService.DEFAULT_WINDOW.toDays() + " days"
                + (instance.connectable() ? ": run `knobwright monitor collect --instance " + instance.name()
                + "` while the application runs for an answer from its evidence" : ""));
        notes.add("settings as read " + snapshot.takenAt());
        int clients = measured && profile.connections() != null
                && Double.isFinite(profile.connections().peakConnections())
                ? (int) Math.ceil(profile.connections().peakConnections()) : 1;
        double data = measured && profile.workingSet() != null && Double.isFinite(profile.workingSet().databaseBytes())
                ? profile.workingSet().databaseBytes() : 0;
        RecommendationRequest request = new RecommendationRequest(instance.name(), machine,
                instance.hardware().diskBytes(), catalog, settings(snapshot), RecommendationRequest.clientsOnly(
                Math.max(1, clients), data), measurements, locks(instance), options, PlannerEvidence.NONE);
        return new Outcome(instance, recommender.recommend(request), notes);
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
}
