package io.knobwright.app.ui.plan;

import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A stored plan as the plans table shows it, with its changes already spelled in readable units so
 * that picking a plan costs nothing.
 *
 * @param template     "postgresql-oltp@3", the reference form the CLI understands
 * @param baselineKind "live", "snapshot" or "none": where the from-values came from
 */
public record PlanRow(ChangePlan plan, String template, String created, int changeCount, int restartCount,
                      String baselineKind, String status, String searchKey, List<PlanChangeRow> changes) {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public PlanRow {
        changes = List.copyOf(changes);
    }

    static PlanRow of(ChangePlan plan, List<PlanChangeRow> changes, ZoneId zone) {
        String template = plan.template() + "@" + plan.templateVersion();
        int restarts = (int) changes.stream().filter(PlanChangeRow::restartNeeded).count();
        String status = status(plan.state());
        String key = String.join(" ", "#" + plan.id(), plan.instanceName(), template, plan.author(), status)
                .toLowerCase(Locale.ROOT);
        return new PlanRow(plan, template, CREATED.format(plan.createdAt().atZone(zone)), changes.size(), restarts,
                baselineKind(plan), status, key, changes);
    }

    static String baselineKind(ChangePlan plan) {
        if (!plan.hasBaseline()) {
            return "none";
        }
        return plan.baseline().startsWith("live") ? "live" : "snapshot";
    }

    /** Whether the from-values were read at all; without them every change is from an unknown value. */
    public boolean hasBaseline() {
        return plan.hasBaseline();
    }

    /**
     * "snapshot of 2026-11-20T06:00:00Z" as "snapshot of 2026-11-20 07:00" in the workbench's zone, like every
     * other time on screen; text without a timestamp stays as it is.
     */
    static String baselineInZone(String baseline, ZoneId zone) {
        int space = baseline.lastIndexOf(' ');
        if (space < 0) {
            return baseline;
        }
        try {
            java.time.Instant at = java.time.Instant.parse(baseline.substring(space + 1));
            return baseline.substring(0, space + 1) + CREATED.format(at.atZone(zone));
        } catch (java.time.format.DateTimeParseException notATime) {
            return baseline;
        }
    }

    static String status(PlanState state) {
        String text = state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public long id() {
        return plan.id();
    }

    public String instance() {
        return plan.instanceName();
    }

    public String author() {
        return plan.author();
    }

    public boolean restartNeeded() {
        return restartCount > 0;
    }

    public String restartText() {
        return restartNeeded() ? "yes" : "no";
    }
}
