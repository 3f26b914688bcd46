package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.ExperimentService;
import io.knobwright.app.task.ProgressRun;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.model.SimulationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * One experiment from the what-if screen: minutes of interleaved runs, so it shows how far it is and can be
 * cancelled (the runner discards the partial runs and records nothing). The outcome goes to {@code done} as a
 * sentence, and the verdict stays on screen.
 */
public final class ExperimentViewModel {

    /** Three replicates of a minute each way: long enough to see a checkpoint, short enough to wait for. */
    static final Duration DURATION = Duration.ofMinutes(1);
    static final int REPLICATES = 3;

    /** Told how an experiment ended: (instance, sentence, whether it is an error). */
    interface Outcome {
        void said(Instance target, String text, boolean error);
    }

    private final BackgroundWork work;
    private final ExperimentService experiments;
    private final Outcome done;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private ProgressRun<ExperimentService.Result> run;

    ExperimentViewModel(BackgroundWork work, ExperimentService experiments, Outcome done) {
        this.work = Objects.requireNonNull(work, "work");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.done = Objects.requireNonNull(done, "done");
    }

    void run(Instance target, String scenario, ExperimentService.Request request) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(-1);
        step.set("Starting the experiment: " + scenario + " against today's settings…");
        verdict.set("");
        ProgressRun<ExperimentService.Result> started = ProgressRun.start(work.tasks(), p -> experiments.run(request,
                update -> p.report(update.fraction(), update.step()), p::cancelled), work::later, update -> {
            if (running.get()) {
                progress.set(update.fraction());
                step.set(update.message());
            }
        });
        run = started;
        started.result().whenComplete((result, error) -> work.later(() -> {
            boolean cancelled = started.cancelRequested()
                    || error != null && UserError.unwrap(error) instanceof CancellationException;
            running.set(false);
            progress.set(-1);
            step.set("");
            run = null;
            if (cancelled) {
                done.said(target, "Experiment cancelled: its runs were discarded and nothing was recorded.", false);
            } else if (error != null) {
                Throwable t = UserError.unwrap(error);
                done.said(target, work.failed("Run the experiment on " + target.name(),
                        t instanceof SimulationException s ? UserError.input(s.getMessage()) : error), true);
            } else {
                verdict.set(verdictText(scenario, result));
                done.said(target, "Experiment done: " + result.verdict(), false);
            }
        }));
    }

    static String verdictText(String scenario, ExperimentService.Result result) {
        String measured = result.observations().stream().map(o -> String.format(Locale.ROOT,
                "%,.0f tps (p95 %.1f ms, noise ±%.0f%%)", o.tps(), o.p95Ms(), o.noise() * 100))
                .collect(Collectors.joining(" vs "));
        return "Measured " + scenario + ": " + result.verdict() + (measured.isEmpty() ? "" : ". Scenario vs today: " + measured);
    }

    /** Asks the running experiment to stop; it does at its next check. */
    public void cancel() {
        if (run != null) {
            run.cancel();
            step.set("Cancelling: the current run stops, nothing is recorded…");
        }
    }

    void clear() {
        if (!running.get()) {
            verdict.set("");
        }
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1, negative while the end is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
}
