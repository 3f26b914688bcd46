package io.knobwright.app.ui.recommend;

import io.knobwright.app.plan.PlanService;
import io.knobwright.app.recommend.AcceptedRecommendations;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationSet;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the Recommendations screen calls, each blocking (the view-model calls them off the FX thread): the fleet's
 * instances, the recommendation service, and what turns accepted recommendations into a stored draft plan.
 *
 * @param threads how many instances a fleet run searches at once: the search is CPU work, more threads only queue
 */
public record RecommendationsDesk(Supplier<List<Instance>> instances, RecommendationService recommendations,
                                  PlanMaker plans, int threads) {

    static final String NOT_WIRED = "Recommendations are not available in this workbench.";

    /** Stores one draft plan of the chosen recommendations, whole or not at all, and returns it with its id. */
    @FunctionalInterface
    public interface PlanMaker {
        ChangePlan create(Instance instance, RecommendationSet set, List<Recommendation> chosen);
    }

    public RecommendationsDesk {
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(recommendations, "recommendations");
        Objects.requireNonNull(plans, "plans");
        if (threads < 1) {
            throw new IllegalArgumentException("A fleet run needs at least one thread: " + threads);
        }
    }

    /** The workbench's: the store's fleet, the built-in recommender, plans through the plan service. */
    public static RecommendationsDesk of(io.knobwright.app.AppContext context) {
        return new RecommendationsDesk(() -> context.fleet().list(), context.recommendations(),
                planMaker(context.plans(), context.fleet()),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Plans through {@link PlanService#createDraft}: the accepted changes from and to as recommended, with the settings
     * snapshot the recommendation started from as the plan's baseline.
     */
    public static PlanMaker planMaker(PlanService plans, io.knobwright.app.fleet.FleetService fleet) {
        return (instance, set, chosen) -> {
            String baseline = fleet.latestSnapshot(instance.id()).map(s -> "snapshot of " + s.takenAt())
                    .orElse(ChangePlan.NO_BASELINE);
            return plans.createDraft(instance.id(), AcceptedRecommendations.SOURCE, baseline,
                    AcceptedRecommendations.plannedChanges(set, chosen));
        };
    }

    /** No fleet, and a service that says it is not there: for tests of other screens. */
    public static RecommendationsDesk none() {
        return new RecommendationsDesk(List::of, (instance, options) -> {
            throw UserError.input(NOT_WIRED);
        }, (instance, set, chosen) -> {
            throw UserError.input(NOT_WIRED);
        }, 1);
    }
}
