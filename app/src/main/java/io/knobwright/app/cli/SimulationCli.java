package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.simulation.DefaultWhatIfService;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.app.simulation.external.ExternalModel;
import io.knobwright.model.UserError;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.SimulationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** What the simulate and simulator commands share: the workload chosen, the engine, errors, JSON pieces. */
final class SimulationCli {

    /** The store-wide engine when --engine is not given: a command or an http(s) URL (docs/simulation-engine.md). */
    static final String ENGINE_VARIABLE = "KNOBWRIGHT_SIMULATION_ENGINE";

    private SimulationCli() {
    }

    /** The service, asking {@code engine} (else $KNOBWRIGHT_SIMULATION_ENGINE) when one is given. */
    static WhatIfService service(CliSession session, String engine, int timeoutSeconds) {
        DefaultWhatIfService service = session.context().whatIf();
        String chosen = engine != null ? engine : session.environment().get(ENGINE_VARIABLE);
        if (chosen == null || chosen.isBlank()) {
            return service;
        }
        if (timeoutSeconds < 1) {
            throw UserError.input("--engine-timeout must be 1 second or more, not " + timeoutSeconds + ".");
        }
        return service.withEngine(userErrors(() -> ExternalModel.parse(chosen, Duration.ofSeconds(timeoutSeconds))));
    }

    static WhatIfService.WorkloadChoice workload(Path script, boolean replay, int clients) {
        if (clients < 0) {
            throw UserError.input("--clients must be 1 or more, not " + clients + ".");
        }
        if (script != null && replay) {
            throw UserError.input("Give --script FILE or --replay, not both.");
        }
        if (script != null) {
            if (!Files.isRegularFile(script)) {
                throw UserError.input("No script file " + script + ": give the path of a pgbench-style SQL script.");
            }
            return new WhatIfService.WorkloadChoice(WhatIfService.WorkloadChoice.Kind.SCRIPT, script, clients);
        }
        return new WhatIfService.WorkloadChoice(replay ? WhatIfService.WorkloadChoice.Kind.REPLAY
                : WhatIfService.WorkloadChoice.Kind.MEASURED_PROFILE, null, clients);
    }

    /** Runs {@code work}; a scenario the simulator cannot judge is the user's to fix, so it is a user error. */
    static <T> T userErrors(Supplier<T> work) {
        try {
            return work.get();
        } catch (SimulationException cannot) {
            throw new UserError(UserError.Kind.INPUT, cannot.getMessage(), cannot);
        }
    }

    @JsonPropertyOrder({"mean", "low", "high"})
    record EstimateJson(Double mean, Double low, Double high) {
        static EstimateJson of(Estimate e) {
            return e == null ? null : new EstimateJson(round(e.mean()), round(e.low()), round(e.high()));
        }
    }

    @JsonPropertyOrder({"metric", "mechanism", "text", "inputs"})
    record ExplanationJson(String metric, String mechanism, String text, Map<String, Double> inputs) {
        static ExplanationJson of(Explanation e) {
            Map<String, Double> inputs = new java.util.TreeMap<>();
            e.inputs().forEach((k, v) -> inputs.put(k, round(v)));
            return new ExplanationJson(e.metric().jsonName(), e.mechanism(), e.text(), inputs);
        }
    }

    /** Six significant digits: more is noise in a prediction, and scripts diff the output. */
    static Double round(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (v == 0) {
            return 0.0;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
