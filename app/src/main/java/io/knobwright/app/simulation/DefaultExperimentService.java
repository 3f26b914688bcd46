package io.knobwright.app.simulation;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.connectors.load.FingerprintReplay;
import io.knobwright.connectors.load.LoadDriver;
import io.knobwright.connectors.load.LoadRun;
import io.knobwright.connectors.load.LoadScript;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.simulator.experiment.RunSchedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs experiments (decision 0139). A run on an instance is refused when its tier is production, and there only
 * settings a session may change with SET are tried (each client's connection gets them; restart-only and reload-only
 * settings are refused before anything runs). On a sandbox any setting is tried: the sandbox is restarted with it.
 *
 * <p>Each configuration runs {@code replicates} times, interleaved with the other one when there is one (A B B A A B
 * ...: randomised multiple interleaved trials, so that drift in the machine's state does not favour one side); every
 * run has its warm-up, whose transactions are discarded. Per configuration the median throughput and latencies of
 * the replicates, their run-to-run noise, and the server's counters per transaction (the workload's features) are
 * recorded as one observation; the verdict says whether B differs from A by more than the noise.
 *
 * <p>Cancelling stops the run in flight within about a second; nothing is recorded and {@link CancellationException}
 * is thrown.
 */
public final class DefaultExperimentService implements ExperimentService {

    private final FleetService fleet;
    private final ExperimentTargets targets;
    private final ObservationRepository observations;
    private final Clock clock;
    private final Predictor predictor;

    /**
     * What the model predicts for one configuration of an experiment, asked before the run so that the stored
     * observation can later say how right it was (the held-out error `simulator accuracy` shows); empty when it cannot
     * (no instance to stand for, nothing measured to build the workload from).
     */
    @FunctionalInterface
    public interface Predictor {
        java.util.Optional<io.knobwright.simulator.model.Estimate> predict(long instanceId, Request request,
                                                                            Map<String, String> settings);

        Predictor NONE = (instanceId, request, settings) -> java.util.Optional.empty();
    }

    public DefaultExperimentService(FleetService fleet, ExperimentTargets targets, ObservationRepository observations,
                                    Clock clock) {
        this(fleet, targets, observations, clock, Predictor.NONE);
    }

