package io.knobwright.simulator.recommend;

import java.util.List;
import java.util.Objects;

/**
 * The answer for one instance: the changes to make, or "no change recommended" with its reason.
 *
 * @param engineVersion      the catalog the values were checked against ("PostgreSQL 16")
 * @param model              the performance model that predicted the effects ("built-in")
 * @param recommendations    the changes, in a fixed order (the search's parameter order, then planner settings)
 * @param noChangeReason     why nothing is recommended; empty when {@code recommendations} is not
 * @param overall            all recommended changes together against today's settings; null when nothing is
 *                           recommended
 * @param considered         what was weighed and set aside, with why
 * @param warnings           what must be seen whatever is recommended (today's settings exceed the memory budget, ...)
 * @param conflicts          where the day's time windows want a setting at different values, and how each was
 *                           resolved (decision 0154); empty when the workload is alike all day or was not split
 */
public record RecommendationSet(String instance, String engineVersion, String model,
                                List<Recommendation> recommendations, String noChangeReason, PredictedEffect overall,
                                List<Considered> considered, List<String> warnings,
                                List<WindowConflict> conflicts) {

    public RecommendationSet {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(model, "model");
        recommendations = List.copyOf(recommendations);
        noChangeReason = noChangeReason == null ? "" : noChangeReason;
        considered = List.copyOf(considered);
        warnings = List.copyOf(warnings);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        if (recommendations.isEmpty() == noChangeReason.isBlank()) {
            throw new IllegalArgumentException(recommendations.isEmpty()
                    ? "An empty recommendation set says why nothing is recommended: " + instance
                    : "A set with recommendations has no no-change reason: " + instance);
        }
    }

    /** A set without time windows (the whole day searched as one workload). */
    public RecommendationSet(String instance, String engineVersion, String model,
                             List<Recommendation> recommendations, String noChangeReason, PredictedEffect overall,
                             List<Considered> considered, List<String> warnings) {
        this(instance, engineVersion, model, recommendations, noChangeReason, overall, considered, warnings, List.of());
    }

    /** The same answer with the time windows' conflicts and their resolutions. */
    public RecommendationSet withConflicts(List<WindowConflict> next) {
        return new RecommendationSet(instance, engineVersion, model, recommendations, noChangeReason, overall,
                considered, warnings, next);
    }

    /** True for the explicit answer "no change recommended". */
    public boolean noChange() {
        return recommendations.isEmpty();
    }
}
