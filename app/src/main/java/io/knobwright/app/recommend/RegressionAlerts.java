package io.knobwright.app.recommend;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.AlertSource;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.simulation.ApplyOutcome;
import io.knobwright.model.store.UnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A WARNING per instance with a regression measured after an applied plan (decision 0152) whose proposed revert has not
 * been applied yet, for two weeks after it was measured: the dashboard shows what `plan outcome` flagged.
 */
public final class RegressionAlerts implements AlertSource {

    /** After this a regression nobody reverted is taken as accepted: the alert stops asking. */
    static final Duration SHOWN_FOR = Duration.ofDays(14);

    private final UnitOfWork store;

    public RegressionAlerts(UnitOfWork store) {
        this.store = store;
    }

    @Override
    public List<Alert> alerts(List<Instance> fleet, Clock clock) {
        Map<Long, Instance> byId = fleet.stream().collect(Collectors.toMap(Instance::id, Function.identity(), (a, b) -> a));
        List<Alert> out = new ArrayList<>();
        for (ApplyOutcome o : store.applyOutcomes().withVerdict(ApplyOutcome.Verdict.REGRESSION,
                clock.instant().minus(SHOWN_FOR))) {
            Instance instance = byId.get(o.instanceId());
            ApplyOutcome.Measured m = o.measured().orElseThrow();
            Optional<ChangePlan> revert = m.revertPlanId() > 0 ? store.plans().find(m.revertPlanId()) : Optional.empty();
            if (instance == null || revert.filter(p -> p.state() == PlanState.APPLIED).isPresent()) {
                continue;
            }
            out.add(new Alert(instance.id(), instance.name(), AlertKind.APPLY_REGRESSION, AlertSeverity.WARNING,
                    String.format(Locale.ROOT, "Throughput %.0f%% lower after plan %d", -m.change() * 100, o.planId()),
                    List.of(m.summary(), revert.map(p -> "revert proposed as plan " + p.id() + " ("
                            + p.state().name().toLowerCase(Locale.ROOT) + ")").orElse("no revert could be proposed")),
                    m.at()));
        }
        return out;
    }
}
