package io.knobwright.app.plan;

import io.knobwright.model.plan.ChangePlan;

import java.util.List;

/** Plans made for a fleet selection: the stored plans, and each instance that got none with the reason. */
public record PlanBatch(List<ChangePlan> plans, List<Failure> failures) {

    public record Failure(long instanceId, String instanceName, String reason) {
    }

    public PlanBatch {
        plans = List.copyOf(plans);
        failures = List.copyOf(failures);
    }
}
