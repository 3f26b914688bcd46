package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.ExperimentService;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.model.UserError;
import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PlanSimulationRepository;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the what-if screen calls (each blocking: the view-model calls them off the FX thread): the what-if service,
 * the experiment runner, where simulations attached to plans are kept, who attaches them and the clock that dates it.
 */
public record WhatIfDesk(WhatIfService whatIf, ExperimentService experiments, PlanSimulationRepository simulations,
                         String user, Clock clock) {

    static final String NOT_WIRED = "The what-if simulator is not available in this workbench.";

    public WhatIfDesk {
        Objects.requireNonNull(whatIf, "whatIf");
        Objects.requireNonNull(experiments, "experiments");
        Objects.requireNonNull(simulations, "simulations");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The workbench's: plans' predictions in the store, attached as the local user. The what-if and experiment services
     * are other branches' (issue 13); until AppContext offers them, the screen says the simulator is not available.
     * The integrator replaces the two UNAVAILABLE lines with {@code context.whatIf()} and {@code context.experiments()}.
     */
    public static WhatIfDesk of(io.knobwright.app.AppContext context) {
        return new WhatIfDesk(context.whatIf(), context.experiments(), context.planSimulations(), context.localUser(),
                Clock.systemUTC());
    }

    /** Nothing to simulate with, nothing to attach to: for tests of other screens and a workbench without a simulator. */
    public static WhatIfDesk none() {
        return new WhatIfDesk(UNAVAILABLE, UNAVAILABLE_EXPERIMENTS, new PlanSimulationRepository() {
            @Override
            public PlanSimulation attach(PlanSimulation simulation) {
                throw UserError.input(NOT_WIRED);
            }

            @Override
            public Optional<PlanSimulation> latest(long planId) {
                return Optional.empty();
            }

            @Override
            public List<PlanSimulation> ofPlan(long planId) {
                return List.of();
            }
        }, "", Clock.systemUTC());
    }

    static final ExperimentService UNAVAILABLE_EXPERIMENTS = (request, progress, cancelled) -> {
        throw UserError.input(NOT_WIRED);
    };

    /** A what-if service that says it is not there (the screen shows the sentence, no stack trace). */
    static final WhatIfService UNAVAILABLE = new WhatIfService() {
        @Override
        public Baseline baseline(long instanceId, WorkloadChoice workload) {
            throw UserError.input(NOT_WIRED);
        }

        @Override
        public List<io.knobwright.simulator.model.Prediction> simulate(long instanceId, WorkloadChoice workload,
                                                                       List<ScenarioRequest> scenarios) {
            throw UserError.input(NOT_WIRED);
        }

        @Override
        public Sweep sweep(long instanceId, WorkloadChoice workload, String parameter, double from, double to, int steps) {
            throw UserError.input(NOT_WIRED);
        }

        @Override
        public Accuracy accuracy(long instanceId) {
            throw UserError.input(NOT_WIRED);
        }
    };
}
