package io.knobwright.app.recommend;

import io.knobwright.app.simulation.CalibratedInstanceModels;
import io.knobwright.app.simulation.HardwareClass;
import io.knobwright.app.simulation.InstanceModels;
import io.knobwright.app.simulation.InstanceScenarios;
import io.knobwright.app.simulation.WorkloadKeys;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.simulator.calibration.CalibratedModel;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.recommend.Recommender;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The recommender for one instance, from what has been measured (decision 0152): calibrated on the instance's own
 * observations of its workload (the outcomes of applied plans, replays) when there are any; else at the constants the
 * other workloads of its hardware class taught (pooled priors); else the built-in model as shipped. So a later
 * recommendation for the instance, and for a similar one, follows what earlier applies measured.
 */
public final class LearnedRecommenders {

    /** The recommender to ask, and which model it predicts with, in words (a note of the answer). */
    public record Learned(Recommender recommender, String note) {
        public Learned {
            Objects.requireNonNull(recommender, "recommender");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * How long a hardware class's pooled priors are reused: a fleet's recommendations ask for the same few classes a
     * thousand times, and reading up to 500 observations each time would cost more than the search. Observations this
     * process stores drop them at once ({@link #forget()}); another process's are seen within this time.
     */
    static final long CLASS_PRIORS_NANOS = java.time.Duration.ofSeconds(60).toNanos();

    private record Remembered(CalibratedInstanceModels.ClassPriors priors, long atNanos) {
    }

    private final ObservationRepository observations;
    private final CalibratedInstanceModels models;
    private final Recommender shipped = Recommender.builtIn();
    private final java.util.Map<String, Remembered> classPriors = new java.util.concurrent.ConcurrentHashMap<>();

    public LearnedRecommenders(ObservationRepository observations, CalibratedInstanceModels models) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * @param current the instance's machine, measured workload shape and settings in force: the stored runs are
     *                rebuilt as this scenario under the settings and clients each ran with
     */
    public Learned forInstance(Instance instance, Scenario current) {
        List<Observation> own = observations.ofInstance(instance.id()).stream()
                .filter(o -> o.tps() > 0 && WorkloadKeys.isReplayOf(o.workloadKey(), instance.name())).toList();
        List<InstanceModels.MeasuredRun> runs = InstanceScenarios.runs(current, own);
        if (!runs.isEmpty()) {
            PerformanceModel model = models.model(runs);
            if (model instanceof CalibratedModel calibrated) {
                ModelParameters theta = calibrated.parameters();
                Function<ModelParameters, PerformanceModel> base = models.factory();
                // the search predicts with the calibrated model (fitted constants and the learned correction); the
                // gain interval's draws of the constants use the base model, as 0149 prices every interval
                Function<ModelParameters, PerformanceModel> family = t -> t == theta ? calibrated : base.apply(t);
                return new Learned(new Recommender(family, theta), "model: " + calibrated.name()
                        + " of this instance's measured workload");
            }
        }
        CalibratedInstanceModels.ClassPriors priors = classPriors(HardwareClass.of(instance.hardware()));
        if (priors.workloads() == 0) {
            return new Learned(shipped, "model: built-in, default constants (nothing measured after an apply on this"
                    + " instance or its hardware class yet)");
        }
        return new Learned(new Recommender(models.factory(), priors.parameters()), "model: built-in, "
                + priors.source());
    }

    /** Drops what was remembered of the hardware classes: new observations were stored. */
    public void forget() {
        classPriors.clear();
    }

    /**
     * The class's pooled priors, the instance's own workload left out: it has no runs (else it was calibrated on them),
     * so nothing of it is in the pool and the priors are the same for every instance of the class.
     */
    private CalibratedInstanceModels.ClassPriors classPriors(String hardwareClass) {
        long now = System.nanoTime();
        Remembered r = classPriors.get(hardwareClass);
        if (r != null && now - r.atNanos() < CLASS_PRIORS_NANOS) {
            return r.priors();
        }
        CalibratedInstanceModels.ClassPriors fresh = models.classPriors(hardwareClass, Set.of());
        classPriors.put(hardwareClass, new Remembered(fresh, now));
        return fresh;
    }
}