    public DefaultExperimentService(FleetService fleet, ExperimentTargets targets, ObservationRepository observations,
                                    Clock clock, Predictor predictor) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
    }

    @Override
    public Result run(Request request, Consumer<Progress> progress, BooleanSupplier cancelled) {
        check(request);
        List<Map<String, String>> configurations = new ArrayList<>();
        configurations.add(request.settings());
        if (!request.compareWith().isEmpty()) {
            configurations.add(request.compareWith());
        }
        Workload workload = workload(request);
        if (workload.replay() && request.sandbox() != null) {
            throw UserError.input("A replay runs an instance's own statements on that instance; a sandbox holds no"
                    + " copy of its tables. Give a script with --script, or replay on a non-production instance.");
        }
        progress.accept(new Progress(0, request.instance() != null ? "checking " + request.instance()
                : "starting sandbox " + request.sandbox()));
        try (ExperimentTargets.Target target = request.instance() != null
                ? targets.instance(instance(request.instance()), configurations)
                : targets.sandbox(request, sandboxFor(request.sandbox()))) {
            List<String> notes = new ArrayList<>(target.notes());
            LoadScript script;
            String workloadKey;
            if (workload.replay()) {
                FingerprintReplay.Replay replay = targets.replay(target.instanceId());
                script = replay.script();
                workloadKey = "replay:" + target.name() + ":" + Digests.sha256(String.join(",",
                        new java.util.TreeSet<>(replay.included().keySet())));
                if (!replay.left().isEmpty()) {
                    notes.add(String.format(Locale.ROOT, "The replay stands for %.0f%% of the top fingerprints' calls;"
                            + " %d were left out (no values logged, writes, or cut short).", replay.coveredCalls() * 100,
                            replay.left().size()));
                }
            } else {
                script = workload.script();
                workloadKey = Digests.sha256(workload.text());
            }
            int scale = target.scale(request.scale());
            List<java.util.Optional<io.knobwright.simulator.model.Estimate>> predicted = new ArrayList<>();
            for (Map<String, String> configuration : configurations) {
                predicted.add(predictionBeforeRun(target.instanceId(), request, configuration));
            }
            List<String> names = configurations.size() == 1 ? List.of("A") : List.of("A", "B");
            List<RunSchedule.Run> order = RunSchedule.interleaved(names, request.replicates(), 0, System.nanoTime())
                    .measured();
            List<List<Measured>> runs = new ArrayList<>();
            configurations.forEach(c -> runs.add(new ArrayList<>()));
            for (int i = 0; i < order.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("The experiment was cancelled; nothing was recorded.");
                }
                int which = names.indexOf(order.get(i).configuration());
                double done = (double) i / order.size();
                String label = "run " + (i + 1) + " of " + order.size() + " (" + names.get(which) + ")";
                progress.accept(new Progress(done, label + ": preparing"));
                Map<String, String> sessionSettings = target.prepare(configurations.get(which));
                LoadDriver.Options options = new LoadDriver.Options(request.clients(), request.effectiveWarmUp(),
                        request.duration(), scale, sessionSettings, System.nanoTime());
                Measured measured;
                try {
                    measured = target.measure(script, options, p -> progress.accept(new Progress(
                            done + p.fraction() / order.size(), label + (p.phase() == LoadDriver.Phase.WARM_UP
                            ? ": warming up" : String.format(Locale.ROOT, ": measuring, %.0f tps", p.recentTps())))),
                            cancelled);
                } catch (CancellationException stopped) {
                    throw new CancellationException("The experiment was cancelled during " + label
                            + "; nothing was recorded.");
                }
                if (measured.run().transactions() == 0 && measured.run().failed() > 0) {
                    // a script that cannot run (a missing table, a typo) is the user's to fix, not a 0 tps observation
                    throw UserError.input("Every transaction of " + label + " failed (" + measured.run().firstFailure()
                            + "); nothing was recorded. Check the script against the "
                            + (request.instance() != null ? "instance's database." : "sandbox's tables (--setup, --scale)."));
                }
                runs.get(which).add(measured);
            }
            failures(runs).ifPresent(notes::add);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The experiment was cancelled; nothing was recorded.");
            }
            progress.accept(new Progress(1, "recording"));
            List<Observation> stored = new ArrayList<>();
            List<ReplicateSummary> summaries = new ArrayList<>();
            for (int c = 0; c < configurations.size(); c++) {
                ReplicateSummary summary = ReplicateSummary.of(runs.get(c));
                summaries.add(summary);
                stored.add(observations.add(new Observation(0, clock.instant(), target.name(), target.instanceId(),
                        workloadKey, target.hardwareClass(), configurations.get(c), request.clients(),
                        summary.features(), summary.tps().median(), summary.p50Ms(), summary.p95Ms(),
                        summary.tps().noise(), summary.tps().runs(),
                        predicted.get(c).map(e -> e.mean()).orElse(Double.NaN),
                        predicted.get(c).map(e -> e.low()).orElse(Double.NaN),
                        predicted.get(c).map(e -> e.high()).orElse(Double.NaN))));
            }
            String verdict = summaries.size() == 2 ? ReplicateSummary.verdict(summaries.get(0), summaries.get(1))
                    : ReplicateSummary.single(summaries.getFirst());
            return new Result(stored, notes.isEmpty() ? verdict : verdict + " (" + String.join(" ", notes) + ")");
        }
    }

    /** A prediction that fails (the model cannot judge this workload yet) leaves the observation unpredicted. */
    private java.util.Optional<io.knobwright.simulator.model.Estimate> predictionBeforeRun(long instanceId, Request request,
                                                                                         Map<String, String> settings) {
        if (instanceId <= 0) {
            return java.util.Optional.empty();
        }
        try {
            return predictor.predict(instanceId, request, settings);
        } catch (RuntimeException cannot) {
            return java.util.Optional.empty();
        }
    }

    /** "3% of the transactions failed (first: ...)", when some did: the throughput counts only those that succeeded. */
    private static java.util.Optional<String> failures(List<List<Measured>> runs) {
        long failed = 0;
        long all = 0;
        String first = "";
        for (List<Measured> configuration : runs) {
            for (Measured m : configuration) {
                failed += m.run().failed();
                all += m.run().failed() + m.run().transactions();
                if (first.isEmpty()) {
                    first = m.run().firstFailure();
                }
            }
        }
        if (failed == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "%.1f%% of the transactions failed and are not counted"
                + " (first: %s).", 100.0 * failed / all, first));
    }

    private static void check(Request request) {
        if (request.clients() < 1 || request.clients() > 1000) {
            throw UserError.input("An experiment runs 1 to 1000 clients, not " + request.clients() + ".");
        }
        if (request.duration() == null || request.duration().toMillis() < 1000) {
            throw UserError.input("An experiment measures each run for at least a second; give a longer duration.");
        }
        if (request.warmUp() != null && request.warmUp().isNegative()) {
            throw UserError.input("The warm-up cannot be negative.");
        }
        if (request.replicates() < 1 || request.replicates() > 100) {
            throw UserError.input("An experiment runs each configuration 1 to 100 times, not " + request.replicates() + ".");
        }
        if (request.instance() != null && request.setup() != null) {
            throw UserError.input("A setup file loads a sandbox; an instance runs on its own data.");
        }
    }

    private Instance instance(String name) {
        Instance instance = fleet.require(name);
        if (instance.tier() == io.knobwright.model.fleet.Tier.PRODUCTION) {
            throw UserError.input("'" + instance.name() + "' is a production instance: experiments put load on the"
                    + " server and change its settings, so they are refused there. Run it on a sandbox (--sandbox), or"
                    + " on a staging or test instance.");
        }
        if (!instance.connectable()) {
            throw UserError.input("'" + instance.name() + "' has no connection (inventory only); an experiment needs"
                    + " to connect to it.");
        }
        if (instance.engine() != io.knobwright.model.engine.Engine.POSTGRESQL) {
            throw UserError.input("Experiments run on PostgreSQL; '" + instance.name() + "' is "
                    + instance.engine().id() + ".");
        }
        return instance;
    }

    /** The fleet's instance of the same name, when there is one: the sandbox then stands for it. */
    private Instance sandboxFor(String name) {
        if (name == null || name.isBlank()) {
            throw UserError.input("A sandbox needs a name.");
        }
        return fleet.list().stream().filter(i -> i.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }

    /** What the experiment runs: a script read now (so a bad script fails before any server starts), or a replay. */
    record Workload(LoadScript script, String text, boolean replay) {
    }

    private static Workload workload(Request request) {
        Path path = request.script();
        if (path == null) {
            return new Workload(null, null, true);
        }
        String given = path.toString();
        if (given.startsWith("builtin:")) {
            String name = given.substring("builtin:".length());
            LoadScript script = LoadScript.builtin(name);
            return new Workload(script, "builtin:" + script.name(), false);
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw UserError.input("Cannot read the script " + path + ": " + e.getMessage()
                    + ". Give a pgbench-style script file, or builtin:tpcb-like, builtin:select-only, builtin:simple-update.");
        }
        return new Workload(LoadScript.parse(String.valueOf(path.getFileName()), text), text, false);
    }

    /** One measured run and the server's counters over it, per transaction. */
    record Measured(LoadRun run, Map<String, Double> features) {
        Measured {
            features = Map.copyOf(new LinkedHashMap<>(features));
        }
    }
}
