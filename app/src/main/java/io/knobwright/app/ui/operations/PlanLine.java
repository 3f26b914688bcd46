package io.knobwright.app.ui.operations;

import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A plan on the plans tile: being applied now, or left needing attention by an apply. */
public record PlanLine(long id, String headline, String detail, boolean attention) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static PlanLine of(ChangePlan plan, ZoneId zone) {
        boolean attention = plan.state() == PlanState.NEEDS_ATTENTION;
        String changes = plan.changes().size() == 1 ? "1 change" : plan.changes().size() + " changes";
        return new PlanLine(plan.id(), "#" + plan.id() + " " + plan.instanceName(),
                (attention ? "needs attention after its apply" : "applying") + " · " + changes + " · " + plan.author()
                        + ", created " + TIME.format(plan.createdAt().atZone(zone)), attention);
    }
}
