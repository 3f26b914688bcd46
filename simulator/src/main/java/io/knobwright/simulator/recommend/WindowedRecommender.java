package io.knobwright.simulator.recommend;

import io.knobwright.model.engine.Engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recommends for a day split into time windows (decision 0154): the whole day as one workload, as before, then each
 * window on its own, and the settings the windows want at different values resolved by {@link ConflictResolver}. The
 * whole-day answer's fields are unchanged; the resolutions go into {@link RecommendationSet#conflicts()}. Pure and
 * thread-safe like the recommender it wraps.
 */
public final class WindowedRecommender {

    private final Recommender recommender;

    public WindowedRecommender(Recommender recommender) {
        this.recommender = Objects.requireNonNull(recommender, "recommender");
    }

    /**
     * @param windows the day's windows, in any order; fewer than two means the day is alike and nothing is split
     * @throws IllegalArgumentException when two windows share an hour
     */
    public RecommendationSet recommend(RecommendationRequest request, List<WorkloadWindow> windows) {
        RecommendationSet whole = recommender.recommend(request);
        if (windows.size() < 2 || request.catalog().engineVersion().engine() != Engine.POSTGRESQL) {
            return whole;
        }
        List<WindowConflict> conflicts = new ArrayList<>();
        for (WindowConflict c : resolve(request, windows).conflicts()) {
            conflicts.add(replacing(c, whole));
        }
        return whole.withConflicts(conflicts);
    }

    /**
     * A conflict on a setting the whole-day answer also recommends says which of the two to follow: the whole-day
     * value averages windows that want different things.
     */
    private static WindowConflict replacing(WindowConflict c, RecommendationSet whole) {
        for (Recommendation r : whole.recommendations()) {
            if (r.parameter().equals(c.parameter()) && !r.to().equals(c.value())) {
                return new WindowConflict(c.parameter(), c.applyMode(), c.values(), c.resolution(), c.value(),
                        c.statements(), c.explanation() + " This takes the place of the whole-day recommendation "
                        + r.parameter() + " " + r.from() + " -> " + r.to() + ", which averages windows that want "
                        + "different values.", c.notChosen());
            }
        }
        return c;
    }

    /** The resolution with each window's resulting configuration (the tests check those against the constraints). */
    ConflictResolver.Outcome resolve(RecommendationRequest request, List<WorkloadWindow> windows) {
        List<WorkloadWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> DayWindow.compareByStart(a.window(), b.window()));
        Set<Integer> hours = new HashSet<>();
        for (WorkloadWindow w : sorted) {
            for (int h : w.window().hours()) {
                if (!hours.add(h)) {
                    throw new IllegalArgumentException("Hour " + h + " is in two windows");
                }
            }
        }
        List<RecommendationSet> sets = new ArrayList<>();
        for (WorkloadWindow w : sorted) {
            sets.add(recommender.recommend(request.withWorkload(w.shape())));
        }
        return new ConflictResolver(recommender.model()).resolve(request, sorted, sets);
    }
}
