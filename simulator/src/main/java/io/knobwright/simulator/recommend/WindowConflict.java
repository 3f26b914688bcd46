package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;

import java.util.List;
import java.util.Objects;

/**
 * One setting the time windows of a day want at different values, and how that was resolved (decision 0154).
 *
 * @param values      each window's own best value (its recommendation, or today's value where it recommends none)
 * @param resolution  the rule applied
 * @param value       the one value in force everywhere for {@link Resolution#COMPROMISE}; the value for sessions no
 *                    role or database setting covers for the per-role and per-database rules; today's value when
 *                    {@link Resolution#UNRESOLVED}; empty for {@link Resolution#TIME_WINDOWS}
 * @param statements  what to run: ALTER ROLE / ALTER DATABASE statements, or the scheduled switches with their times;
 *                    empty for a compromise (it is an ordinary setting)
 * @param explanation why this rule, in words, with the predicted cost of the compromise per window where there is one
 * @param notChosen   why each other rule was not applied
 */
public record WindowConflict(String parameter, ApplyMode applyMode, List<WindowValue> values, Resolution resolution,
                             String value, List<String> statements, String explanation, List<String> notChosen) {

    /** How a conflict is resolved, in the order the rules are tried. */
    public enum Resolution {
        /** One value for every window, within each window's near-best band (or forced: a restart parameter). */
        COMPROMISE,
        /** ALTER ROLE r SET: the windows' work comes from different roles. */
        PER_ROLE,
        /** ALTER DATABASE d SET: the windows' work runs in different databases. */
        PER_DATABASE,
        /** A scheduled switch (ALTER SYSTEM SET and a reload) at each window's start. */
        TIME_WINDOWS,
        /** No value fits every window within the constraints: today's value stays. */
        UNRESOLVED
    }

    /**
     * One window's side of the conflict.
     *
     * @param window     "07-19"
     * @param describe   what the window's workload is, in figures
     * @param weight     its share of the day's collected time
     * @param wanted     its own best value
     * @param resolved   the value it runs with after the resolution
     * @param scoreRatio its predicted score with the resolved value over the score with its own best (1 = no loss)
     */
    public record WindowValue(String window, String describe, double weight, String wanted, String resolved,
                              double scoreRatio) {
        public WindowValue {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(resolved, "resolved");
        }
    }

    public WindowConflict {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(applyMode, "applyMode");
        values = List.copyOf(values);
        Objects.requireNonNull(resolution, "resolution");
        value = value == null ? "" : value;
        statements = List.copyOf(statements);
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("A resolved conflict says why: " + parameter);
        }
        notChosen = List.copyOf(notChosen);
    }
}
